import PamphletTerminal
import PamphletUI
import Testing

@Suite("Canvas diff")
struct CanvasDiffTests {
    func canvas(_ rows: [String], role: Role = .normal, width: Int? = nil) -> Canvas {
        var c = Canvas(width: width ?? rows.map(\.count).max() ?? 0, height: rows.count)
        for (y, row) in rows.enumerated() {
            for (x, ch) in row.enumerated() { c[x, y] = Cell(text: String(ch), role: role) }
        }
        return c
    }

    @Test func firstFrameWritesEverythingInRolesRuns() {
        var c = canvas(["ab", "cd"])
        c[1, 1] = Cell(text: "d", role: .highlight)
        let runs = CanvasDiff.changes(from: nil, to: c)
        #expect(runs == [
            PaintRun(x: 0, y: 0, role: .normal, glyphs: [.init("a"), .init("b")]),
            PaintRun(x: 0, y: 1, role: .normal, glyphs: [.init("c")]),
            PaintRun(x: 1, y: 1, role: .highlight, glyphs: [.init("d")]),
        ])
    }

    @Test func sameFrameWritesNothing() {
        let c = canvas(["hello", "world"])
        #expect(CanvasDiff.changes(from: c, to: c).isEmpty)
    }

    @Test func onlyChangedCells() {
        let a = canvas(["hello world"])
        let b = canvas(["hellO worlD"])
        let runs = CanvasDiff.changes(from: a, to: b)
        #expect(runs.map(\.x) == [4, 10])
        #expect(runs.map(\.text) == ["O", "D"])
    }

    @Test func roleChangeAloneRepaints() {
        let a = canvas(["menu"])
        let b = canvas(["menu"], role: .menuSelected)
        #expect(CanvasDiff.changes(from: a, to: b) == [PaintRun(x: 0, y: 0, role: .menuSelected, glyphs: "menu".map { .init(String($0)) })])
    }

    @Test func sizeChangeRepaintsAll() {
        let a = canvas(["ab"])
        let b = canvas(["ab", "cd"])
        #expect(CanvasDiff.changes(from: a, to: b).reduce(0) { $0 + $1.width } == 4)
    }

    @Test func wideCharactersSkipTheirCoveredHalf() {
        var b = canvas(["a   b"])
        b[1, 0] = Cell(text: "漢")
        b[2, 0] = .continuation
        let runs = CanvasDiff.changes(from: nil, to: b)
        #expect(runs.count == 1)
        #expect(runs[0].glyphs == [.init("a"), .init("漢", width: 2), .init(" "), .init("b")])
        #expect(runs[0].width == 5)
        #expect(runs[0].text == "a漢 b")
    }

    @Test func aChangedCoveredHalfRepaintsItsLead() {
        // Before: "é" then "x"; after: a wide character at the same place. Only the right half's
        // text differs in a way the lead alone would not show.
        var a = canvas(["ab"])
        a[0, 0] = Cell(text: "漢"); a[1, 0] = .continuation
        var b = a
        b[0, 0] = Cell(text: "字")
        #expect(CanvasDiff.changes(from: a, to: b) == [PaintRun(x: 0, y: 0, role: .normal, glyphs: [.init("字", width: 2)])])
        var c = canvas(["éx"])
        c[0, 0] = Cell(text: "é")
        var d = c
        d[0, 0] = Cell(text: "漢"); d[1, 0] = .continuation
        #expect(CanvasDiff.changes(from: c, to: d) == [PaintRun(x: 0, y: 0, role: .normal, glyphs: [.init("漢", width: 2)])])
    }

    @Test func strayEmptyCellIsABlank() {
        var b = canvas(["ab"])
        b[1, 0] = .continuation  // after ASCII: a view mistake, painted as a space
        #expect(CanvasDiff.changes(from: nil, to: b)[0].text == "a ")
    }

    @Test(arguments: [(0, 0), (1, 1), (1, 0), (0, 5), (200, 60)])
    func degenerateSizes(width: Int, height: Int) {
        let c = Canvas(width: width, height: height)
        #expect(CanvasDiff.changes(from: nil, to: c).reduce(0) { $0 + $1.width } == width * height)
        #expect(CanvasDiff.changes(from: c, to: c).isEmpty)
    }
}
