import Foundation
import Testing
@testable import PamphletKit

/// Random mixes of the pieces plain text is made of: the importer must never crash, and whatever
/// it writes must load back without errors and with the same sections.
@Suite struct ImportFuzzTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "Heading Line", "Is It Safe?", "GETTING STARTED", "1. Introduction", "1.2 Scope", "Q: Can I park?", "A: Yes.",
        "* item", "- item", "• item", "o item", "2) step", "====", "----", "****", "    code = 1;", "\tindented",
        "A sentence that ends.", "a line that wraps", "well-", "Call Us Today", "Leave a Reply", "• • Get in touch • •",
        "I struggle with things.", "I have tried talk therapy", "Could This Be Right For You?", "*emph*", "_under_",
        "[link](x)", "<b>html</b>", "&amp;", "# hash", "> quote", "`tick`", "\\", "| a | b |", "~~s~~", "\u{A0}",
        "Café ’quoted’ “x”", "😀 emoji", "e\u{301}", "\u{0C}", "\r", "", "", "", "---", "id: x", "```", "~~~",
    ]

    @Test(arguments: 0..<120)
    func randomTextImportsCleanly(seed: Int) {
        var rng = SplitMix(state: UInt64(seed))
        var lines: [String] = []
        for _ in 0..<Int.random(in: 1...40, using: &rng) {
            let count = Int.random(in: 1...3, using: &rng)
            lines.append((0..<count).map { _ in Self.pieces.randomElement(using: &rng)! }.joined(separator: " "))
        }
        let text = lines.joined(separator: Bool.random(using: &rng) ? "\n" : "\r\n")
        let result = PlainTextImporter.importText(text, sourceName: "fuzz-\(seed).txt")
        if result.documents.isEmpty {
            #expect(result.diagnostics.hasErrors, "no documents and no error for seed \(seed)")
            return
        }
        ImportTestSupport.expectRoundTrip(result)
    }

    static let markdownPieces = pieces + [
        "# Title", "## Section", "### Sub", "#### Deep", "Setext\n===", "Setext\n---", "<!-- vim: set ft=md: -->",
        "<!-- a\ncomment -->", "<p align=\"center\"><img src=\"x.png\"></p>", "## Closed ##", "#", "  # Indented",
        "- [ ] task", "1. one", "![img](x.png)", "***", "Term\n: def",
    ]

    /// Markdown without front matter (`BareMarkdown`): never a crash, and what it writes loads back.
    @Test(arguments: 0..<120)
    func randomMarkdownImportsCleanly(seed: Int) {
        var rng = SplitMix(state: UInt64(seed) &+ 10_000)
        var lines: [String] = []
        for _ in 0..<Int.random(in: 1...40, using: &rng) {
            let count = Int.random(in: 1...2, using: &rng)
            lines.append((0..<count).map { _ in Self.markdownPieces.randomElement(using: &rng)! }.joined(separator: " "))
        }
        let text = lines.joined(separator: Bool.random(using: &rng) ? "\n" : "\r\n")
        let result = MarkdownImporter.importData(Data(text.utf8), sourceName: "fuzz-\(seed).md")
        if result.documents.isEmpty {
            #expect(result.diagnostics.hasErrors, "no documents and no error for seed \(seed)")
            return
        }
        ImportTestSupport.expectRoundTrip(result)
    }
}
