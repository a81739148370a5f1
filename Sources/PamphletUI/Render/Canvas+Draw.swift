extension Canvas {
    /// Writes `text` from column `x` on row `y`, clipped at `maxX` (exclusive); returns the column after it.
    /// A wide character takes two cells, the second a continuation cell carrying the same role,
    /// and is never cut in half at the clip edge.
    @discardableResult
    mutating func write(_ text: some StringProtocol, x: Int, y: Int, role: Role, maxX: Int? = nil) -> Int {
        let limit = Swift.min(maxX ?? width, width)
        var col = x
        TextMetrics.forEachCluster(in: text) { cluster in
            switch cluster {
            case .ascii(let byte):
                guard byte >= 0x20, byte < 0x7F else { return true }   // a control: no width, not shown
                if col + 1 > limit { return false }
                self[col, y] = Cell(ascii: byte, role: role)
                col += 1
            case .character(let ch):
                let w = TextMetrics.width(ch)
                if w == 0 { return true }
                if col + w > limit { return false }
                self[col, y] = Cell(ch, role: role)
                if w == 2 { self[col + 1, y] = Cell(text: "", role: role) }
                col += w
            }
            return true
        }
        return col
    }

    /// Fills a run of cells on one row with a character and role.
    mutating func fill(x: Int, y: Int, count: Int, text: String = " ", role: Role) {
        guard count > 0 else { return }
        let cell = Cell(text: text, role: role)
        for col in x..<(x + count) { self[col, y] = cell }
    }

    /// Paints a pre-laid-out row of cells at (x, y), clipped at `maxX`.
    mutating func blit(_ row: [Cell], x: Int, y: Int, maxX: Int) {
        guard y >= 0, y < height else { return }
        let lo = Swift.max(0, x), hi = Swift.min(maxX, width, x + row.count)
        guard lo < hi else { return }
        let start = y * width
        withCells { cells in
            row.withUnsafeBufferPointer { src in
                for col in lo..<hi { cells[start + col] = src[col - x] }
            }
        }
    }

    /// The canvas as text rows (wide characters once, their covered cell contributing nothing),
    /// trailing blanks trimmed. What golden tests and debugging compare.
    public var textRows: [String] {
        (0..<height).map { y in
            var row = ""
            for x in 0..<width { row += self[x, y].text }
            while row.hasSuffix(" ") { row.removeLast() }
            return row
        }
    }
}
