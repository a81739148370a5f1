import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// A page saved with its site menu and footer got the title "Skip to content" and kept
/// "© 2026 ... All rights reserved."; staff had no way to fix the title or id (review B, finding 6).
@Suite struct ImportChromeTests {
    func importText(_ text: String, options: ImportOptions = ImportOptions()) -> ImportResult {
        PlainTextImporter.importData(Data(text.utf8), sourceName: "page.txt", options: options)
    }

    @Test func menuAndFooterAreDropped() throws {
        let result = try ImportTestSupport.fixture("site-chrome.txt")
        let imported = try #require(result.documents.first)
        #expect(imported.document.title == "Visiting the Clinic")
        #expect(imported.document.id == "visiting-the-clinic")
        #expect(imported.document.sections.map(\.heading) == ["Opening Hours"])
        // The lead paragraph is this one sentence: no summary repeating it (review D 11), the text stays.
        #expect(imported.document.summary == "")
        #expect(imported.document.intro.count == 1 && imported.markdown.contains("\nParking is free behind the building for all patients.\n"))
        for chrome in ["Skip to main content", "Home", "About Us", "Ketamine Therapy", "Menu", "©", "All rights reserved",
                       "Privacy Policy"] {
            #expect(!imported.markdown.contains(chrome), "\(chrome)")
            #expect(result.droppedLines.contains { $0.contains(chrome) }, "\(chrome)")
        }
        ImportTestSupport.expectRoundTrip(result)
    }

    /// The reviewer's case: the clinic's page with a menu before it and a footer after it imports
    /// exactly as the page alone does.
    @Test(.enabled(if: ImportTestSupport.seedExists)) func seedWithChromeImportsLikeTheSeed() throws {
        let seed = try String(contentsOf: ImportTestSupport.seed, encoding: .utf8)
        let wrapped = "Skip to content\nHome\nAbout Us\nServices\nContact Us\nMenu\n\n" + seed
            + "\n© 2026 Neuro Wellness Spa. All rights reserved.\nPrivacy Policy | Terms of Use\n"
        let plain = PlainTextImporter.importText(seed, sourceName: "seed.txt")
        let chrome = PlainTextImporter.importText(wrapped, sourceName: "seed.txt")
        #expect(chrome.documents.map(\.markdown) == plain.documents.map(\.markdown))
        #expect(chrome.documents.map(\.document.sections.count) == plain.documents.map(\.document.sections.count))
        #expect(chrome.documents.first?.document.title == "Is Ketamine an Opiate?")
    }

    /// The menu as one row of links on the first line, the title glued under it (review A, finding 17).
    @Test(arguments: [
        "Home | About Us | Services | Contact\nTMS Therapy FAQ\n\nTMS uses magnetic pulses.\n",
        "Home | About Us | Services | Contact\n\nTMS Therapy FAQ\n\nTMS uses magnetic pulses.\n",
        "Home / About / Our Team / Services / Conditions We Treat / Treatments / Resources / Blog / Contact Us\nTMS Therapy FAQ\n\nTMS uses magnetic pulses.\n",
    ])
    func menuRowOnOneLineIsDropped(_ text: String) throws {
        let result = importText(text)
        let imported = try #require(result.documents.first)
        #expect(imported.document.title == "TMS Therapy FAQ")
        #expect(imported.document.id == "tms-therapy-faq")
        #expect(!imported.markdown.contains("About"))
        #expect(result.droppedLines.first?.hasPrefix("Home ") == true)
        ImportTestSupport.expectRoundTrip(result)
    }

    /// Only unmistakable chrome goes: a page about home care, a lunch menu, a short title right
    /// after the menu, a last line that merely mentions privacy, a row with a word no menu has.
    @Test(arguments: [
        ("Home Care\n\nWe visit you at home when you cannot come to us.\n", "Home Care", "We visit you at home"),
        ("Menu\n\nOur lunch menu changes every day.\n", "Menu", "lunch menu"),
        ("Home\nContact Us\n\nParking\n\nPark behind the building.\n", "Parking", "Park behind the building."),
        ("Privacy\n\nYour records are private.\n\nWe never share them.\n", "Privacy", "We never share them."),
        ("Contact | Directions\n\nThe clinic is behind the station.\n", "Contact | Directions", "behind the station"),
    ])
    func ordinaryTextIsKept(_ text: String, _ title: String, _ kept: String) throws {
        let imported = try #require(importText(text).documents.first)
        #expect(imported.document.title == title)
        #expect(imported.markdown.contains(kept))
    }

    @Test func titleAndIDOptionsReplaceTheFoundOnes() throws {
        let options = ImportOptions(title: "Parking at the Clinic", id: "parking")
        let text = try #require(importText("[ ] Logo\n\nPark behind the building.\n", options: options).documents.first)
        #expect(text.document.title == "Parking at the Clinic")
        #expect(text.document.id == "parking")
        #expect(text.relativePath == "content/articles/parking.md")
        #expect(text.markdown.contains("id: parking\n") && text.markdown.contains("title: \"Parking at the Clinic\"\n"))

        let markdown = try #require(MarkdownImporter.importData(Data("# Old\n\nText.\n".utf8), sourceName: "a.md", options: options).documents.first)
        #expect(markdown.document.title == "Parking at the Clinic" && markdown.document.id == "parking")

        // A file with front matter is the staff's own: its title and id are edited there.
        let ours = MarkdownImporter.importData(Data("---\nkind: article\ntitle: Old\n---\n\nText.\n".utf8), sourceName: "b.md", options: options)
        #expect(ours.documents.isEmpty)
        #expect(ours.diagnostics.first?.message.contains("--title and --id are for text and Markdown without front matter") == true)
    }

    @Test func cliTitleAndID() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-import-chrome-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let input = ImportTestSupport.fixtures.appendingPathComponent("site-chrome.txt").path
        let run = try CheckCLITests.pamphlet(["import", input, "--title", "Visiting Us", "--id", "visiting", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("wrote \(out.path)/content/articles/visiting.md (article, 1 section)"), "\(run.stdout)")
        let file = try String(contentsOf: out.appendingPathComponent("content/articles/visiting.md"), encoding: .utf8)
        #expect(file.contains("title: \"Visiting Us\""))

        let two = try CheckCLITests.pamphlet(["import", input, input, "--title", "X", "--out", out.path])
        #expect(two.status != 0)
        #expect(two.stderr.contains("--title and --id name one document: give them with a single input file (2 given)"))
        let badID = try CheckCLITests.pamphlet(["import", input, "--id", "my page", "--out", out.path])
        #expect(badID.status != 0)
        #expect(badID.stderr.contains("--id 'my page': use letters, digits, '-' and '_' (e.g. 'my-page')"))
    }
}
