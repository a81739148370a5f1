import PamphletKit
@testable import PamphletUI
import Testing

/// The page wrapper: lines never exceed the width, words are not cut unless longer than a line,
/// grapheme clusters are never split, and wide characters take two cells.
@Suite struct WrapTests {
    static let samples = [
        "Ketamine has a powerful effect on the brain’s glutamate system and “a relatively low affinity”.",
        "ケタミンは麻酔薬として長く使われてきました。うつ病の治療にも使われています。",
        "Family 👨‍👩‍👧 and flags 🇯🇵🇫🇷 with café (cafe\u{301}) and Hangul 한국어 텍스트 mixed in.",
        "Supercalifragilisticexpialidociousandthensomemorelettersthatnevermeetaspace here",
    ]

    func glyphs(_ text: String) -> [Glyph] {
        text.map { Glyph(ch: $0, width: DisplayWidth.of($0), role: .normal, offset: -1, target: -1) }
    }

    @Test(arguments: samples, [6, 11, 20, 37])
    func rowsFitAndKeepEveryCluster(_ text: String, _ width: Int) {
        let rows = PageBuilder.wrapRows(glyphs(text), firstWidth: width, restWidth: width)
        for row in rows {
            #expect(row.reduce(0) { $0 + $1.width } <= width, "row fits in \(width)")
        }
        // Joining the rows with the dropped spaces gives back every character, in order.
        let kept = rows.flatMap { $0.map(\.ch) }.filter { $0 != " " }
        #expect(String(kept) == String(text.filter { $0 != " " }))
    }

    @Test func wordsMoveWholeToTheNextLine() {
        let rows = PageBuilder.wrapRows(glyphs("one two three four"), firstWidth: 9, restWidth: 9)
        #expect(rows.map { String($0.map(\.ch)) } == ["one two", "three", "four"])
    }

    @Test func wideCharactersTakeTwoCellsWithAContinuation() {
        var b = PageBuilder(width: 10, glyphs: .unicode)
        b.wrap(b.glyphs("漢字 ok", role: .normal))
        let cells = b.layout.lines[0].cells
        #expect(cells.map(\.text) == ["漢", "", "字", "", " ", "o", "k"])
    }

    /// `Canvas.write` reads ASCII straight from the bytes; cell for cell it must write what going
    /// grapheme by grapheme writes.
    @Test func canvasWriteAgreesWithGraphemes() {
        let pieces = ["a", "word ", " › ", "\u{2026}", "\t", "\r\n", "\n", "e\u{301}", "\u{301}", "\u{0600}", "1",
                      "漢字", "🇫🇷", "👨\u{200D}👩", "\u{200D}", "\u{1}", "\u{7F}", "caf\u{E9}", "~"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...10, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let x = Int.random(in: -1...3, using: &rng), maxX = Int.random(in: 0...24, using: &rng)
            var fast = Canvas(width: 20, height: 2), slow = Canvas(width: 20, height: 2)
            let end = fast.write(text, x: x, y: 1, role: .highlight, maxX: maxX)
            // Grapheme by grapheme: the plain way.
            var col = x
            for ch in text {
                let w = TextMetrics.width(ch)
                if w == 0 { continue }
                if col + w > min(maxX, 20) { break }
                slow[col, 1] = Cell(ch, role: .highlight)
                if w == 2 { slow[col + 1, 1] = Cell(text: "", role: .highlight) }
                col += w
            }
            #expect(end == col && fast.cells == slow.cells, "\(text.debugDescription) at \(x), maxX \(maxX)")
            // A substring (cut at scalar boundaries, so it holds exactly `text`) takes the same path.
            let wrapped = "<" + text + ">", u = wrapped.utf8
            var sub = Canvas(width: 20, height: 2)
            _ = sub.write(wrapped[u.index(after: u.startIndex)..<u.index(before: u.endIndex)], x: x, y: 1, role: .highlight, maxX: maxX)
            #expect(sub.cells == slow.cells, "substring \(text.debugDescription)")
        }
    }

    @Test func canvasWriteNeverSplitsAWideCharacterAtTheEdge() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.write("ab漢字", x: 0, y: 0, role: .normal)
        #expect(canvas.textRows == ["ab漢"])
        #expect(canvas[4, 0] == .blank)
    }
}
