import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// The index builder writes section text with `PlainTextWriter`; it must equal the model's
/// `plainText` byte for byte (the snapshot and every highlight offset depend on it).
@Suite struct PlainTextWriterTests {
    static let contentFolders: [String] = {
        let corpus = RepoPaths.root.appendingPathComponent("Benchmarks/corpus")
        var folders = [RepoPaths.assets.path]
        if FileManager.default.fileExists(atPath: corpus.appendingPathComponent("site.yaml").path) { folders.append(corpus.path) }
        return folders
    }()

    @Test(arguments: contentFolders)
    func matchesModelPlainText(folder: String) {
        let library = ContentLoader.load(directory: folder).library
        var checked = 0
        for doc in library.documents {
            for blocks in [doc.intro] + doc.sections.map(\.blocks) {
                var out: [UInt8] = []
                PlainTextWriter.append(blocks, to: &out)
                #expect(out == Array(blocks.plainText.utf8), "\(doc.id)")
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    @Test func edgeCases() {
        let t = Inline.text
        let cases: [[Block]] = [
            [],
            [.rule, .paragraph([]), .rule],
            [.paragraph([t("a")]), .rule, .paragraph([t("b"), .lineBreak, .strong([t("c"), .code("d")])])],
            [.list(ordered: false, start: 1, items: [[], [.paragraph([t("x")])], [.rule]])],
            [.table(Table(alignments: [.none, .none], header: [[t("h1")], []], rows: [[[t("a")], [.emphasis([t("b")])]], []]))],
            [.quote([.rule, .code(language: nil, text: "")]), .code(language: "swift", text: "let x = 1\n"),
             .heading(level: 4, [.link(target: "pamphlet:a#b", [t("é ß")])])],
        ]
        for blocks in cases {
            var out: [UInt8] = []
            PlainTextWriter.append(blocks, to: &out)
            #expect(out == Array(blocks.plainText.utf8))
        }
    }

    @Test func sectionSourceIntroMatchesJoinedParts() {
        // The intro body is the summary, lead and checklist parts joined by newlines.
        let library = ContentLoader.load(directory: RepoPaths.assets.path).library
        let corpus = SectionSource.all(in: library)
        var i = 0
        for doc in library.documents {
            var intro: [String] = []
            if !doc.summary.isEmpty { intro.append(doc.summary) }
            if !doc.intro.plainText.isEmpty { intro.append(doc.intro.plainText) }
            if let c = doc.checklist {
                if !c.question.isEmpty { intro.append(c.question) }
                intro.append(contentsOf: c.items.map(\.text))
                intro.append(contentsOf: c.outcomes.map(\.text))
                if !c.disclaimer.isEmpty { intro.append(c.disclaimer) }
            }
            #expect(Array(corpus.bodyText[corpus.sections[i].body]) == Array(intro.joined(separator: "\n").utf8), "\(doc.id)")
            i += 1 + doc.sections.count
        }
    }
}
