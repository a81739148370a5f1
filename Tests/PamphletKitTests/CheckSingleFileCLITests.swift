import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// `pamphlet check FILE.md` after an edit: inside a content folder the file's links are checked
/// against that folder; alone, the summary says what was not checked (review G 3).
@Suite struct CheckSingleFileCLITests {
    static let review = "review: {last_reviewed: 2026-01-01, next_review: 2027-06-01}\n"

    static func folder() throws -> String {
        try LoadFixtures.temporaryFolder([
            "site.yaml": LoadFixtures.minimalSite,
            "content/treatments/tms.md": Data(("---\nkind: article\ntitle: TMS\n" + review
                + "---\n\n## Fees\n\nSee [fees](pamphlet:fees), [z](pamphlet:#nope) and [faq](pamphlet:faq#cost).\n").utf8),
            "content/faq.md": Data(("---\nkind: faq\ntitle: FAQ\n" + review
                + "---\n\n## Cost?\n\nSee [gone](pamphlet:elsewhere).\n").utf8),
        ])
    }

    @Test func aFileInAContentFolderIsCheckedAgainstIt() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/content/treatments/tms.md"
        let run = try CheckCLITests.pamphlet(["check", file])
        #expect(run.status == 1)
        // Only this file's problems, under the path as given; the valid link to faq#cost is fine.
        #expect(run.stdout == """
            \(file):9:5: error: broken cross-reference 'pamphlet:fees': no document with id 'fees'
            \(file):9:28: error: broken cross-reference 'pamphlet:#nope': no document id before '#' (write pamphlet:doc-id#section)

            """, "\(run.stdout)")
        #expect(run.stderr == "2 errors, 0 warnings in 1 file\n")

        let json = try CheckCLITests.pamphlet(["check", file, "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["files"] as? Int == 1 && report["errors"] as? Int == 2 && report["uncheckedLinks"] == nil, "\(report)")
        let paths = (report["problems"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(paths == [file, file])
    }

    /// The file is fine, but another file's error stops the folder loading, so the edit would not
    /// show in the browser or the kiosk: the summary says so (review I 3; exit 0, the file is fine).
    @Test func errorsInTheFoldersOtherFilesAreNamedInTheSummary() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/content/faq.md"
        try Data(("---\nkind: faq\ntitle: FAQ\n" + Self.review + "---\n\n## Cost?\n\nAsk.\n").utf8).write(to: URL(fileURLWithPath: file))
        let run = try CheckCLITests.pamphlet(["check", file])
        #expect(run.status == 0)
        #expect(run.stdout == "")
        #expect(run.stderr == "no problems in 1 file; the folder has 2 errors in other files, so the browser and the kiosk "
            + "will not load it: run `pamphlet check \(folder)`\n", "\(run.stderr)")
        let json = try CheckCLITests.pamphlet(["check", file, "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["errors"] as? Int == 0 && report["errorsInOtherFiles"] as? Int == 2, "\(report)")
        // With the other file fixed, nothing more is said.
        try Data(("---\nkind: article\ntitle: TMS\n" + Self.review + "---\n\nFine.\n").utf8)
            .write(to: URL(fileURLWithPath: folder + "/content/treatments/tms.md"))
        #expect(try CheckCLITests.pamphlet(["check", file]).stderr == "no problems in 1 file\n")
    }

    @Test func aRelativePathKeepsItsSpelling() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CheckCLITests.pamphlet(["check", "content/faq.md"], directory: URL(fileURLWithPath: folder))
        #expect(run.stdout == "content/faq.md:9:5: error: broken cross-reference 'pamphlet:elsewhere': "
            + "no document with id 'elsewhere'\n", "\(run.stdout)")
        #expect(run.stderr == "1 error, 0 warnings in 1 file\n")
    }

    @Test func aFileAloneReportsMalformedLinksAndSaysWhatWasNotChecked() throws {
        let folder = try LoadFixtures.temporaryFolder([
            "tms.md": Data(("---\nkind: article\ntitle: TMS\n" + Self.review
                + "---\n\n## Fees\n\nSee [fees](pamphlet:fees), [z](pamphlet:#nope) and [me](pamphlet:tms#fees).\n").utf8),
            "ok.md": Data(("---\nkind: article\ntitle: OK\n" + Self.review + "---\n\nSee [fees](pamphlet:fees).\n").utf8),
            "plain.md": Data(("---\nkind: article\ntitle: Plain\n" + Self.review + "---\n\nNo links.\n").utf8),
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let note = " (links to other pages not checked: run `pamphlet check DIR`)"
        let run = try CheckCLITests.pamphlet(["check", folder + "/tms.md"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("'pamphlet:#nope': no document id before '#'") && !run.stdout.contains("'pamphlet:fees'"), "\(run.stdout)")
        #expect(run.stderr == "1 error, 0 warnings in 1 file" + note + "\n")

        let ok = try CheckCLITests.pamphlet(["check", folder + "/ok.md"])
        #expect(ok.status == 0 && ok.stderr == "no problems in 1 file" + note + "\n", "\(ok.stderr)")
        let plain = try CheckCLITests.pamphlet(["check", folder + "/plain.md"])
        #expect(plain.status == 0 && plain.stderr == "no problems in 1 file\n", "\(plain.stderr)")

        let json = try CheckCLITests.pamphlet(["check", folder + "/ok.md", "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["uncheckedLinks"] as? Int == 1 && report["errors"] as? Int == 0, "\(report)")
    }

    @Test func enclosingFolderKeepsTheGivenSpelling() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let found = ContentLoader.enclosingFolder(of: folder + "/content/faq.md")
        #expect(found == ContentLoader.EnclosingFolder(directory: folder, shownPath: folder + "/content/faq.md"))
        // A file beside content/ is not part of the folder.
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/notes.md"))
        #expect(ContentLoader.enclosingFolder(of: folder + "/notes.md") == nil)
    }
}
