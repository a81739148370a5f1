import PamphletKit

extension AppState {
    /// Handles one message. Keys become actions through the current screen's keymap.
    public mutating func update(_ msg: Msg) -> [Effect] {
        switch msg {
        case .key, .mouse, .paste: removedPageTitle = nil   // said once, until the reader acts
        default: break
        }
        switch msg {
        // A tap half made (finger down) when a key or new content changed the screen opens nothing.
        case .key, .paste, .contentReloaded: pointer = nil
        default: break
        }
        switch msg {
        case .key(let key):
            return handle(key)
        case .mouse(let event):
            return handle(event)
        case .resize(let w, let h):
            // The anchor (section + offset) is the reading position; nothing else to do.
            setSize(width: w, height: h)
            return []
        case .paste(let text):
            return paste(text)
        case .contentReloaded(let new):
            replaceContent(new)
            return []
        case .contentReloadRefused(let errors):
            reloadRefusedErrors = errors
            return []
        case .tick, .pinChecked:
            return []
        }
    }

    /// Pasted text is a search: it goes into the search field, opening it where "/" would. Line
    /// breaks and tabs become spaces, other control characters go. With `lettersSearch` a typed
    /// letter or digit comes here too.
    mutating func paste(_ text: String) -> [Effect] {
        let words = text.split(whereSeparator: { $0.isNewline || $0 == "\t" })
            .map { $0.filter { !($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) } }
            .joined(separator: " ")
        guard !words.isEmpty else { return [] }
        if search == nil {
            guard !isTooSmall(width: width, height: height), Keymap.action(for: .char("/"), in: keyContext) == .search else { return [] }
            perform(.search)
        }
        search?.reopenedByBack = false
        if search?.append(words) == true { runSearch() }
        return []
    }

    /// The keys that apply right now.
    public var keyContext: KeyContext {
        if search != nil { return .search }
        return currentLayout.context
    }

    mutating func handle(_ key: Key) -> [Effect] {
        if isTooSmall(width: width, height: height) {
            let action = Keymap.action(for: key, in: .global)
            if action == .redraw { return [.redraw] }
            // The kiosk's too-small screen names F2 (review G 8): the crisis page is there once the
            // window is big enough. Not a letter that searches in the kiosk.
            if action == .crisis, !(options.lettersSearch && key.startsSearch) { return perform(.crisis) }
            return key == .char("q") && options.allowQuit ? [.quit] : []
        }
        if search != nil {
            let action = Keymap.action(for: key, in: .search)
            if search?.reopenedByBack == true {
                if action == .searchDelete { return perform(.searchClose) }
                let choosing: Set<Action> = [.searchNext, .searchPrevious, .searchPageDown, .searchPageUp, .redraw]
                if !(action.map(choosing.contains) ?? false) { search?.reopenedByBack = false }
            }
            if let action { return perform(action) }
            if case .char(let c) = key, !c.isNewline {
                if search?.append(String(c)) == true { runSearch() }
            }
            return []
        }
        if options.lettersSearch, key.startsSearch, case .char(let c) = key {
            return paste(String(c))
        }
        guard let action = Keymap.action(for: key, in: keyContext) else { return [] }
        if action == .openNumbered, case .char(let c) = key, let n = c.wholeNumberValue {
            return activateTarget(number: n)
        }
        return perform(action)
    }

    /// Does one named action, as if its key had been pressed. The kiosk uses this too.
    @discardableResult
    public mutating func perform(_ action: Action) -> [Effect] {
        let layout = currentLayout
        let geo = geometry
        let contentsFocused = arrowsChooseContents(geo, layout)
        switch action {
        case .quit:
            return options.allowQuit ? [.quit] : []
        case .help:
            if route != .help { navigate(to: .help) }
        case .home:
            if route == .home { current = Page(route: .home) } else { navigate(to: .home) }
        case .crisis:
            // F2 works while searching: Back returns to the results, as from the Help right now row.
            if let s = search, route != .crisis { current.searchToReturnTo = SearchReturn(query: s.query, selected: s.selected) }
            search = nil
            if route != .crisis { navigate(to: .crisis) }
        case .redraw:
            return [.redraw]
        case .back:
            if current.contentsOpen { current.contentsOpen = false; current.focus = .text }
            else { goBack() }
        case .forward:
            goForward()
        case .search:
            search = SearchState()
        case .lineDown, .lineUp:
            let d = action == .lineDown ? 1 : -1
            if contentsFocused { moveContents(by: d, layout) }
            else if layout.arrowsMoveFocus { moveFocus(d, layout) }
            else { scroll(by: d) }
        case .pageDown, .pageUp:
            let d = max(1, geo.bodyHeight - 2) * (action == .pageDown ? 1 : -1)
            if contentsFocused { moveContents(by: d, layout) } else { scroll(by: d); refocusVisible(layout) }
        case .top, .bottom:
            if contentsFocused {
                current.contentsIndex = action == .top ? 0 : layout.contents.count - 1
            } else {
                scroll(to: action == .top ? 0 : layout.lineCount)
                if layout.arrowsMoveFocus {
                    let primary = layout.targets.filter(\.isPrimary)
                    current.focusedTarget = (action == .top ? primary.first : primary.last)?.key
                }
            }
        case .nextSection:
            if currentSection + 1 < layout.sectionStarts.count { jump(toSection: currentSection + 1) }
        case .previousSection:
            let top = currentTop
            if currentSection >= 0 && top > layout.start(ofSection: currentSection) { jump(toSection: currentSection) }
            else if currentSection >= 0 { jump(toSection: currentSection - 1) }
        case .focusNext, .focusPrevious:
            cycleFocus(action == .focusNext ? 1 : -1, layout, geo)
        case .activate, .toggle:
            if contentsFocused {
                openContentsEntry(current.contentsIndex, layout)
            } else if let i = visibleFocusedTarget(layout) {
                return activate(layout.targets[i].action)
            }
        case .toggleContents:
            toggleContents(layout, geo)
        case .openNumbered:
            break
        case .nextMatch, .previousMatch:
            stepMatch(action == .nextMatch ? 1 : -1, layout)
        case .clearHighlights:
            current.query = nil
            current.matchIndex = nil
            current.contentsOpen = false
        case .searchNext, .searchPrevious, .searchPageUp, .searchPageDown, .searchOpen, .searchClose,
             .searchDelete, .searchDeleteForward, .searchDeleteWord, .searchClear, .searchUseSuggestion,
             .searchCursorLeft, .searchCursorRight, .searchCursorStart, .searchCursorEnd:
            return performSearch(action)
        }
        return []
    }

