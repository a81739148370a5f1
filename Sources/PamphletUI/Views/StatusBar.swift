/// The two bottom rows: breadcrumbs and position, then key hints drawn from the keymap table.
enum StatusBar {
    struct HintItem {
        var x: Int
        var width: Int
        var key: String
        var label: String
        var action: Action
    }

    static func draw(_ canvas: inout Canvas, _ state: AppState, layout: PageLayout, geo: Geometry, top: Int) {
        let glyphs = state.options.glyphs
        let y = geo.statusRow
        canvas.fill(x: 0, y: y, count: geo.width, role: .statusBar)
        var position = ""
        if let search = state.search {
            let n = search.results.hits.count
            // No "0 results" under a "Help right now" row. "50 of 2,872 results" when the list
            // stops at its limit (review H 3: "50 results" had read as the whole answer).
            position = search.query.isEmpty || (n == 0 && search.crisisRow) ? "" : search.results.total.summary(shown: n)
        } else {
            let all = state.allMatches(of: state.current, textWidth: geo.textWidth)
            if let m = state.current.matchIndex, all.indices.contains(m) {
                position = "match \(m + 1) of \(all.count)"
            }
            if layout.lineCount > geo.bodyHeight {
                let pct = top == 0 ? 0 : min(100, (top + geo.bodyHeight) * 100 / layout.lineCount)
                let where_ = top == 0 ? "Top" : pct >= 100 ? "End" : "\(pct)%"
                position += (position.isEmpty ? "" : "  ") + where_
            }
        }
        let posWidth = TextMetrics.width(position)
        let room = geo.width - 2 - (posWidth > 0 ? posWidth + 2 : 0)
        if let errors = state.reloadRefusedErrors, state.options.showContentProblems {
            // In place of the breadcrumbs, until an edit loads: staff previewing an edit must not
            // read the old page as the new one (review H 4).
            let notice = "\(glyphs.warning) Edit not loaded: \(errors) error\(errors == 1 ? "" : "s"); run pamphlet check"
            canvas.write(fit([notice], to: room, glyphs: glyphs), x: 1, y: y, role: .warning)
        } else if let title = state.removedPageTitle, state.options.showContentProblems {
            // Taken Home because an edit removed the page being read (review I 9).
            let notice = "\(glyphs.warning) \u{201C}\(title)\u{201D} was removed from the content"
            canvas.write(fit([notice], to: room, glyphs: glyphs), x: 1, y: y, role: .warning)
        } else {
            canvas.write(fit(breadcrumbs(state, layout: layout, geo: geo, top: top), to: room, glyphs: glyphs), x: 1, y: y, role: .statusBar)
        }
        if posWidth > 0 { canvas.write(position, x: geo.width - posWidth - 1, y: y, role: .statusBar) }

        for item in hintItems(state, width: geo.width) {
            let after = canvas.write(item.key, x: item.x, y: geo.hintsRow, role: .statusKey)
            canvas.write(" " + item.label, x: after, y: geo.hintsRow, role: .hint)
        }
    }

    /// "Document › Section" (as parts), or where else the reader is.
    /// With a search match on screen, its section: where the highlight is, not where the screen begins.
    static func breadcrumbs(_ state: AppState, layout: PageLayout, geo: Geometry, top: Int) -> [String] {
        if state.search != nil { return ["Search"] }
        switch state.route {
        case .home: return ["Home"]
        case .list(let kind): return [kind.menuTitle]
        default:
            if state.current.contentsOpen { return [layout.title, "Contents"] }
            let s = state.sectionShown(layout, geo: geo)
            if s >= 0, s < layout.sectionTitles.count { return [layout.title, layout.sectionTitles[s]] }
            return [layout.title]
        }
    }

    /// Fits breadcrumbs in `width`: the whole trail, else "… › Section", else words cut at a space.
    static func fit(_ parts: [String], to width: Int, glyphs: Glyphs) -> String {
        let whole = parts.joined(separator: glyphs.breadcrumb)
        if TextMetrics.width(whole) <= width { return whole }
        var last = parts.last ?? ""
        if parts.count > 1 {
            let short = glyphs.ellipsis + glyphs.breadcrumb + last
            if TextMetrics.width(short) <= width { return short }
        }
        // Cut at a word boundary, keeping room for the ellipsis.
        let room = width - TextMetrics.width(glyphs.ellipsis)
        guard room > 0 else { return "" }
        var cut = TextMetrics.truncate(last, to: room + TextMetrics.width(glyphs.ellipsis), ellipsis: glyphs.ellipsis)
        if let space = last.prefix(max(0, cut.count - 1)).lastIndex(of: " "), last.distance(from: last.startIndex, to: space) > room / 2 {
            cut = String(last[..<space]) + glyphs.ellipsis
        }
        last = cut
        return last
    }

