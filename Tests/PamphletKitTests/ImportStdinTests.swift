import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// `pamphlet import -` reads standard input (review B, finding 20: "cannot read file" for a pipe).
@Suite struct ImportStdinTests {
    func tempDir() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-import-stdin-\(UUID().uuidString)")
    }

    @Test func dashReadsStandardInput() throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try KioskConfigCLITests.pamphlet(["import", "-", "--out", out.path],
                                                   input: "Opening Hours\n\nWe are open on weekdays.\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("wrote \(out.path)/content/articles/opening-hours.md (article, 0 sections)"), "\(run.stdout)")
        let file = try String(contentsOf: out.appendingPathComponent("content/articles/opening-hours.md"), encoding: .utf8)
        #expect(file.contains("# Imported from standard input by `pamphlet import`."))
        #expect(file.contains("title: \"Opening Hours\"") && file.contains("\nWe are open on weekdays.\n"))
    }

    @Test func dashWithTitleAndID() throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try KioskConfigCLITests.pamphlet(["import", "-", "--title", "Parking", "--id", "parking", "--out", out.path],
                                                   input: "Skip to content\nHome\nAbout Us\n\nPark behind the building.\n")
        #expect(run.status == 0, "\(run.stderr)")
        let file = try String(contentsOf: out.appendingPathComponent("content/articles/parking.md"), encoding: .utf8)
        #expect(file.contains("title: Parking") || file.contains("title: \"Parking\""))
        #expect(file.contains("Park behind the building.") && !file.contains("Skip to content"))
    }

    @Test func standardInputOnlyOnce() throws {
        let run = try KioskConfigCLITests.pamphlet(["import", "-", "-", "--out", tempDir().path], input: "Title\n\nText.\n")
        #expect(run.status != 0)
        #expect(run.stderr.contains("standard input (-) can be read only once"))
    }

    /// Pamphlet Markdown piped in without an `id:` line: the id (and file name) come from the title;
    /// "standard input" had been taken as the id and refused for its space.
    @Test func frontMatterWithoutAnIDTakesItFromTheTitle() throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try KioskConfigCLITests.pamphlet(["import", "-", "--out", out.path],
                                                   input: "---\ntitle: Fees and Insurance\nkind: article\n---\n\n## What it costs\n\nOur fees.\n")
        #expect(run.status == 0, "\(run.stderr)")
        let path = out.appendingPathComponent("content/articles/fees-and-insurance.md")
        #expect(try String(contentsOf: path, encoding: .utf8).contains("## What it costs"))
        #expect(ContentLoader.load(directory: out.path).diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    /// Markdown piped in without front matter (`cat README.md | pamphlet import -`) is Markdown when
    /// it opens with a `# Title`: it had been read as plain text, titled "# Fees" with its marks escaped.
    @Test func bareMarkdownOnStandardInput() throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try KioskConfigCLITests.pamphlet(["import", "-", "--out", out.path],
                                                   input: "# Fees\n\n## What it costs\n\nOur fees are *listed* here.\n")
        #expect(run.status == 0, "\(run.stderr)")
        let file = try String(contentsOf: out.appendingPathComponent("content/articles/fees.md"), encoding: .utf8)
        #expect(file.contains("title: \"Fees\"") || file.contains("title: Fees\n"))
        #expect(file.contains("\n## What it costs\n") && file.contains("*listed*"))
        #expect(!file.contains("\\#") && !file.contains("\\*"))
    }

    @Test(arguments: [("# Fees\n", true), ("  ## Fees ##\n", true), ("#Fees\n", false), ("####### Seven\n", false),
                      ("\n\n# After blank lines\n", true), ("Fees\n# not first\n", false), ("#\n", false),
                      ("# Copyright (C) 2018 FSF\n#\n# This file is part of groff.\n", false),
                      ("# My ~/.inputrc\n# Notice the bindings\n", false), ("# Title\n## Section\n", true),
                      ("\u{FEFF}# Fees\n\nOur fees.\n", true)])
    func atxHeadingSniffing(_ text: String, _ isHeading: Bool) {
        #expect(MarkdownImporter.opensWithATXHeading(Data(text.utf8)) == isHeading)
        #expect(MarkdownImporter.isMarkdown(path: "standard input", data: Data(text.utf8), unnamed: true) == isHeading)
        #expect(MarkdownImporter.isMarkdown(path: "notes.txt", data: Data(text.utf8)) == false)
        #expect(MarkdownImporter.isMarkdown(path: "README", data: Data(text.utf8)) == false)
    }

    /// Review E 9: `--kind` was ignored for front matter without a `kind:` line (the file was then
    /// refused for the missing kind); one that has it keeps it, with a warning. `--site-name` on a
    /// folder that has a site.yaml says it was not used.
    @Test func kindFillsAFrontMatterWithoutOne() throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        let page = "---\ntitle: Opening Hours\n---\n\nWe are open 9-5.\n"
        let run = try KioskConfigCLITests.pamphlet(["import", "-", "--kind", "article", "--out", out.path], input: page)
        #expect(run.status == 0, "\(run.stderr)")
        let file = try String(contentsOf: out.appendingPathComponent("content/articles/opening-hours.md"), encoding: .utf8)
        #expect(file.hasPrefix("---\ntitle: Opening Hours\nkind: article\n---\n"), "\(file)")

        let again = try KioskConfigCLITests.pamphlet(["import", "-", "--kind", "faq", "--force", "--site-name", "Other", "--out", out.path],
                                                     input: "---\nkind: article\ntitle: Opening Hours\n---\n\nText.\n")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("--kind faq not used: the front matter says 'kind: article'"), "\(again.stderr)")
        #expect((again.stdout + again.stderr).contains("--site-name was not used"), "\(again.stdout)")
    }

    /// Review F 3, 4: `--kind` on an empty `kind:` line added a second one (a duplicate key), and
    /// the line it inserted moved the file's line numbers in messages by one.
    @Test func kindFillsAnEmptyKindAndKeepsLineNumbers() throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        let empty = try KioskConfigCLITests.pamphlet(["import", "-", "--kind", "article", "--out", out.path],
                                                     input: "---\nkind: \"\"\ntitle: Parking\n---\n\nBehind the building.\n")
        #expect(empty.status == 0, "\(empty.stderr)")
        let file = try String(contentsOf: out.appendingPathComponent("content/articles/parking.md"), encoding: .utf8)
        #expect(file.hasPrefix("---\nkind: article\ntitle: Parking\n---\n"), "\(file)")

        let broken = "---\ntitle: \"Opening Hours\nsummary: x\n---\n\nText.\n"
        let plain = try KioskConfigCLITests.pamphlet(["import", "-", "--out", out.path], input: broken)
        let filled = try KioskConfigCLITests.pamphlet(["import", "-", "--kind", "article", "--out", out.path], input: broken)
        let place = { (s: String) in s.split(separator: "\n").first { $0.contains("quoted scalar") }.map { $0.split(separator: ":").prefix(2).joined(separator: ":") } }
        #expect(place(filled.stderr) != nil && place(filled.stderr) == place(plain.stderr), "\(plain.stderr)\n\(filled.stderr)")
    }
}
