import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// The real `pamphlet import` binary, as an operator would use it (runs through `CheckCLITests.pamphlet`).
@Suite struct ImportCLITests {
    func tempDir() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-import-cli-\(UUID().uuidString)")
    }

    @Test(.enabled(if: ImportTestSupport.seedExists, "the seed is not beside the repository"))
    func seedImportsChecksAndLists() throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CheckCLITests.pamphlet(["import", ImportTestSupport.seed.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").map(String.init) == [
            "wrote \(out.path)/content/articles/is-ketamine-an-opiate.md (article, 6 sections)",
            "wrote \(out.path)/content/checklists/could-tms-therapy-be-right-for-you.md (checklist, 5 items)",
            "note: \(ImportTestSupport.seed.path): the form \"Could TMS Therapy Be Right For You?\" became a self-check; "
                + "its outcome texts are placeholders: read it before publishing",
            "wrote \(out.path)/site.yaml",
            "note: the clinic name in \(out.path)/site.yaml is \"Is Ketamine an Opiate?\" (the first document's title): "
                + "edit its 'name:' line, or import into a new folder with --site-name \"Clinic Name\"",
        ])
        #expect(run.stderr == "", "piped: no progress line")

        let check = try CheckCLITests.pamphlet(["check", out.path])
        #expect(check.status == 0, "\(check.stdout)")

        let list = try CheckCLITests.pamphlet(["list", "--json", "--content", out.path])
        #expect(list.status == 0)
        struct Entry: Decodable {
            struct Sec: Decodable { var id: String; var title: String }
            var id: String; var kind: String; var title: String; var sections: [Sec]
        }
        let entries = try JSONDecoder().decode([Entry].self, from: Data(list.stdout.utf8))
        let article = try #require(entries.first { $0.id == "is-ketamine-an-opiate" })
        #expect(article.sections.map(\.title) == [
            "Ketamine Effects", "Ketamine Drug Trials", "The Difference Between Ketamine & Opiates",
            "Is Ketamine Addictive?", "Ketamine Efficacy in TRD", "Ketamine Treatment for Depression is Available",
        ])
        for boilerplate in ["Leave a Reply", "Your email address", "Get in touch", "Contact Us", "Call Us Today"] {
            #expect(!list.stdout.contains(boilerplate))
        }
    }

    @Test func neverOverwritesWithoutForce() throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        let input = ImportTestSupport.fixtures.appendingPathComponent("underlined.txt").path
        #expect(try CheckCLITests.pamphlet(["import", input, "--out", out.path]).status == 0)
        let file = out.appendingPathComponent("content/articles/visiting-the-clinic.md")
        try "edited by staff\n".write(to: file, atomically: true, encoding: .utf8)

        let again = try CheckCLITests.pamphlet(["import", input, "--out", out.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists; not overwritten (use --force to replace it)"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "edited by staff\n")

        let forced = try CheckCLITests.pamphlet(["import", input, "--out", out.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("## After the Visit"))
    }

    @Test func badInputIsNamedAndGoodInputStillImports() throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let binary = out.appendingPathComponent("photo.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0x00, 0x10]).write(to: binary)
        let good = ImportTestSupport.fixtures.appendingPathComponent("qa-faq.txt").path
        let run = try CheckCLITests.pamphlet(["import", "/nonexistent/page.txt", binary.path, good, "--out", out.path,
                                              "--site-name", "Test Clinic"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("/nonexistent/page.txt:1:1: error: cannot read file"))
        #expect(run.stderr.contains("\(binary.path):1:1: error: looks like a binary file"))
        #expect(run.stdout.contains("content/faq/parking-and-transport-faq.md (faq, 3 sections)"))
        let site = try String(contentsOf: out.appendingPathComponent("site.yaml"), encoding: .utf8)
        #expect(site.contains("name: \"Test Clinic\""))
    }

    /// The same text imported again as another kind would have written a second file with the same
    /// id (exit 0, only a note): the folder then failed `check` and a kiosk refused it.
    @Test func idAlreadyInTheFolderIsRefused() throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        let input = ImportTestSupport.fixtures.appendingPathComponent("underlined.txt").path
        #expect(try CheckCLITests.pamphlet(["import", input, "--out", out.path]).status == 0)

        for extra in [[], ["--force"]] {
            let again = try CheckCLITests.pamphlet(["import", input, "--kind", "faq", "--out", out.path] + extra)
            #expect(again.status == 1)
            #expect(again.stderr.contains(
                "document id 'visiting-the-clinic' is already used by \(out.path)/content/articles/visiting-the-clinic.md"),
                "\(again.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("content/faq/visiting-the-clinic.md").path))
        }
        #expect(try CheckCLITests.pamphlet(["check", out.path]).status == 0)
        // Replacing the very same file is what --force is for.
        #expect(try CheckCLITests.pamphlet(["import", input, "--out", out.path, "--force"]).status == 0)
    }

    /// A run that stopped at an existing file had written the files before it (exit 1), so the same
    /// command run again failed on those too (review D 17): every target is checked first.
    @Test func aRunThatCannotWriteOneFileWritesNone() throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        let underlined = ImportTestSupport.fixtures.appendingPathComponent("underlined.txt").path
        let faq = ImportTestSupport.fixtures.appendingPathComponent("qa-faq.txt").path
        #expect(try CheckCLITests.pamphlet(["import", underlined, "--out", out.path]).status == 0)
        let before = try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted()

        let run = try CheckCLITests.pamphlet(["import", faq, underlined, "--out", out.path])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty, "\(run.stdout)")
        #expect(run.stderr.contains("visiting-the-clinic.md already exists; not overwritten (use --force to replace it)"), "\(run.stderr)")
        #expect(run.stderr.contains("nothing written: 1 of 2 files could not be written"), "\(run.stderr)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted() == before)

        // With the clash gone, the same command writes both.
        let forced = try CheckCLITests.pamphlet(["import", faq, underlined, "--out", out.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("content/faq/parking-and-transport-faq.md (faq, 3 sections)"), "\(forced.stdout)")
    }

    /// The clinic name defaults to the first page's title, which the kiosk's attract screen then
    /// shows as the clinic's name; nothing had said so (review D 10).
    @Test func aSiteNamedAfterAPageSaysHowToRenameIt() throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        let input = ImportTestSupport.fixtures.appendingPathComponent("underlined.txt").path
        let run = try CheckCLITests.pamphlet(["import", input, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.last == "note: the clinic name in \(out.path)/site.yaml is \"Visiting the Clinic\" (the first document's title): "
                + "edit its 'name:' line, or import into a new folder with --site-name \"Clinic Name\"", "\(run.stdout)")
        #expect(try String(contentsOf: out.appendingPathComponent("site.yaml"), encoding: .utf8).contains("name: \"Visiting the Clinic\""))

        // Named with --site-name, or site.yaml already there: nothing to say.
        let named = tempDir()
        defer { try? FileManager.default.removeItem(at: named) }
        let given = try CheckCLITests.pamphlet(["import", input, "--out", named.path, "--site-name", "Example Clinic"])
        #expect(given.status == 0 && !given.stdout.contains("note:"), "\(given.stdout)")
        let again = try CheckCLITests.pamphlet(["import", input, "--out", out.path, "--force"])
        #expect(again.status == 0 && !again.stdout.contains("note:"), "\(again.stdout)")
    }

    /// The importer had copied a one-sentence lead paragraph into `summary:`, and the intro is
    /// indexed with its summary, so search snippets read the sentence twice (review D 11).
    @Test func aSearchSnippetDoesNotRepeatTheLeadParagraph() throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        let input = ImportTestSupport.fixtures.appendingPathComponent("site-chrome.txt").path
        #expect(try CheckCLITests.pamphlet(["import", input, "--out", out.path, "--site-name", "Test Clinic"]).status == 0)
        let page = try String(contentsOf: out.appendingPathComponent("content/articles/visiting-the-clinic.md"), encoding: .utf8)
        #expect(!page.contains("summary:"), "\(page)")
        let run = try CheckCLITests.pamphlet(["search", "parking", "behind", "--content", out.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        struct Hit: Decodable { var id: String; var snippet: String }
        let hit = try #require(try JSONDecoder().decode([Hit].self, from: Data(run.stdout.utf8)).first)
        #expect(hit.id == "visiting-the-clinic")
        #expect(hit.snippet.components(separatedBy: "behind the building").count == 2, "\(hit.snippet)")
    }

    /// `--out` naming a file gave Foundation's "The operation could not be completed. (NSCocoaErrorDomain error 512.)".
    @Test func outThatIsAFileIsNamed() throws {
        let folder = tempDir()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("ofile")
        try Data().write(to: file)
        let input = ImportTestSupport.fixtures.appendingPathComponent("underlined.txt").path
        let run = try CheckCLITests.pamphlet(["import", input, "--out", file.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot write file: \(file.path): is a file, not a folder"), "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test func helpHasAnExample() throws {
        let run = try CheckCLITests.pamphlet(["import", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Examples:") && run.stdout.contains("pamphlet import page.txt --out clinic/"))
        let bad = try CheckCLITests.pamphlet(["import", "x.txt", "--out", "/tmp/never", "--kind", "leaflet"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("unknown kind 'leaflet'"))
    }
}
