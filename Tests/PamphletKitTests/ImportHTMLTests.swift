import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// A saved `.html` page was imported as garbage (title `<!DOCTYPE html ...>`, escaped tags, exit 0):
/// HTML is now refused with a message that says how to save the page as text (review B, finding 5).
@Suite struct ImportHTMLTests {
    static let page = """
        <!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN">
        <html><head><title>w3m FAQ</title></head>
        <body><h1>w3m FAQ</h1><p>What is w3m?</p><p>A pager and a text-based web browser.</p></body></html>
        """

    /// A fragment without doctype: a page body, many tags around little text.
    static let tagSoup = String(repeating: "<div class=\"row\"><span class=\"cell\"><a href=\"/x\">Link</a></span></div>\n", count: 12)

    @Test(arguments: [
        ("doctype", page),
        ("lower-case doctype after spaces", "\n\n   <!doctype html>\n<title>x</title><p>Hello"),
        ("byte-order mark and <HTML>", "\u{FEFF}\n<HTML lang=\"en\">\n<BODY>Hello</BODY></HTML>\n"),
        ("xml prologue", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>Hi</body></html>\n"),
        ("mostly tags", tagSoup),
    ])
    func htmlIsRefusedByBothImporters(_ name: String, _ html: String) {
        let data = Data(html.utf8)
        for result in [PlainTextImporter.importData(data, sourceName: "saved.txt"),
                       MarkdownImporter.importData(data, sourceName: "saved.md")] {
            #expect(result.documents.isEmpty, "\(name)")
            #expect(result.diagnostics.count == 1)
            #expect(result.diagnostics.first?.severity == .error)
            #expect(result.diagnostics.first?.message == HTMLCheck.message)
        }
    }

    /// A CMS fragment saved as .html (a dozen tags, no doctype) had been imported (review C 7).
    @Test(arguments: ["entry.html", "ENTRY.HTM", "page.xhtml"])
    func aFileNamedHTMLIsRefused(_ name: String) {
        let fragment = "<div class=\"entry-content\">\n<h2>Is TMS safe?</h2>\n<p>Yes.</p>\n</div>\n"
        let result = PlainTextImporter.importData(Data(fragment.utf8), sourceName: name)
        #expect(result.documents.isEmpty)
        #expect(result.diagnostics.map(\.message) == [HTMLCheck.message])
    }

    @Test(arguments: [
        "Using HTML\n\nWrite <html> at the top of the file, then <body>.\n",
        "# Badges\n\n<p align=\"center\"><img src=\"logo.png\"></p>\n\nA library for parsing things. It has a long description that is text.\n",
    ])
    func textThatMentionsTagsIsNotHTML(_ text: String) {
        #expect(!HTMLCheck.looksLikeHTML(Data(text.utf8)))
    }

    @Test(.enabled(if: ImportTestSupport.seedExists)) func theSeedIsNotHTML() throws {
        #expect(!HTMLCheck.looksLikeHTML(try Data(contentsOf: ImportTestSupport.seed)))
    }

    /// A real saved page nobody on the team wrote (w3m's FAQ, when the w3m package is installed).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/doc/w3m/FAQ.html")))
    func w3mFAQPageIsRefused() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: "/usr/share/doc/w3m/FAQ.html"))
        let result = PlainTextImporter.importData(data, sourceName: "FAQ.html")
        #expect(result.documents.isEmpty)
        #expect(result.diagnostics.map(\.message) == [HTMLCheck.message])
    }

    /// End to end: exit 1, the file named with the advice, and nothing written (not even site.yaml).
    @Test func cliRefusesAndWritesNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-import-html-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("FAQ.txt")
        try Self.page.write(to: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let run = try CheckCLITests.pamphlet(["import", input.path, "--out", out.path, "--site-name", "Test Clinic"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(input.path):1:1: error: looks like HTML: save the page as text (in a browser: Save as, Text) and import that"),
                "\(run.stderr)")
        #expect(run.stdout == "")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
