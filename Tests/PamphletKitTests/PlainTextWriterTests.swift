import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// `PlainTextWriter` is the one implementation of a section's plain text (`Block.plainText` is a
/// String of it, the index builder writes every body with it; the snapshot and every highlight
/// offset depend on it). Checked against the rules written out the direct way, with Strings.
@Suite struct PlainTextWriterTests {
    /// The rules, directly: non-empty blocks joined by newlines, list items by newlines, table
    /// cells by spaces and rows by newlines, a line break as a newline.
    static func reference(_ blocks: [Block]) -> String {
        blocks.map(reference).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func reference(_ block: Block) -> String {
        switch block {
        case .paragraph(let inl), .heading(_, let inl): reference(inl)
        case .list(_, _, let items): items.map { reference($0) }.joined(separator: "\n")
        case .quote(let blocks): reference(blocks)
        case .table(let t): ([t.header] + t.rows).map { $0.map(reference).joined(separator: " ") }.joined(separator: "\n")
        case .code(_, let text): text
        case .rule: ""
        }
    }

    static func reference(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let s), .code(let s): s
            case .emphasis(let c), .strong(let c), .link(_, let c): reference(c)
            case .lineBreak: "\n"
            }
        }.joined()
    }

    static let contentFolders: [String] = {
        let corpus = RepoPaths.root.appendingPathComponent("Benchmarks/corpus")
        var folders = [RepoPaths.assets.path]
        if FileManager.default.fileExists(atPath: corpus.appendingPathComponent("site.yaml").path) { folders.append(corpus.path) }
        return folders
    }()

    @Test(arguments: contentFolders)
    func followsTheRulesOnRealContent(folder: String) {
        let library = ContentLoader.load(directory: folder).library
        var checked = 0
        for doc in library.documents {
            for blocks in [doc.intro] + doc.sections.map(\.blocks) {
                var out: [UInt8] = []
                PlainTextWriter.append(blocks, to: &out)
                #expect(out == Array(Self.reference(blocks).utf8), "\(doc.id)")
                #expect(blocks.plainText == Self.reference(blocks), "\(doc.id)")
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    @Test func edgeCases() {
        let t = Inline.text
        let cases: [([Block], String)] = [
            ([], ""),
            ([.rule, .paragraph([]), .rule], ""),
            ([.paragraph([t("a")]), .rule, .paragraph([t("b"), .lineBreak, .strong([t("c"), .code("d")])])], "a\nb\ncd"),
            ([.list(ordered: false, start: 1, items: [[], [.paragraph([t("x")])], [.rule]])], "\nx\n"),
            ([.table(Table(alignments: [.none, .none], header: [[t("h1")], []], rows: [[[t("a")], [.emphasis([t("b")])]], []]))],
             "h1 \na b\n"),
            ([.quote([.rule, .code(language: nil, text: "")]), .code(language: "swift", text: "let x = 1\n"),
              .heading(level: 4, [.link(target: "pamphlet:a#b", [t("é ß")])])], "let x = 1\n\né ß"),
        ]
        for (blocks, expected) in cases {
            var out: [UInt8] = []
            PlainTextWriter.append(blocks, to: &out)
            #expect(out == Array(expected.utf8))
            #expect(blocks.plainText == expected)
            #expect(Self.reference(blocks) == expected)
        }
    }

    @Test func sectionSourceIntroMatchesJoinedParts() {
        // The intro body is the summary, the contact fields (contact page), lead and checklist parts
        // joined by newlines.
        let library = ContentLoader.load(directory: RepoPaths.assets.path).library
        let corpus = SectionSource.all(in: library)
        var i = 0
        for doc in library.documents {
            var intro: [String] = []
            if !doc.summary.isEmpty { intro.append(doc.summary) }
            if doc.kind == .contact {
                let fields = ContactCard.fields(library.site.contact)
                intro += fields.compactMap { f in f.value.map { f.label + ": " + $0 } }
                let empty = fields.filter { $0.value == nil }.map(\.label)
                if !empty.isEmpty { intro.append(empty.joined(separator: ", ") + ": ask at the front desk") }
            }
            if !doc.intro.plainText.isEmpty { intro.append(doc.intro.plainText) }
            if let c = doc.checklist {
                if !c.question.isEmpty { intro.append(c.question) }
                intro.append(contentsOf: c.items.map(\.text))
                intro.append(contentsOf: c.outcomes.map(\.text))
                if !c.disclaimer.isEmpty { intro.append(c.disclaimer) }
            }
            #expect(Array(corpus.bodyText.buffer[corpus.sections[i].body]) == Array(intro.joined(separator: "\n").utf8), "\(doc.id)")
            i += 1 + doc.sections.count
        }
    }
}
