import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// Markdown without front matter (a README.md) was refused with "missing front matter"; the README
/// says import takes "a web page saved as text (or Markdown)" (review B, finding 3). It now gets
/// front matter and keeps its Markdown as it is.
@Suite struct ImportBareMarkdownTests {
    func importMarkdown(_ text: String, name: String = "page.md", options: ImportOptions = ImportOptions()) -> ImportResult {
        MarkdownImporter.importData(Data(text.utf8), sourceName: name, options: options)
    }

    @Test func readmeBecomesAnArticleWithItsMarkdownKept() throws {
        let data = try Data(contentsOf: ImportTestSupport.fixtures.appendingPathComponent("readme.md"))
        let result = MarkdownImporter.importData(data, sourceName: "readme.md")
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let imported = try #require(result.documents.first)
        let doc = imported.document
        #expect(doc.title == "Visiting the Clinic")
        #expect(doc.id == "visiting-the-clinic")
        #expect(doc.kind == .article)
        #expect(imported.relativePath == "content/articles/visiting-the-clinic.md")
        #expect(doc.summary == "Welcome to our clinic.")
        #expect(doc.sections.map(\.heading) == ["Parking", "Evening Parking", "Getting Here"])
        #expect(doc.sections.map(\.level) == [2, 3, 2])
        // Markdown syntax kept, not escaped; comments and the title line left out of the body.
        for kept in ["Welcome to **our clinic**.", "[the map](https://example.org/map)", "`Gate B`",
                     "- Open *every day*", "| 12  | Clinic |", "### Evening Parking"] {
            #expect(imported.markdown.contains(kept), "\(kept)")
        }
        for gone in ["vim:", "TODO", "# Visiting the Clinic", "\\*"] {
            #expect(!imported.markdown.contains(gone), "\(gone)")
        }
        #expect(imported.markdown.hasPrefix("---\n# Imported from readme.md"))
        ImportTestSupport.expectRoundTrip(result)
        let loaded = try ImportTestSupport.loadAsFolder(result)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
    }

    @Test func withoutAHeadingTheFirstLineIsTheTitle() throws {
        let short = try #require(importMarkdown("Clinic Hours\n\nWe are open from 8 to 6 on weekdays.\n").documents.first?.document)
        #expect(short.title == "Clinic Hours")
        #expect(short.intro.plainText == "We are open from 8 to 6 on weekdays.")

        // A wrapped first paragraph: its first line names the page, the paragraph stays whole.
        let long = try #require(importMarkdown("This page explains *how* to prepare for\nyour first visit to us.\n\n## Before\n\nEat lightly.\n")
            .documents.first?.document)
        #expect(long.title == "This page explains how to prepare for")
        #expect(long.intro.plainText == "This page explains how to prepare for your first visit to us.")
        #expect(long.sections.map(\.heading) == ["Before"])
    }

    /// A README that uses `#` for every part: the first is the title, the others become `##` sections.
    @Test func levelOneSectionsMoveDown() throws {
        let result = importMarkdown("# Tool\n\nIntro.\n\n# Install\n\nRun it.\n\n## From Source\n\nBuild it.\n\n#### Notes\n\nNone.\n")
        let imported = try #require(result.documents.first)
        #expect(imported.document.title == "Tool")
        #expect(imported.document.sections.map(\.heading) == ["Install", "From Source"])
        #expect(imported.document.sections.map(\.level) == [2, 3])
        #expect(imported.markdown.contains("\n## Install\n") && imported.markdown.contains("\n### From Source\n")
                && imported.markdown.contains("\n##### Notes\n"))
        // No "level-1 heading" warning: the file reads as a proper content file.
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(try ImportTestSupport.loadAsFolder(result).diagnostics.isEmpty)
    }

    @Test func mostlyQuestionsMakeAnFAQ() throws {
        let doc = try #require(importMarkdown("""
            # Parking FAQ

            ## Where do I park?

            Behind the building.

            ## Is it free?

            Yes, for patients.

            ## Can I park overnight?

            No.
            """).documents.first?.document)
        #expect(doc.kind == .faq)
        #expect(doc.sections.count == 3)
    }

    /// A `.md` that has front matter is still validated and copied byte for byte.
    @Test func frontMatterFilesAreCopiedAsBefore() throws {
        let text = "---\nid: hours\nkind: article\ntitle: Hours\n---\n\nOpen *daily*.\n"
        let result = importMarkdown(text)
        #expect(result.documents.first?.markdown == text)
        let broken = importMarkdown("---\ntitle: Hours\n---\n\nOpen.\n")
        #expect(broken.documents.isEmpty && broken.diagnostics.hasErrors)
    }

    /// Real Markdown nobody on the team wrote, as Debian ships it: setext headings, code, lists.
    @Test(arguments: [
        ("/usr/share/doc/procps/bugs.md", "BUG REPORTS", ["Where to send"]),
        ("/usr/share/doc/zstd/TESTING.md", "Testing", ["Short Tests", "Medium Tests", "Long Tests"]),
    ])
    func debianMarkdown(_ path: String, _ title: String, _ headings: [String]) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let result = MarkdownImporter.importData(try Data(contentsOf: URL(fileURLWithPath: path)), sourceName: path)
        let doc = try #require(result.documents.first?.document, "\(result.diagnostics)")
        #expect(doc.title == title)
        for heading in headings { #expect(doc.sections.map(\.heading).contains(heading), "\(heading)") }
        #expect(!result.diagnostics.hasErrors)
        ImportTestSupport.expectRoundTrip(result)
    }

    /// End to end: `pamphlet import README.md --out DIR` then `pamphlet check DIR` is clean.
    @Test func cliImportsAndChecks() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-import-md-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let input = ImportTestSupport.fixtures.appendingPathComponent("readme.md").path
        let run = try CheckCLITests.pamphlet(["import", input, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("wrote \(out.path)/content/articles/visiting-the-clinic.md (article, 3 sections)"), "\(run.stdout)")
        let check = try CheckCLITests.pamphlet(["check", out.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
