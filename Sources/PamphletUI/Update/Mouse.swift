/// Mouse and touch: a click or tap opens and selects what is under it; the wheel scrolls.
/// Hit-testing uses the same geometry and layout the view draws with, so regions always match.
extension AppState {
    static let wheelLines = 3

    mutating func handle(_ event: MouseEvent) -> [Effect] {
        guard !isTooSmall(width: width, height: height) else { return [] }
        let geo = geometry
        switch event.kind {
        case .release:
            return []
        case .wheelUp, .wheelDown:
            let d = event.kind == .wheelDown ? 1 : -1
            if search != nil { return performSearch(d > 0 ? .searchNext : .searchPrevious) }
            scroll(by: d * Self.wheelLines)
            refocusVisible(currentLayout)
            return []
        case .press, .click:
            break
        }
        let (x, y) = (event.x, event.y)
        if y == Geometry.headerRow {
            // The crisis hint ("Need help now? Press c") is a button too: on a touch screen it is the only way.
            if crisisHintContains(x: x, y: y) {
                search = nil
                return perform(.crisis)
            }
            return perform(.home)
        }
        if y == geo.hintsRow {
            let hints = StatusBar.hintItems(self, width: geo.width)
            if let hit = hints.first(where: { x >= $0.x && x < $0.x + $0.width }) { return perform(hit.action) }
            return []
        }
        guard y >= geo.bodyTop, y < geo.bodyTop + geo.bodyHeight else { return [] }
        let row = y - geo.bodyTop
        if var s = search {
            let perPage = Self.resultsPerPage(bodyHeight: geo.bodyHeight)
            guard row >= 2 else { return [] }
            let index = SearchOverlay.firstShown(selected: s.selected, perPage: perPage) + (row - 2) / 2
            guard index < s.rowCount else { return [] }
            s.selected = index
            search = s
            return performSearch(.searchOpen)
        }
        let layout = currentLayout
        if geo.contentsVisible, !layout.contents.isEmpty, geo.contentsOpen || x < geo.contentsWidth + 2 {
            if let index = ContentsColumn.entry(atRow: row, self, layout, geo: geo) { openContentsEntry(index, layout) }
            return []
        }
        let line = currentTop + row
        let column = x - geo.textX
        guard let i = layout.targets.firstIndex(where: { $0.contains(line: line, column: column) }) else { return [] }
        current.focus = .text
        current.focusedTarget = layout.targets[i].key
        return activate(layout.targets[i].action)
    }

    /// Whether a cell is on the header's crisis hint ("Need help now? Press F2"), a button.
    func crisisHintContains(x: Int, y: Int) -> Bool {
        guard y == Geometry.headerRow, let hint = Header.rightHint(self, width: geometry.width) else { return false }
        return hint.crisis && x >= hint.x - 1
    }
}