    // MARK: history

    mutating func navigate(to route: Route, anchor: Anchor = .top) {
        backStack.append(current)
        if backStack.count > Self.historyLimit { backStack.removeFirst() }
        forwardStack = []
        current = Page(route: route)
        current.anchor = anchor
    }

    mutating func goBack() {
        guard let previous = backStack.popLast() else { return }
        forwardStack.append(current)
        current = previous
        // Back to the search results this page was opened from, query and choice kept.
        if let saved = current.searchToReturnTo {
            current.searchToReturnTo = nil
            search = SearchState(query: saved.query)
            runSearch()
            if let count = search?.rowCount { search?.selected = max(0, min(saved.selected, count - 1)) }
            search?.reopenedByBack = true
        }
    }

    mutating func goForward() {
        guard let next = forwardStack.popLast() else { return }
        backStack.append(current)
        current = next
    }

    // MARK: targets

    /// Performs what a link, menu item, question or checkbox does.
    mutating func activate(_ action: TargetAction) -> [Effect] {
        switch action {
        case .open(let route):
            navigate(to: route)
        case .reference(let ref):
            open(reference: ContentReference(ref))
        case .toggleQuestion(let i):
            guard let id = documentID(of: route) else { break }
            expanded[id, default: []].formSymmetricDifference([i])
        case .toggleItem(let item):
            guard let id = documentID(of: route) else { break }
            answers[id, default: ChecklistAnswers()].checked.formSymmetricDifference([item])
        case .showOutcome:
            guard let id = documentID(of: route) else { break }
            answers[id, default: ChecklistAnswers()].showOutcome = true
            // Bring the result into view below the button.
            if let t = currentLayout.targets.first(where: { $0.action == .showOutcome }) {
                scroll(to: t.firstLine - 1)
            }
        case .openSearch:
            search = SearchState()
        }
        return []
    }

    /// Opens `doc` or `doc#section` with the section's heading at the top.
    mutating func open(reference: ContentReference, query: String? = nil) {
        guard let doc = document(reference.documentID) else { return }
        navigate(to: .document(doc.id))
        current.query = query
        if let slug = reference.sectionID, let index = doc.sections.firstIndex(where: { $0.id == slug }) {
            if doc.kind == .faq {
                expanded[doc.id, default: []].insert(index)
                current.focusedTarget = TargetKey("question:\(slug)")
            }
            jump(toSection: index)
        }
    }

    /// Number keys on menus open the n-th item.
    mutating func activateTarget(number n: Int) -> [Effect] {
        let layout = currentLayout
        guard n >= 1, n <= layout.targets.count else { return [] }
        current.focusedTarget = layout.targets[n - 1].key
        return activate(layout.targets[n - 1].action)
    }

    /// The focused target if it is on screen (menus default to their first item).
    func visibleFocusedTarget(_ layout: PageLayout) -> Int? {
        guard let i = effectiveFocus(layout) else { return nil }
        let top = currentTop
        let t = layout.targets[i]
        return t.lastLine >= top && t.firstLine < top + bodyHeight ? i : nil
    }

    /// The focused target; on menus, questions and checklists the first one when nothing is focused yet.
    func effectiveFocus(_ layout: PageLayout, page: Page? = nil) -> Int? {
        let page = page ?? current
        if let i = layout.targetIndex(page.focusedTarget) { return i }
        return layout.arrowsMoveFocus && !layout.targets.isEmpty && page.focus == .text
            ? (layout.primaryTarget ?? 0) : nil
    }
}

extension AppState {
    /// Whether the arrows and page keys move through the contents (beside the text, or shown in its
    /// place) rather than the text; the hint row says "choose" then, not "scroll" (review G 5).
    func arrowsChooseContents(_ geo: Geometry, _ layout: PageLayout) -> Bool {
        geo.contentsVisible && current.focus == .contents && !layout.contents.isEmpty
    }
}
