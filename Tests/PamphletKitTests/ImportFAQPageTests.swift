import Foundation
import Testing
@testable import PamphletKit

/// An ordinary FAQ page saved as text (review A, finding 17): a menu row on the first line, each
/// answer on the line right after its question, a phone call to action between two answers (kept:
/// once on a page it may be an answer), a comment form and a © line at the end. It imported with the menu as its title and two sections.
@Suite struct ImportFAQPageTests {
    static let questions: [(String, String)] = [
        ("What is TMS?", "TMS (transcranial magnetic stimulation) uses magnetic pulses to stimulate nerve cells in the brain. It is non-invasive and does not require anesthesia."),
        ("Does TMS hurt?", "Most patients feel a tapping sensation on the scalp. Some have a mild headache after the first sessions."),
        ("How many sessions will I need?", "A typical course is 36 sessions over 9 weeks, 5 days a week."),
        ("Is TMS covered by insurance?", "Most major insurers cover TMS for depression when at least two antidepressants have not helped."),
        ("Can I drive after a session?", "Yes. You can drive yourself home and return to work."),
    ]

    /// With --kind faq and without it (the questions make it an FAQ): the same document.
    @Test(arguments: [DocumentKind.faq, nil])
    func importsTheFiveQuestionsWithoutChrome(_ kind: DocumentKind?) throws {
        let result = try ImportTestSupport.fixture("page2.txt", options: ImportOptions(kind: kind))
        #expect(result.diagnostics.isEmpty)
        try #require(result.documents.count == 1)
        let imported = result.documents[0]
        let doc = imported.document
        #expect(doc.title == "TMS Therapy FAQ")
        #expect(doc.id == "tms-therapy-faq")
        #expect(doc.kind == .faq)
        #expect(imported.relativePath == "content/faq/tms-therapy-faq.md")
        #expect(doc.intro.isEmpty)
        #expect(doc.sections.map(\.heading) == Self.questions.map(\.0))
        // The call to action, once on the page, stays where it stood (it could be an answer).
        var blocks = Self.questions.map { [Block.paragraph([.text($0.1)])] }
        blocks[2].append(.paragraph([.text("Call us today: (555) 123-4567")]))
        #expect(doc.sections.map(\.blocks) == blocks)
        #expect(doc.sections.allSatisfy { $0.level == 2 })
        for chrome in ["Home", "About Us", "Services", "Contact", "Leave a comment",
                       "Your email address", "©", "All rights reserved", "Neuro Wellness Spa"] {
            #expect(!imported.markdown.contains(chrome), "\(chrome)")
            #expect(result.droppedLines.contains { $0.contains(chrome) }, "\(chrome)")
        }
        ImportTestSupport.expectRoundTrip(result)
        #expect(try ImportTestSupport.loadAsFolder(result).diagnostics.isEmpty)
    }

    /// As a user runs it: `pamphlet import page.txt --kind faq --out DIR`, then `pamphlet check DIR`.
    @Test func cliImportThenCheckIsClean() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-import-faq-page-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let input = ImportTestSupport.fixtures.appendingPathComponent("page2.txt").path
        let run = try CheckCLITests.pamphlet(["import", input, "--kind", "faq", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("wrote \(out.path)/content/faq/tms-therapy-faq.md (faq, 5 sections)"), "\(run.stdout)")
        let check = try CheckCLITests.pamphlet(["check", out.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // The one warning: the page has no review dates yet, as the importer's header comment says (review G 12).
        #expect(check.stdout == "\(out.path)/content/faq/tms-therapy-faq.md:1:1: warning: 'tms-therapy-faq' has no review dates: "
                + "once the page has been checked, add review: {last_reviewed: YYYY-MM-DD, next_review: YYYY-MM-DD}\n",
                "\(check.stdout)")
        #expect(check.stderr == "0 errors, 1 warning in 2 files\n", "\(check.stderr)")
    }
}
