import Glibc
import PamphletUI

/// One stretch of a row to (re)write: neighbouring changed cells with the same role.
public struct PaintRun: Sendable, Equatable {
    /// One character on screen: its text and how many cells it covers (2 for a wide character,
    /// whose covered right half is never written).
    public struct Glyph: Sendable, Equatable {
        /// The character as the canvas holds it (its role is the run's, so it is kept `.normal`):
        /// no `String` is made for it unless someone asks for `text`.
        public private(set) var cell: Cell
        public var width: Int
        public init(_ text: String, width: Int = 1) {
            self.init(cell: Cell(text: text), width: width)
        }
        public init(cell: Cell, width: Int = 1) {
            var plain = cell
            plain.role = .normal
            self.cell = plain
            self.width = width
        }
        public var text: String {
            get { cell.text }
            set { cell.text = newValue }
        }
    }

    public var x: Int
    public var y: Int
    public var role: Role
    public var glyphs: [Glyph]

    public init(x: Int, y: Int, role: Role, glyphs: [Glyph]) {
        self.x = x
        self.y = y
        self.role = role
        self.glyphs = glyphs
    }

    /// The run's text as written.
    public var text: String { glyphs.map(\.text).joined() }
    /// Cells covered.
    public var width: Int { glyphs.reduce(0) { $0 + $1.width } }
}

/// The difference between two frames as runs to write (ratatui's buffer diff). Pure, for tests and
/// the benchmark: the terminal writes exactly these and nothing else.
public enum CanvasDiff {
    /// Runs that turn `old` into `new`. Without an old frame, or when the size changed, every cell
    /// is written. A wide character is rewritten whole when either of its halves changed.
    public static func changes(from old: Canvas?, to new: Canvas) -> [PaintRun] {
        let full = old == nil || old?.width != new.width || old?.height != new.height
        let before = full ? [] : old!.cells
        // Pointers for the per-cell loop (every index is checked against `width`), and the loop in
        // a function of its own: no captured variables, so no dynamic exclusivity checks per cell.
        return before.withUnsafeBufferPointer { before in
            new.cells.withUnsafeBufferPointer { after in
                changes(before: before, after: after, width: new.width, height: new.height, full: full)
            }
        }
    }

    private static func changes(before: UnsafeBufferPointer<Cell>, after: UnsafeBufferPointer<Cell>,
                                width: Int, height: Int, full: Bool) -> [PaintRun] {
        var runs: [PaintRun] = []
        for y in 0..<height {
            let row = y * width
            if !full, rowUnchanged(before, after, from: row, count: width) { continue }
            // A wide character's covered half (empty text after a non-ASCII lead) is written with it.
            @inline(__always) func isContinuation(_ x: Int) -> Bool {
                after[row + x].isEmptyText && x > 0 && isWideLead(after[row + x - 1])
            }
            @inline(__always) func isWide(_ x: Int) -> Bool {
                x + 1 < width && after[row + x + 1].isEmptyText && isWideLead(after[row + x])
            }
            // A changed continuation repaints its lead; a changed lead takes its continuation along.
            @inline(__always) func isChanged(_ x: Int) -> Bool {
                full || before[row + x] != after[row + x] || (isWide(x) && before[row + x + 1] != after[row + x + 1])
            }
            var x = 0
            while x < width {
                if isContinuation(x) || !isChanged(x) { x += 1; continue }
                // A run: changed cells of one role (continuations inside it are skipped, not ending it).
                let role = after[row + x].role
                let start = x
                var count = 0
                var end = x
                while end < width {
                    if isContinuation(end) { end += 1; continue }
                    guard isChanged(end), after[row + end].role == role else { break }
                    count += 1
                    end += isWide(end) ? 2 : 1
                }
                // Its glyphs written straight into an array of the exact size.
                let glyphs = [PaintRun.Glyph](unsafeUninitializedCapacity: count) { buffer, written in
                    var k = start
                    var n = 0
                    while k < end && n < count {
                        if isContinuation(k) { k += 1; continue }
                        let cell = after[row + k]
                        let wide = isWide(k)
                        (buffer.baseAddress! + n).initialize(to: PaintRun.Glyph(cell: cell.isEmptyText ? .blank : cell, width: wide ? 2 : 1))
                        n += 1
                        k += wide ? 2 : 1
                    }
                    written = n
                }
                runs.append(PaintRun(x: start, y: y, role: role, glyphs: glyphs))
                x = end
            }
        }
        return runs
    }

    /// Whether a row is the same in both frames, compared as bytes: a cell is plain bytes (no
    /// padding, no references), so equal bytes are equal cells.
    @inline(__always)
    static func rowUnchanged(_ before: UnsafeBufferPointer<Cell>, _ after: UnsafeBufferPointer<Cell>, from start: Int, count: Int) -> Bool {
        guard count > 0, _isPOD(Cell.self), MemoryLayout<Cell>.size == MemoryLayout<Cell>.stride,
              let b0 = before.baseAddress, let a0 = after.baseAddress,
              start + count <= before.count, start + count <= after.count else { return false }
        return memcmp(b0 + start, a0 + start, count * MemoryLayout<Cell>.stride) == 0
    }

    /// Whether a cell can be the left half of a wide character (only non-ASCII text can be).
    /// An empty cell after an ASCII cell is a mistake in the view and is painted as a blank.
    @inline(__always)
    static func isWideLead(_ cell: Cell) -> Bool { cell.startsNonASCII }
}
