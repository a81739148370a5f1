/// Moving the focus: between menu items and questions, through links with Tab, in the contents.
extension AppState {
    /// Up/Down on menus, FAQs and checklists: the next item if it is on screen, else scroll towards it
    /// (half a screen at a time, so a long open answer can still be read).
    mutating func moveFocus(_ d: Int, _ layout: PageLayout) {
        let primary = layout.targets.indices.filter { layout.targets[$0].isPrimary }
        guard !primary.isEmpty else { scroll(by: d); return }
        let top = currentTop
        let h = bodyHeight
        func visible(_ t: PageTarget) -> Bool { t.lastLine >= top && t.firstLine < top + h }
        guard let focused = effectiveFocus(layout), visible(layout.targets[focused]) else {
            // The focus scrolled away: take the first item on screen in that direction.
            let onScreen = primary.filter { visible(layout.targets[$0]) }
            if let pick = d > 0 ? onScreen.first : onScreen.last {
                current.focusedTarget = layout.targets[pick].key
            } else {
                scroll(by: d * max(1, h / 2))
            }
            return
        }
        // From a link (reached with Tab) the arrows continue from the nearest item.
        let i = primary.lastIndex { $0 <= focused } ?? (d > 0 ? -1 : 0)
        let isOnPrimary = layout.targets[focused].isPrimary
        let next = isOnPrimary || d < 0 ? i + d : i + 1
        let stepIndex = d < 0 && !isOnPrimary ? i : next
        var stop = primary.indices.contains(stepIndex) ? primary[stepIndex] : nil
        // Past the last item going down, the links after it (a self-check's "Related pages") are
        // next: the bar says "↑↓ choose", and only Tab had reached them (review D 16).
        if stop == nil, d > 0, let link = layout.targets.indices.first(where: { $0 > focused && $0 > (primary.last ?? -1) }) {
            stop = link
        }
        guard let stop else {
            scroll(by: d * max(1, h / 2))  // past the last item: show what follows it
            return
        }
        let t = layout.targets[stop]
        let fits = d > 0 ? t.lastLine < top + h : t.firstLine >= top
        if fits || (d > 0 ? t.firstLine - (top + h) < h / 2 : top - t.lastLine <= h / 2) {
            current.focusedTarget = t.key
            reveal(first: t.firstLine, last: t.lastLine)
        } else {
            scroll(by: d * max(1, h / 2))
            if visible(t) { current.focusedTarget = t.key }
        }
    }

    /// After paging on a menu-like page, keep the focus on something visible.
    mutating func refocusVisible(_ layout: PageLayout) {
        guard layout.arrowsMoveFocus, effectiveFocus(layout).map({ visibleFocusedTarget(layout) == $0 }) != true
        else { return }
        let top = currentTop
        if let t = layout.targets.first(where: { $0.isPrimary && $0.firstLine >= top && $0.firstLine < top + bodyHeight }) {
            current.focusedTarget = t.key
        }
    }

    /// Tab: contents -> links in the text, in order -> back to the contents (if shown). Shift-Tab: reverse.
    mutating func cycleFocus(_ d: Int, _ layout: PageLayout, _ geo: Geometry) {
        let hasContents = geo.contentsVisible && !layout.contents.isEmpty
        let top = currentTop
        let h = bodyHeight
        if hasContents && current.focus == .contents {
            current.focus = .text
            let pick = d > 0
                ? layout.targets.firstIndex { $0.firstLine >= top && $0.firstLine < top + h }
                : layout.targets.lastIndex { $0.firstLine >= top && $0.firstLine < top + h }
            current.focusedTarget = pick.map { layout.targets[$0].key }
            if geo.contentsOpen { current.contentsOpen = false }
            return
        }
        var next: Int?
        if let i = visibleFocusedTarget(layout) {
            next = layout.targets.indices.contains(i + d) ? i + d : nil
        } else {
            next = d > 0
                ? layout.targets.firstIndex { $0.firstLine >= top }
                : layout.targets.lastIndex { $0.firstLine < top + h }
        }
        if let next {
            current.focus = .text
            current.focusedTarget = layout.targets[next].key
            let t = layout.targets[next]
            if t.firstLine < top || t.lastLine >= top + h { revealCentred(t.firstLine) }
        } else if hasContents {
            current.focus = .contents
            current.focusedTarget = nil
            current.contentsIndex = contentsEntry(for: sectionShown(layout, geo: geometry), layout)
        } else if let wrap = d > 0 ? layout.targets.indices.first : layout.targets.indices.last {
            current.focusedTarget = layout.targets[wrap].key
            revealCentred(layout.targets[wrap].firstLine)
        }
    }

    func contentsEntry(for section: Int, _ layout: PageLayout) -> Int {
        layout.contents.lastIndex { $0.section <= section } ?? 0
    }

    mutating func moveContents(by d: Int, _ layout: PageLayout) {
        current.contentsIndex = max(0, min(layout.contents.count - 1, current.contentsIndex + d))
    }

    mutating func openContentsEntry(_ i: Int, _ layout: PageLayout) {
        guard layout.contents.indices.contains(i) else { return }
        jump(toSection: layout.contents[i].section)
        current.contentsIndex = i
        current.focus = .text
        current.focusedTarget = nil
        current.contentsOpen = false
    }

    /// `t` shows or hides the contents. Wide screens: hiding the column beside the text gives the
    /// text the width (for every page, until `t` again); showing it focuses it, to choose a section.
    /// Narrow screens: the contents open in place of the text.
    mutating func toggleContents(_ layout: PageLayout, _ geo: Geometry) {
        guard !layout.contents.isEmpty else { return }
        if geo.width >= Geometry.minWidthForContentsBeside {
            contentsHidden.toggle()
            current.contentsOpen = false
            current.focus = contentsHidden ? .text : .contents
        } else {
            current.contentsOpen.toggle()
            current.focus = current.contentsOpen ? .contents : .text
        }
        if current.focus == .contents { current.contentsIndex = contentsEntry(for: sectionShown(layout, geo: geometry), layout) }
    }
}