    /// Keeps the end of a breadcrumb (the section) when it is too long, cutting from the left.
    static func truncateLeft(_ s: String, to width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        if TextMetrics.width(s) <= width { return s }
        var out: [Character] = []
        var used = TextMetrics.width(ellipsis)
        for ch in s.reversed() {
            let w = TextMetrics.width(ch)
            if used + w > width { break }
            out.append(ch)
            used += w
        }
        return ellipsis + String(out.reversed())
    }

    /// The hint row's items, most useful first, as many as fit ("? help" always does).
    static func hintItems(_ state: AppState, width: Int) -> [HintItem] {
        let g = state.options.glyphs
        let context = state.keyContext
        let layout = state.currentLayout
        let geo = state.geometry
        var wanted: [(String, String, Action)] = []
        let lettersSearch = state.options.lettersSearch && context != .search
        // A link under an FAQ's or a self-check's items (Down reaches them) opens; it has nothing
        // to tick or expand (review E 12).
        let linkFocused = state.search == nil && layout.arrowsMoveFocus
            && state.effectiveFocus(layout).map { !layout.targets[$0].isPrimary } == true
        // Review G 5: the arrows choose a section while the contents have focus, and a search with
        // nothing to show has nothing to choose or open (Enter takes a "did you mean" there).
        let contentsFocused = state.search == nil && state.arrowsChooseContents(geo, layout)
        let searchRows = state.search?.rowCount ?? 0
        func add(_ b: Binding) {
            guard var label = b.hint else { return }
            if b.action == .toggle && linkFocused {
                wanted.append(("Enter", "open", .toggle))
                return
            }
            if b.action == .lineDown && contentsFocused { label = "choose" }
            if b.action == .searchOpen && searchRows == 0 {
                guard state.search?.suggestion != nil else { return }
                label = "search"
            }
            let keys = b.keys(lettersSearch: lettersSearch)
            guard !keys.isEmpty else { return }
            switch b.action {
            case .quit where !state.options.allowQuit: return
            case .toggleContents where layout.contents.isEmpty: return
            case .toggleContents where geo.contentsBeside && state.current.focus == .text: return
            case .nextSection where layout.sectionStarts.count < 2: return
            case .focusNext where layout.targets.isEmpty: return
            case .activate where layout.targets.isEmpty && !(geo.contentsVisible && state.current.focus == .contents):
                return
            case .back where !state.canGoBack: return
            // Only on a page showing search matches (review F 7: "match 1 of 36", and F3 unnamed).
            case .nextMatch where state.current.matchIndex == nil: return
            case .home where state.route == .home: return
            case .searchNext where searchRows == 0: return
            default: break
            }
            let key: String = switch b.action {
            case .lineDown, .searchNext:
                state.options.asciiOnly ? "Up/Down" : g.arrowUp + g.arrowDown
            case .back: g.arrowLeft
            default: keys.first?.label(g) ?? ""
            }
            wanted.append((key, label, b.action))
        }
        let local = Keymap.map(for: context).bindings
        if context == .search {
            for binding in local {
                // Results reopened by Back: Backspace goes on back (closes them) until the query is
                // edited, though the field shows its cursor; say so (review J 9). A tap performs it.
                if binding.action == .searchClose, state.search?.reopenedByBack == true {
                    wanted.append((state.options.asciiOnly ? "Backspace" : "\u{232B}", "back", .searchClose))
                }
                add(binding)
            }
        } else {
            let global = Keymap.map(for: .global).bindings
            let first = local.filter { $0.action == .lineDown || $0.action == .activate || $0.action == .toggle }
            first.forEach(add)
            global.filter { $0.action == .back || $0.action == .search }.forEach(add)
            local.filter { !first.contains($0) && $0.action != .nextMatch }.forEach(add)
            global.filter { $0.action == .home || $0.action == .quit }.forEach(add)
            local.filter { $0.action == .nextMatch }.forEach(add)   // after quit, which staff need more
        }
        if state.search == nil, state.route != .help, let help = Keymap.map(for: .global).bindings.first(where: { $0.action == .help }) {
            wanted.removeAll { $0.2 == .help }
            let helpItem = (help.keys.first?.label(g) ?? "?", help.hint ?? "help", Action.help)
            // Help goes third, right after moving and going back, so it survives narrow screens.
            wanted.insert(helpItem, at: min(wanted.count, 3))
        }
        // Keep the most useful that fit, but never drop help.
        func size(_ item: (String, String, Action)) -> Int { TextMetrics.width(item.0) + 1 + TextMetrics.width(item.1) }
        var chosen: [(String, String, Action)] = []
        var used = 0
        let helpSize = wanted.first { $0.2 == .help }.map { size($0) + 2 } ?? 0
        for item in wanted {
            let w = size(item) + 2
            let reserve = item.2 == .help || chosen.contains(where: { $0.2 == .help }) ? 0 : helpSize
            if used + w + reserve <= width - 1 {
                chosen.append(item)
                used += w
            }
        }
        var items: [HintItem] = []
        var x = 1
        for (key, label, action) in chosen {
            let w = size((key, label, action))
            items.append(HintItem(x: x, width: w, key: key, label: label, action: action))
            x += w + 2
        }
        return items
    }
}
