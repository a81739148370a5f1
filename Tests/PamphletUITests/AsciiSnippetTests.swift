import PamphletKit
@testable import PamphletUI
import Testing

/// In ASCII mode a snippet's "…" is drawn as "..." at both ends (the engine's own leading one as
/// well as the one the overlay adds when it cuts), and the highlighted cells still cover the words.
@Suite struct AsciiSnippetTests {
    @Test(arguments: ["ketamine", "stanford", "depression"])
    func ellipsesAreThreeDotsAndHighlightsStayOnTheWord(query: String) {
        var app = Fixtures.app(width: 80, height: 24, ascii: true)
        app.press(.char("/"))
        app.type(query)
        let canvas = app.view(width: 80, height: 24)
        let rows = canvas.textRows
        #expect(!rows.joined().contains("\u{2026}"), "no Unicode ellipsis reaches an ASCII screen")
        var snippets = 0
        for y in 3..<(24 - 2) where rows[y].hasPrefix("    ") {
            snippets += 1
            let text = rows[y].dropFirst(4)
            if text.hasPrefix(".") { #expect(text.hasPrefix("..."), "leading: \(text)") }
            if text.hasSuffix(".") && !text.hasSuffix("...") {
                #expect(!text.dropLast().hasSuffix("."), "trailing: \(text)")
            }
            // Every highlighted run spells the word searched for (or a form of it).
            var run = ""
            for x in 0...80 {
                if x < 80, canvas[x, y].role == .highlight {
                    run += canvas[x, y].text
                } else if !run.isEmpty {
                    #expect(run.lowercased().hasPrefix(String(query.prefix(5))), "\(run) in \(text)")
                    run = ""
                }
            }
        }
        #expect(snippets > 0)
        #expect(rows[3..<22].contains { $0.hasPrefix("    ...") }, "some snippet starts mid-text")
    }

    @Test func unicodeModeKeepsTheOneCellEllipsis() {
        let hit = SearchHit(reference: ContentReference(documentID: "d", sectionID: "s"), kind: .article,
                            documentTitle: "D", sectionTitle: "S", score: 1, snippet: "\u{2026}one two\u{2026}",
                            highlights: [TextRange(start: 1, length: 3)])
        var canvas = Canvas(width: 20, height: 1)
        SearchOverlay.snippet(hit, &canvas, x: 0, y: 0, width: 20, glyphs: .unicode)
        #expect(canvas.textRows[0] == "\u{2026}one two\u{2026}")
        #expect(canvas[1, 0].role == .highlight && canvas[0, 0].role != .highlight)
        SearchOverlay.snippet(hit, &canvas, x: 0, y: 0, width: 20, glyphs: .ascii)
        #expect(canvas.textRows[0] == "...one two...")
        #expect((3..<6).allSatisfy { canvas[$0, 0].role == .highlight })
        #expect(canvas[2, 0].role != .highlight && canvas[6, 0].role != .highlight)
    }
}
