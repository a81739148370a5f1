import PamphletKit

/// Lays out Markdown blocks (paragraphs, headings, lists, quotes, tables, code, rules).
extension PageBuilder {
    /// Lays out blocks with a blank line between them; `indent` starts every line (quote bars, list indents).
    mutating func blocks(_ blocks: [Block], indent: [Cell] = [], role: Role = .normal, linkCounter: inout Int) {
        for (i, block) in blocks.enumerated() {
            if i > 0 { gap(prefix: indent) }
            self.block(block, indent: indent, role: role, linkCounter: &linkCounter)
        }
    }

    mutating func block(_ block: Block, indent: [Cell], role: Role, linkCounter: inout Int) {
        switch block {
        case .paragraph(let inlines):
            // `rest: indent`: every wrapped line keeps the prefix (a quote's bar), not just the first.
            wrap(glyphs(inlines, role: role, linkCounter: &linkCounter), first: indent, rest: indent)
            endBlockText()
        case .heading(_, let inlines):
            wrap(glyphs(inlines, role: .subheading, linkCounter: &linkCounter), first: indent, rest: indent)
            endBlockText()
        case .list(let ordered, let start, let items):
            list(ordered: ordered, start: start, items: items, indent: indent, role: role, linkCounter: &linkCounter)
        case .quote(let inner):
            let bar = indent + Self.cells(glyphs.quoteBar + " ", role: .quote)
            blocks(inner, indent: bar, role: role == .normal ? .quote : role, linkCounter: &linkCounter)
        case .code(_, let text):
            let pad = indent + Self.spaces(2)
            for codeLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
                wrap(glyphs(String(codeLine), role: .code), first: pad, rest: pad)
                endBlockText()
            }
        case .table(let table):
            self.table(table, indent: indent, linkCounter: &linkCounter)
        case .rule:
            line(indent + Self.cells(String(repeating: glyphs.horizontal, count: max(1, min(width - indent.count, 40))), role: .border))
        }
    }

    private mutating func list(ordered: Bool, start: Int, items: [[Block]], indent: [Cell], role: Role,
                               linkCounter: inout Int) {
        let depth = indent.count / 2
        let markers: [String] = items.indices.map { i in
            ordered ? "\(start + i)." : (depth % 2 == 0 ? glyphs.bullet : glyphs.subBullet)
        }
        let markerWidth = (markers.map { TextMetrics.width($0) }.max() ?? 1) + 1
        for (i, item) in items.enumerated() {
            let marker = markers[i]
            let first = indent + Self.spaces(markerWidth - 1 - TextMetrics.width(marker))
                + Self.cells(marker, role: .dim) + Self.spaces(1)
            let hang = indent + Self.spaces(markerWidth)
            for (j, inner) in item.enumerated() {
                if j > 0 { gap(prefix: hang) }
                if j == 0, case .paragraph(let inlines) = inner {
                    wrap(glyphs(inlines, role: role, linkCounter: &linkCounter), first: first, rest: hang)
                    endBlockText()
                } else if j == 0 {
                    line(first)
                    block(inner, indent: hang, role: role, linkCounter: &linkCounter)
                } else {
                    block(inner, indent: hang, role: role, linkCounter: &linkCounter)
                }
            }
        }
    }

    /// A table as a grid when its columns fit, else each row as "Header: value" lines.
    private mutating func table(_ table: Table, indent: [Cell], linkCounter: inout Int) {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        let available = width - indent.count
        let separator = " " + glyphs.vertical + " "
        let sepWidth = TextMetrics.width(separator)
        func cell(_ row: [[Inline]], _ c: Int) -> [Inline] { c < row.count ? row[c] : [] }
        var natural = [Int](repeating: 1, count: columns)
        for row in [table.header] + table.rows {
            for c in 0..<columns { natural[c] = max(natural[c], TextMetrics.width(cell(row, c).plainText)) }
        }
        let minimum = 8
        let spare = available - sepWidth * (columns - 1)
        if spare < minimum * columns {
            stackedTable(table, columns: columns, indent: indent, linkCounter: &linkCounter)
            return
        }
        // The longest word of each column: shrinking stops there while another column has room,
        // so cells wrap at spaces ("prior authorisation") rather than inside a word ("authorisati/on").
        var longestWord = [Int](repeating: 1, count: columns)
        for row in [table.header] + table.rows {
            for c in 0..<columns {
                for word in cell(row, c).plainText.split(whereSeparator: { $0 == " " || $0.isNewline }) {
                    longestWord[c] = max(longestWord[c], TextMetrics.width(String(word)))
                }
            }
        }
        let wordFloor = (0..<columns).map { min(natural[$0], max(minimum, longestWord[$0])) }
        // Shrink the widest columns until everything fits: first those wider than their longest word.
        var widths = natural
        while widths.reduce(0, +) > spare {
            let widest = widths.indices.filter { widths[$0] > wordFloor[$0] }.max { widths[$0] < widths[$1] }
                ?? widths.indices.filter { widths[$0] > minimum }.max { widths[$0] < widths[$1] }
            guard let widest else { break }
            widths[widest] -= 1
        }
        func emitRow(_ row: [[Inline]], role: Role) {
            var cellRows: [[[Glyph]]] = []
            for c in 0..<columns {
                let g = glyphs(cell(row, c), role: role, linkCounter: &linkCounter)
                addText(" ")
                cellRows.append(Self.wrapRows(g, firstWidth: widths[c], restWidth: widths[c]))
            }
            let height = cellRows.map(\.count).max() ?? 1
            for r in 0..<height {
                var rowGlyphs: [Glyph] = []
                for c in 0..<columns {
                    let part = r < cellRows[c].count ? cellRows[c][r] : []
                    let used = part.reduce(0) { $0 + $1.width }
                    let pad = widths[c] - used
                    let align = c < table.alignments.count ? table.alignments[c] : .none
                    let before = align == .right ? pad : align == .center ? pad / 2 : 0
                    rowGlyphs += spacer(before, role: role) + part + spacer(pad - before, role: role)
                    if c < columns - 1 {
                        rowGlyphs += separator.map {
                            Glyph(ch: $0, width: 1, role: .border, offset: -1, target: -1)
                        }
                    }
                }
                emitRaw(rowGlyphs, prefix: indent)
            }
            endBlockText()
        }
        emitRow(table.header, role: .tableHeader)
        let rule = widths.map { String(repeating: glyphs.horizontal, count: $0) }
            .joined(separator: glyphs.horizontal + glyphs.cross + glyphs.horizontal)
        line(indent + Self.cells(rule, role: .border))
        for row in table.rows { emitRow(row, role: .normal) }
    }

    private func spacer(_ n: Int, role: Role) -> [Glyph] {
        Array(repeating: Glyph(ch: " ", width: 1, role: role == .tableHeader ? role : .normal, offset: -1, target: -1),
              count: max(0, n))
    }

    /// Emits one row of glyphs exactly as given (no wrapping; spaces kept, no fill).
    private mutating func emitRaw(_ row: [Glyph], prefix: [Cell]) {
        emit(row, prefix: prefix, fillRole: nil)
    }

    private mutating func stackedTable(_ table: Table, columns: Int, indent: [Cell], linkCounter: inout Int) {
        for (r, row) in table.rows.enumerated() {
            if r > 0 { gap(prefix: indent) }
            for c in 0..<columns {
                let label = c < table.header.count ? table.header[c].plainText : ""
                var g = glyphs(label.isEmpty ? "" : label + ": ", role: .tableHeader)
                g += glyphs(c < row.count ? row[c] : [], role: .normal, linkCounter: &linkCounter)
                wrap(g, first: indent, rest: indent + Self.spaces(2))
                endBlockText()
            }
        }
    }
}
