@testable import PamphletUI
import PamphletKit
import Testing

/// Cells keep their grapheme cluster as plain bytes; every kind of text must come back unchanged.
@Suite struct CellTests {
    static let texts = [" ", "", "a", "é", "e\u{301}", "漢", "😀", "🇫🇷", "👍🏽", "1\u{FE0F}\u{20E3}", "🏳️‍🌈",
                        "👨‍👩‍👧‍👦", "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}", "\u{2026}", "abcdefghijklmn"]

    @Test(arguments: texts)
    func textComesBackByteForByte(text: String) {
        let cell = Cell(text: text, role: .highlight)
        #expect(Array(cell.text.utf8) == Array(text.utf8))
        #expect(cell.role == .highlight)
        #expect(cell.isEmptyText == text.isEmpty)
        #expect(cell.startsNonASCII == ((text.utf8.first ?? 0) >= 0x80))
        #expect(cell == Cell(text: text, role: .highlight))
        #expect(cell.hashValue == Cell(text: text, role: .highlight).hashValue)
        #expect(cell != Cell(text: text, role: .normal))
        if let ch = text.first, text.count == 1 { #expect(Cell(ch, role: .highlight) == cell) }
        var changed = Cell.blank
        changed.text = text
        #expect(changed == Cell(text: text))
    }

    @Test func differentTextsAreDifferentCells() {
        let cells = Self.texts.map { Cell(text: $0) }
        #expect(Set(cells).count == Self.texts.count)
        // Canonically equivalent but different bytes: different cells (the terminal gets the bytes).
        #expect(Cell(text: "é") != Cell(text: "e\u{301}"))
    }

    @Test func aCellIsSixteenPlainBytes() {
        #expect(MemoryLayout<Cell>.stride == 16)
        #expect(_isPOD(Cell.self))
    }
}

/// Widths measured a byte at a time where the text is ASCII equal the grapheme-by-grapheme sum.
@Suite struct TextWidthTests {
    @Test(arguments: CellTests.texts + ["Doc › Section", "a\r\nb", "e\u{301}x", "\u{0600}1", "tab\there", "漢字 and kana かな",
                                        "\u{1}\u{7F}", "one › two › three…"])
    func sumOverClusters(text: String) {
        #expect(TextMetrics.width(text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
        #expect(TextMetrics.width(text) == DisplayWidth.of(text))
    }

    @Test func randomTextsAndSubstrings() {
        let pieces = ["a", "word ", " › ", "\u{2026}", "\t", "\r\n", "\r", "\n", "e\u{301}", "\u{301}", "\u{0600}", "1",
                      "漢字", "🇫🇷", "👨\u{200D}👩", "\u{200D}", "\u{1}", "\u{7F}", "caf\u{E9}"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...10, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(TextMetrics.width(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text.debugDescription)")
            // Cut at scalar boundaries, the substring holds exactly `text`.
            let wrapped = "<" + text + ">", u = wrapped.utf8
            let sub = wrapped[u.index(after: u.startIndex)..<u.index(before: u.endIndex)]
            #expect(TextMetrics.width(sub) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "substring \(text.debugDescription)")
        }
    }

    @Test func blitClipsLikeCellByCellWrites() {
        let row = (0..<10).map { Cell(text: String($0), role: .strong) }
        for (x, maxX) in [(-3, 8), (0, 10), (4, 6), (7, 20), (12, 20), (2, 1)] {
            var fast = Canvas(width: 10, height: 2)
            fast.blit(row, x: x, y: 1, maxX: maxX)
            var slow = Canvas(width: 10, height: 2)
            for (k, cell) in row.enumerated() where x + k < maxX { slow[x + k, 1] = cell }
            #expect(fast == slow, "x \(x) maxX \(maxX)")
        }
    }
}
