/// The table of contents beside the text (or in its place on narrow screens), current section marked.
/// Long headings wrap under themselves rather than being cut.
enum ContentsColumn {
    struct Row {
        var entry: Int
        var text: String
        var first: Bool
    }

    static func rows(_ layout: PageLayout, width: Int) -> [Row] {
        var out: [Row] = []
        for (i, entry) in layout.contents.enumerated() {
            let indent = entry.level > 2 ? 2 : 0
            let room = max(4, width - 3 - indent)
            let glyphs = entry.title.map { Glyph(ch: $0, width: TextMetrics.width($0), role: .normal, offset: -1, target: -1) }
            for (n, row) in PageBuilder.wrapRows(glyphs, firstWidth: room, restWidth: room).enumerated() {
                out.append(Row(entry: i, text: String(repeating: " ", count: indent) + String(row.map(\.ch)),
                               first: n == 0))
            }
        }
        return out
    }

    /// The first row shown: scrolled so the selected (or current) entry is in view.
    static func firstShown(_ state: AppState, _ layout: PageLayout, rows: [Row], geo: Geometry) -> Int {
        let height = geo.bodyHeight
        let entry = state.current.focus == .contents
            ? state.current.contentsIndex : state.contentsEntry(for: state.sectionShown(layout, geo: geo), layout)
        guard rows.count > height, let row = rows.firstIndex(where: { $0.entry == entry }) else { return 0 }
        return max(0, min(row - height / 2, rows.count - height))
    }

    /// The contents entry drawn at a body row, for clicks.
    static func entry(atRow row: Int, _ state: AppState, _ layout: PageLayout, geo: Geometry) -> Int? {
        let all = rows(layout, width: geo.contentsWidth)
        let index = firstShown(state, layout, rows: all, geo: geo) + row
        return all.indices.contains(index) ? all[index].entry : nil
    }

    static func draw(_ canvas: inout Canvas, _ state: AppState, _ layout: PageLayout, geo: Geometry) {
        let glyphs = state.options.glyphs
        let current = state.contentsEntry(for: state.sectionShown(layout, geo: geo), layout)
        let focused = state.current.focus == .contents
        let all = rows(layout, width: geo.contentsWidth)
        let first = firstShown(state, layout, rows: all, geo: geo)
        let x = geo.contentsX
        let w = geo.contentsWidth
        for row in 0..<geo.bodyHeight {
            let i = first + row
            guard all.indices.contains(i) else { break }
            let r = all[i]
            let y = geo.bodyTop + row
            let isCurrent = r.entry == current
            let selected = focused && r.entry == state.current.contentsIndex
            let role: Role = selected ? .menuSelected : isCurrent ? .strong : .normal
            if selected { canvas.fill(x: x, y: y, count: w, role: .menuSelected) }
            if isCurrent && r.first {
                canvas.write(glyphs.pointer, x: x, y: y, role: selected ? .menuSelected : .link)
            }
            canvas.write(r.text, x: x + 2, y: y, role: role, maxX: x + w)
        }
    }
}
