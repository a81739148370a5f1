/// Mouse and touch: a tap opens and selects what is under it, a drag scrolls, the wheel scrolls.
/// Hit-testing uses the same geometry and layout the view draws with, so regions always match.
///
/// A tap acts when the finger lifts, not when it lands (review J 7): a patient who swipes to scroll
/// had opened or ticked whatever the finger first touched. Between press and release the pointer
/// may wander a cell (a finger is not a mouse); further, it is a drag, which moves the page with
/// the finger (the text under it stays under it) and opens nothing.
extension AppState {
    static let wheelLines = 3
    /// How far (cells, either way) the pointer may move between press and release for a tap.
    static let tapSlop = 1

    /// Whether `event` (a release) ends a tap pressed at (`x`, `y`): within `tapSlop` of it.
    static func isTap(_ event: MouseEvent, pressedAt x: Int, _ y: Int) -> Bool {
        abs(event.x - x) <= tapSlop && abs(event.y - y) <= tapSlop
    }

    mutating func handle(_ event: MouseEvent) -> [Effect] {
        guard !isTooSmall(width: width, height: height) else {
            pointer = nil
            return []
        }
        switch event.kind {
        case .wheelUp, .wheelDown:
            let d = event.kind == .wheelDown ? 1 : -1
            if search != nil { return performSearch(d > 0 ? .searchNext : .searchPrevious) }
            scroll(by: d * Self.wheelLines)
            refocusVisible(currentLayout)
            return []
        case .press:
            pointer = PointerDown(x: event.x, y: event.y, top: currentTop, selected: search?.selected ?? 0)
            return []
        case .drag:
            guard var p = pointer else { return [] }
            if !p.dragging, !p.isTap(to: event) { p.dragging = true }
            pointer = p
            if p.dragging { drag(p, to: event) }
            return []
        case .release:
            // A release with no press of ours: the press woke the kiosk or closed a box over the page.
            guard let p = pointer else { return [] }
            pointer = nil
            if p.dragging || !p.isTap(to: event) {
                // Also when no motion was reported in between (a terminal without drag reports).
                drag(p, to: event)
                return []
            }
            return tap(x: p.x, y: p.y)
        case .click:
            pointer = nil
            return tap(x: event.x, y: event.y)
        }
    }

    /// Follows a drag: the page (or the list of results) moves with the finger, from where it was
    /// at the press. Only a drag that began over the page or the results moves anything.
    mutating func drag(_ p: PointerDown, to event: MouseEvent) {
        let geo = geometry
        guard p.y >= geo.bodyTop, p.y < geo.bodyTop + geo.bodyHeight else { return }
        let dy = event.y - p.y
        if var s = search {
            // Two rows a result: drag up a result's height and the next one comes up.
            guard s.rowCount > 0 else { return }
            s.selected = max(0, min(s.rowCount - 1, p.selected - dy / 2))
            search = s
            return
        }
        guard !current.contentsOpen else { return }
        scroll(to: p.top - dy)
        refocusVisible(currentLayout)
    }

    /// A tap (or a click) at a cell: what is under it opens, ticks or is chosen.
    mutating func tap(x: Int, y: Int) -> [Effect] {
        let geo = geometry
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
            if s.rowCount == 0 {
                // "Did you mean “tms clinic”?" is a button, as Enter is (review J 10).
                let rows = SearchOverlay.noResultsRows(query: s.query.trimmingSpaces, suggestion: s.suggestion,
                                                       width: geo.width - 2)
                guard s.suggestion != nil, rows.indices.contains(row - 2) else { return [] }
                var column = 1
                for g in rows[row - 2] {
                    if x >= column, x < column + g.width { return g.target == 0 ? performSearch(.searchOpen) : [] }
                    column += g.width
                }
                return []
            }
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

/// A press not yet released: where, and what was on screen then (the page's top line, the chosen
/// result), so that a drag moves things by its distance from there.
struct PointerDown: Sendable, Hashable {
    var x: Int
    var y: Int
    var top: Int
    var selected: Int
    /// Moved past `AppState.tapSlop`: it stays a drag, even if it comes back.
    var dragging = false

    func isTap(to event: MouseEvent) -> Bool { AppState.isTap(event, pressedAt: x, y) }
}
