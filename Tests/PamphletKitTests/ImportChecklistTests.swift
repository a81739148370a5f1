import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// A self-check is made only from a real form: testimonials under a question heading became a
/// checklist with an invented outcome and vanished from the article (review B, finding 4).
@Suite struct ImportChecklistTests {
    func importText(_ text: String) -> ImportResult {
        PlainTextImporter.importData(Data(text.utf8), sourceName: "page.txt")
    }

    /// The reviewer's page: "What was it like?" over three "I ..." paragraphs told in the past.
    @Test func testimonialsStayInTheArticle() throws {
        let result = try ImportTestSupport.fixture("testimonials.txt")
        #expect(result.documents.map(\.document.kind) == [.article])
        let article = try #require(result.documents.first)
        #expect(article.document.checklist == nil)
        for story in ["I was nervous before my first visit.", "I found the staff kind and patient.",
                      "I would recommend the clinic to a friend."] {
            #expect(article.markdown.contains(story), "\(story) was lost")
        }
        ImportTestSupport.expectRoundTrip(result)
    }

    @Test(arguments: [
        // A story's prompt, not a yes/no question to the reader.
        "What was it like?\n\nI sleep badly.\n\nI feel tired.\n\nI worry a lot.\n",
        // Only two statements.
        "Is This You?\n\nI sleep badly.\n\nI feel tired.\n",
        // Statements of several sentences are a story.
        "Could This Be You?\n\nI sleep badly. It started last year.\n\nI feel tired. Work is hard.\n\nI worry. Nobody knows.\n",
        // Told in the past tense.
        "Could This Be You?\n\nI was nervous at first.\n\nI felt welcome.\n\nI found the staff kind.\n",
    ])
    func notAForm(_ text: String) throws {
        let result = importText(text)
        #expect(!result.documents.contains { $0.document.kind == .checklist }, "\(text)")
        // Every statement is still in the article.
        let article = try #require(result.documents.first)
        for statement in text.split(separator: "\n") where statement.hasPrefix("I ") {
            #expect(article.markdown.contains(statement), "\(statement)")
        }
    }

    @Test(arguments: [
        ("Could TMS Be Right For You?\n\nI struggle with depression.\n\nI have tried medication.\n\nI sleep badly.\n", [String]()),
        ("Do you have these symptoms?\n\nI sleep badly.\n\nI feel tired most days.\n\nI have lost interest in things.\n", []),
        ("Your Mood\n\nHow have you been feeling?\n\nCheck all that apply.\n\nI sleep badly.\n\nI feel tired.\n\nI worry a lot.\n",
         ["Check all that apply."]),
    ])
    func aRealFormIsFound(_ text: String, _ notItems: [String]) throws {
        let result = importText(text)
        let checklist = try #require(result.documents.compactMap(\.document.checklist).first, "\(text)")
        #expect(checklist.items.count == 3)
        for line in notItems { #expect(!checklist.items.map(\.text).contains(line)) }
        // The instruction goes with the form; it is not left behind in the article.
        for imported in result.documents where imported.document.checklist == nil {
            #expect(!imported.markdown.contains("Check all that apply"))
        }
        ImportTestSupport.expectRoundTrip(result)
    }

    @Test(arguments: [
        ("Could TMS Therapy Be Right For You?", true), ("Do you have trouble sleeping?", true), ("Is This You?", true),
        ("What was it like?", false), ("How did you feel?", false), ("Is ketamine addictive?", false),
    ])
    func questionToTheReader(_ question: String, _ expected: Bool) {
        #expect(ChecklistDetection.addressesReader(question) == expected)
    }

    /// End to end: the summary tells staff a self-check was made, so they read it before publishing.
    @Test func cliSummaryNamesTheSelfCheck() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-import-form-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("mood.txt")
        try "Mood Clinic\n\nWe help with low mood.\n\nDo you have these symptoms?\n\nI sleep badly.\n\nI feel tired.\n\nI worry a lot.\n"
            .write(to: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let run = try CheckCLITests.pamphlet(["import", input.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("wrote \(out.path)/content/checklists/do-you-have-these-symptoms.md (checklist, 3 items)"))
        #expect(run.stdout.contains(
            "note: \(input.path): the form \"Do you have these symptoms?\" became a self-check; its outcome texts are placeholders: read it before publishing"),
            "\(run.stdout)")
    }
}
