/// Search matches on a page (`n`/`N`, "match 3 of 7"). On an FAQ a closed answer's words are not
/// laid out, so the matches are counted on the page with every answer open: the count does not
/// change as answers open and close, and `n` can reach a match in a closed answer (opening it).
/// `Page.matchIndex` indexes that list; a match is found again on the page as drawn by its
/// question and its place among that question's matches (the question's heading comes first in
/// both, and an open answer wraps the same either way).
extension AppState {
    /// Every search match on a page, as if every FAQ answer were open.
    func allMatches(of page: Page, textWidth: Int) -> [MatchSpan] {
        guard page.query != nil else { return [] }
        let drawn = layout(of: page, textWidth: textWidth)
        guard drawn.context == .faq else { return drawn.matches }
        return layout(of: page, textWidth: textWidth, expanded: Set(drawn.sectionStarts.indices)).matches
    }

    /// Match `i` of `all` in `layout.matches`, nil when its answer is closed.
    static func drawnMatch(_ i: Int, all: [MatchSpan], in layout: PageLayout) -> Int? {
        guard all.indices.contains(i) else { return nil }
        let section = all[i].section
        let place = all[..<i].lazy.filter { $0.section == section }.count
        var seen = 0
        for (j, m) in layout.matches.enumerated() where m.section == section {
            if seen == place { return j }
            seen += 1
        }
        return nil
    }

    /// The inverse: `layout.matches[j]` as an index of `all`.
    static func allIndex(ofDrawn j: Int, all: [MatchSpan], in layout: PageLayout) -> Int? {
        guard layout.matches.indices.contains(j) else { return nil }
        let section = layout.matches[j].section
        let place = layout.matches[..<j].lazy.filter { $0.section == section }.count
        var seen = 0
        for (i, m) in all.enumerated() where m.section == section {
            if seen == place { return i }
            seen += 1
        }
        return nil
    }

    /// The current match as drawn (an index of the layout's matches), if it is on the page.
    func currentDrawnMatch(_ layout: PageLayout, textWidth: Int) -> Int? {
        guard let m = current.matchIndex else { return nil }
        if layout.context != .faq { return layout.matches.indices.contains(m) ? m : nil }
        return Self.drawnMatch(m, all: allMatches(of: current, textWidth: textWidth), in: layout)
    }

    /// `n`/`N`: the next or previous search match on the page, across sections, wrapping around;
    /// on an FAQ it opens the answer that holds it and focuses that question.
    mutating func stepMatch(_ d: Int, _ layout: PageLayout) {
        let width = geometry.textWidth
        let all = allMatches(of: current, textWidth: width)
        guard !all.isEmpty else { return }
        let next: Int
        if let i = current.matchIndex, all.indices.contains(i) {
            next = (i + d + all.count) % all.count
        } else {
            // From the screen: where each match is, or would be (a closed answer's after its question).
            let lines = all.indices.map { i in
                Self.drawnMatch(i, all: all, in: layout).map { layout.matches[$0].line }
                    ?? layout.end(ofSection: all[i].section) - 1
            }
            let top = currentTop
            next = d > 0 ? (lines.firstIndex { $0 >= top } ?? 0)
                : (lines.lastIndex { $0 < top + bodyHeight } ?? all.count - 1)
        }
        current.matchIndex = next
        let section = all[next].section
        if layout.context == .faq, let id = documentID(of: route), let doc = document(id),
           doc.sections.indices.contains(section) {
            if Self.drawnMatch(next, all: all, in: layout) == nil { expanded[id, default: []].insert(section) }
            current.focus = .text
            current.focusedTarget = TargetKey("question:\(doc.sections[section].id)")
        }
        let now = currentLayout
        if let j = Self.drawnMatch(next, all: all, in: now) { revealCentred(now.matches[j].line) }
    }
}
