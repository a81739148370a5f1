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
    /// A slice of one array holding every run of a frame (one allocation per frame, not per run).
    public var glyphs: ArraySlice<Glyph>

    public init(x: Int, y: Int, role: Role, glyphs: ArraySlice<Glyph>) {
        self.x = x
        self.y = y
        self.role = role
        self.glyphs = glyphs
    }

    public init(x: Int, y: Int, role: Role, glyphs: [Glyph]) {
        self.init(x: x, y: y, role: role, glyphs: glyphs[...])
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
        // Every run's glyphs go into one array, the runs into `spans` (where each starts); the runs
        // are sliced from the array once it is complete (a slice taken earlier would make the next
        // append copy it). One array per run had been a third of the differ's time.
        var glyphs: [PaintRun.Glyph] = []
        glyphs.reserveCapacity(full ? width * height : 4 * width)
        var spans: [(x: Int, y: Int, role: Role, start: Int)] = []
        var runOpen = false, runRole = Role.normal
        func open(x: Int, y: Int, role: Role) {
            spans.append((x, y, role, glyphs.count))
            runOpen = true
            runRole = role
        }
        for y in 0..<height {
            let rowStart = y * width
            if !full, rowUnchanged(before, after, from: rowStart, count: width) { continue }
            runOpen = false
            var x = 0
            while x < width {
                let i = rowStart + x
                let cell = after[i]
                let isContinuation = cell.isEmptyText && x > 0 && isWideLead(after[i - 1])
                let changed = full || before[i] != cell
                    // A changed continuation repaints its lead; a changed lead takes its continuation along.
                    || (x + 1 < width && after[i + 1].isEmptyText && isWideLead(cell) && before[i + 1] != after[i + 1])
                if isContinuation {
                    // Covered half: written as part of its lead, which the check above already handled.
                    x += 1
                    continue
                }
                guard changed else {
                    runOpen = false
                    x += 1
                    continue
                }
                let wide = x + 1 < width && after[i + 1].isEmptyText && isWideLead(cell)
                if !runOpen || runRole != cell.role { open(x: x, y: y, role: cell.role) }
                glyphs.append(PaintRun.Glyph(cell: cell.isEmptyText ? .blank : cell, width: wide ? 2 : 1))
                x += wide ? 2 : 1
            }
        }
        var runs: [PaintRun] = []
        runs.reserveCapacity(spans.count)
        for (k, span) in spans.enumerated() {
            let end = k + 1 < spans.count ? spans[k + 1].start : glyphs.count
            runs.append(PaintRun(x: span.x, y: span.y, role: span.role, glyphs: glyphs[span.start..<end]))
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
