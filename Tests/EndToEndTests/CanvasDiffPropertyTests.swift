import PamphletTerminal
import PamphletUI
import Testing

/// Writing a diff's runs over the old frame gives the new frame, for random frames of ASCII,
/// accented and wide characters, stray empty cells and several roles.
@Suite("Canvas diff, random frames")
struct CanvasDiffPropertyTests {
    /// A small deterministic generator (the same frames on every run).
    struct Rng {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let roles: [Role] = [.normal, .highlight, .strong]

    /// One row as the views make them: a wide character is its lead plus an empty cell of its role;
    /// an empty cell elsewhere only after an ASCII one.
    static func row(_ width: Int, _ rng: inout Rng) -> [Cell] {
        var cells: [Cell] = []
        while cells.count < width {
            let role = roles[rng.next(roles.count)]
            switch rng.next(10) {
            case 0 where cells.count + 2 <= width:
                cells.append(Cell(text: "漢", role: role))
                cells.append(Cell(text: "", role: role))
            case 1:
                cells.append(Cell(text: "é", role: role))
            case 2 where cells.last?.text.utf8.first.map({ $0 < 0x80 }) == true:
                cells.append(Cell(text: "", role: role))
            default:
                cells.append(Cell(text: ["a", "b", " "][rng.next(3)], role: role))
            }
        }
        return cells
    }

    static func frame(_ rows: [[Cell]], width: Int) -> Canvas {
        var c = Canvas(width: width, height: rows.count)
        for (y, row) in rows.enumerated() { for (x, cell) in row.enumerated() { c[x, y] = cell } }
        return c
    }

    @Test(arguments: 0..<40)
    func applyingTheRunsGivesTheNewFrame(seed: Int) {
        var rng = Rng(state: UInt64(seed) &* 0x9E3779B97F4A7C15 &+ 1)
        let width = 1 + rng.next(30), height = 1 + rng.next(6)
        let oldRows = (0..<height).map { _ in Self.row(width, &rng) }
        // The new frame keeps some rows and some leading cells, and redraws the rest.
        let newRows: [[Cell]] = oldRows.map { old in
            switch rng.next(3) {
            case 0: return old
            case 1:
                var keep = rng.next(width)
                // Never cut a wide character in two.
                if keep > 0, keep < width, old[keep].isEmptyText, old[keep - 1].startsNonASCII { keep -= 1 }
                return Array((Array(old[0..<keep]) + Self.row(width - keep, &rng)).prefix(width))
            default: return Self.row(width, &rng)
            }
        }
        let old = Self.frame(oldRows, width: width), new = Self.frame(newRows, width: width)
        var painted = old
        for run in CanvasDiff.changes(from: old, to: new) {
            var x = run.x
            for glyph in run.glyphs {
                var cell = glyph.cell
                cell.role = run.role
                painted[x, run.y] = cell
                if glyph.width == 2 { painted[x + 1, run.y] = Cell(text: "", role: run.role) }
                x += glyph.width
            }
        }
        for y in 0..<height {
            for x in 0..<width {
                let want = new[x, y]
                // A covered half shows its lead; a stray empty cell is painted as a blank.
                if want.isEmptyText && x > 0 && new[x - 1, y].startsNonASCII { continue }
                let shown = want.isEmptyText ? Cell(text: " ", role: want.role) : want
                #expect(painted[x, y] == shown || (want.isEmptyText && painted[x, y] == want),
                        "seed \(seed) at \(x),\(y): painted \(painted[x, y]), want \(shown)")
            }
        }
    }
}
