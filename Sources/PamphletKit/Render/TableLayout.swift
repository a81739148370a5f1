/// Lays a table out as aligned columns that fit a width: columns keep their natural width when they
/// can, else the widest are narrowed one cell at a time and their cells wrap onto more lines.
enum TableLayout {
    static let gap = "  "

    static func lines(for table: Table, width: Int, text: ([Inline]) -> String) -> [String] {
        let rows = ([table.header] + table.rows).filter { !$0.isEmpty }
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0 else { return [] }
        let cells: [[String]] = rows.map { row in
            (0..<columns).map { $0 < row.count ? text(row[$0]).replacingNewlines() : "" }
        }
        var widths = (0..<columns).map { c in max(1, cells.map { DisplayWidth.of($0[c]) }.max() ?? 1) }
        // A column's longest word: narrowing below it would break words, so other columns give way first.
        let words = (0..<columns).map { c in
            cells.map { $0[c].split(separator: " ").map { DisplayWidth.of($0) }.max() ?? 0 }.max() ?? 0
        }
        let available = max(columns, width - gap.count * (columns - 1))
        while widths.reduce(0, +) > available {
            let slack = widths.indices.max { widths[$0] - words[$0] < widths[$1] - words[$1] }
            if let c = slack, widths[c] > words[c] {
                widths[c] -= 1
            } else if let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 1 {
                widths[widest] -= 1
            } else {
                break
            }
        }

        var out: [String] = []
        for (index, row) in cells.enumerated() {
            let wrapped = row.enumerated().map { c, cell in TextWrap.wrap(cell, width: widths[c]) }
            let height = wrapped.map(\.count).max() ?? 1
            for lineIndex in 0..<height {
                let parts = (0..<columns).map { c -> String in
                    let cell = lineIndex < wrapped[c].count ? wrapped[c][lineIndex] : ""
                    let alignment = c < table.alignments.count ? table.alignments[c] : .none
                    return align(cell, width: widths[c], alignment)
                }
                out.append(parts.joined(separator: gap))
            }
            if index == 0 && !table.header.isEmpty {
                out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: gap))
            }
        }
        return out
    }

    static func align(_ text: String, width: Int, _ alignment: Table.Alignment) -> String {
        let room = max(0, width - DisplayWidth.of(text))
        switch alignment {
        case .right: return String(repeating: " ", count: room) + text
        case .center:
            let left = room / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: room - left)
        case .left, .none: return text + String(repeating: " ", count: room)
        }
    }
}

private extension String {
    func replacingNewlines() -> String { split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ") }
}
