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

    @Test func canvasWriteNeverSplitsAWideCharacterAtTheEdge() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.write("ab漢字", x: 0, y: 0, role: .normal)
        #expect(canvas.textRows == ["ab漢"])
        #expect(canvas[4, 0] == .blank)
    }
}
