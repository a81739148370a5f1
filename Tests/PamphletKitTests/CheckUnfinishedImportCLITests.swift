import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// Freshly imported content is not ready to publish, and `check` says so with warnings (exit 0):
/// pages without review dates, and a self-check still holding the importer's placeholder outcome
/// texts, found by the importer's own note in its front matter (review G 12).
@Suite struct CheckUnfinishedImportCLITests {
    static let page = "TMS Therapy\n\nTMS uses magnetic pulses to treat depression.\n\nCould TMS be right for you?\n\n"
        + "I have tried two antidepressants.\nI could not tolerate side effects.\nI want a treatment without medication.\n"

    @Test func freshlyImportedContentGetsWarnings() throws {
        let folder = try LoadFixtures.temporaryFolder(["page.txt": Data(Self.page.utf8)])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/clinic"
        let imported = try CheckCLITests.pamphlet(["import", folder + "/page.txt", "--out", out])
        #expect(imported.status == 0, "\(imported.stderr)")
        let article = out + "/content/articles/tms-therapy.md"
        let checklist = out + "/content/checklists/could-tms-be-right-for-you.md"

        let check = try CheckCLITests.pamphlet(["check", out])
        #expect(check.status == 0)
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(check.stdout)")
        #expect(lines.contains { $0.hasPrefix(article + ":1:1: warning: 'tms-therapy' has no review dates") })
        #expect(lines.contains { $0.hasPrefix(checklist + ":1:1: warning: 'could-tms-be-right-for-you' has no review dates") })
        let text = try String(contentsOfFile: checklist, encoding: .utf8)
        let noteLine = try #require(text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains(PlainTextImporter.placeholderMarker) }) + 1
        #expect(lines.contains { $0.hasPrefix("\(checklist):\(noteLine):1: warning: ") && $0.contains("still the importer's placeholders") },
                "\(check.stdout)")
        #expect(check.stderr == "0 errors, 3 warnings in 3 files\n")
        // One file: the same warnings for it.
        let one = try CheckCLITests.pamphlet(["check", checklist, "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect(report["warnings"] as? Int == 2 && one.status == 0, "\(report)")

        // Review dates added and the note deleted (the outcome texts are the clinic's now): clean.
        let dates = "review: {last_reviewed: 2026-11-01, next_review: 2027-11-01}\n"
        for path in [article, checklist] {
            var text = try String(contentsOfFile: path, encoding: .utf8)
            text = text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains(PlainTextImporter.placeholderMarker) }.joined(separator: "\n")
            text = "---\n" + dates + text.dropFirst(4)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let clean = try CheckCLITests.pamphlet(["check", out])
        #expect(clean.status == 0 && clean.stdout == "" && clean.stderr == "no problems in 3 files\n", "\(clean.stdout)\(clean.stderr)")
    }

    /// The note the check looks for is the one the importer writes.
    @Test func theImporterWritesTheMarker() {
        #expect(PlainTextImporter.placeholderNote.contains(PlainTextImporter.placeholderMarker))
    }
}
