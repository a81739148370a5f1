/// Reading positions: anchors turned into top lines for a layout and back.
extension AppState {
    /// The first visible line of a page, from its anchor (scaled if its section re-wrapped).
    func topLine(of page: Page, in layout: PageLayout, bodyHeight: Int) -> Int {
        let a = page.anchor
        let start = layout.start(ofSection: a.section)
        let length = layout.end(ofSection: a.section) - start
        var offset = a.offset
        if a.sectionLines > 0, length != a.sectionLines {
            offset = Int((Double(offset) * Double(length) / Double(a.sectionLines)).rounded())
        }
        let maxTop = max(0, layout.lineCount - bodyHeight)
        return max(0, min(start + offset, maxTop))
    }

    /// The anchor that puts `line` at the top.
    static func anchor(forTop line: Int, in layout: PageLayout) -> Anchor {
        let s = layout.section(atLine: line)
        let start = layout.start(ofSection: s)
        return Anchor(section: s, offset: line - start, sectionLines: layout.end(ofSection: s) - start)
    }

    var bodyHeight: Int { geometry.bodyHeight }
    var currentTop: Int { topLine(of: current, in: currentLayout, bodyHeight: bodyHeight) }

    mutating func scroll(to line: Int) {
        let layout = currentLayout
        let maxTop = max(0, layout.lineCount - bodyHeight)
        current.anchor = Self.anchor(forTop: max(0, min(line, maxTop)), in: layout)
    }

    mutating func scroll(by delta: Int) {
        scroll(to: currentTop + delta)
    }

    /// Puts a section's heading at the top (the anchor stays on it even at the end of the page).
    mutating func jump(toSection s: Int) {
        let layout = currentLayout
        let start = layout.start(ofSection: s)
        current.anchor = Anchor(section: s, offset: 0, sectionLines: layout.end(ofSection: s) - start)
        if layout.arrowsMoveFocus, s >= 0,
           let t = layout.targets.first(where: { $0.firstLine >= start && $0.firstLine < layout.end(ofSection: s) }) {
            current.focusedTarget = t.key
        }
    }

    /// Scrolls the least needed so lines `first...last` are on screen (the first wins if both cannot be).
    mutating func reveal(first: Int, last: Int) {
        let top = currentTop
        let h = bodyHeight
        if last >= top + h { scroll(to: last - h + 1) }
        if first < currentTop { scroll(to: first) }
    }

    /// Scrolls so a line is on screen, a third of the way down when it has to move.
    mutating func revealCentred(_ line: Int) {
        let top = currentTop
        if line < top || line >= top + bodyHeight { scroll(to: line - bodyHeight / 3) }
    }

    /// The section the screen shows, as the status line and the contents' ▶ name it: with the
    /// current search match (n / F3) on screen, the match's section; else `currentSection` (review
    /// J 17: the ▶ followed the screen's top line while the status line followed the match).
    func sectionShown(_ layout: PageLayout, geo: Geometry) -> Int {
        let top = topLine(of: current, in: layout, bodyHeight: geo.bodyHeight)
        if let m = currentDrawnMatch(layout, textWidth: geo.textWidth) {
            let line = layout.matches[m].line
            if line >= top, line < top + geo.bodyHeight { return layout.matches[m].section }
        }
        return currentSection
    }

    /// The section the reader is in: the anchored one, or at the end of the page (where short last
    /// sections can never reach the top) the last one whose heading is on screen.
    var currentSection: Int {
        let s = current.anchor.section
        let layout = currentLayout
        let h = bodyHeight
        let maxTop = max(0, layout.lineCount - h)
        guard maxTop > 0, currentTop >= maxTop else { return s }
        let lastShown = layout.sectionStarts.lastIndex { $0 < maxTop + h } ?? -1
        return max(s, lastShown)
    }
}
