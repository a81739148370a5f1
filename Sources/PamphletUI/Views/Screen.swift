/// Draws the whole screen: header, the page (or the search overlay), status line and key hints.
extension AppState {
    /// Draws the screen at this size. Pure: the same state and size always give the same canvas.
    /// Below `options.minimumWidth` x `minimumHeight` it asks for a bigger window instead.
    public func view(width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        if isTooSmall(width: width, height: height) {
            TooSmall.draw(&canvas, options: options)
            return canvas
        }
        let geo = geometry(for: current, width: width, height: height)
        let layout = layout(of: current, textWidth: geo.textWidth)
        let top = topLine(of: current, in: layout, bodyHeight: geo.bodyHeight)
        Header.draw(&canvas, self)
        if let search {
            SearchOverlay.draw(&canvas, search, geo: geo, glyphs: options.glyphs, cache: cache, content: content,
                               crisis: options.crisisSentence(site: content.library.site))
        } else {
            drawPage(&canvas, layout, geo: geo, top: top)
        }
        StatusBar.draw(&canvas, self, layout: layout, geo: geo, top: top)
        return canvas
    }

    private func drawPage(_ canvas: inout Canvas, _ layout: PageLayout, geo: Geometry, top: Int) {
        let glyphs = options.glyphs
        if geo.contentsVisible, !layout.contents.isEmpty {
            ContentsColumn.draw(&canvas, self, layout, geo: geo)
            if geo.contentsOpen { return }
            for row in 0..<geo.bodyHeight {
                canvas.write(glyphs.vertical, x: geo.contentsWidth + 1, y: geo.bodyTop + row, role: .border)
            }
        }
        let maxX = min(geo.width, geo.textX + geo.textWidth)
        let end = min(layout.lineCount, top + geo.bodyHeight)
        if top < end {
            for line in top..<end {
                canvas.blit(layout.lines[line].cells, x: geo.textX, y: geo.bodyTop + line - top, maxX: maxX)
            }
        }
        // Focus first, keeping search highlights visible inside it; the current match goes on top.
        func paint(_ span: Span, _ role: Role, keepHighlights: Bool) {
            guard span.line >= top, span.line < end else { return }
            let y = geo.bodyTop + span.line - top
            let lo = geo.textX + span.start, hi = min(geo.textX + span.end, maxX)
            guard lo < hi else { return }
            for x in lo..<hi {
                var cell = canvas[x, y]
                if keepHighlights && cell.role == .highlight { continue }
                cell.role = role
                canvas[x, y] = cell
            }
        }
        let showFocus = current.focus == .text || !geo.contentsVisible
        if showFocus, let i = effectiveFocus(layout) {
            let t = layout.targets[i]
            for span in t.spans { paint(span, t.focusRole, keepHighlights: true) }
        }
        if let m = currentDrawnMatch(layout, textWidth: geo.textWidth) {
            let match = layout.matches[m]
            paint(Span(line: match.line, start: match.start, end: match.end), .selection, keepHighlights: false)
        }
    }
}

/// The top row: the clinic's name, and at the right the crisis key or the kiosk's "start over" hint.
enum Header {
    static func draw(_ canvas: inout Canvas, _ state: AppState) {
        let w = canvas.width
        canvas.fill(x: 0, y: 0, count: w, role: .statusBar)
        let right = rightHint(state, width: w)?.text ?? ""
        let rightWidth = TextMetrics.width(right)
        let nameRoom = w - 2 - (rightWidth > 0 ? rightWidth + 3 : 0)
        let name = TextMetrics.truncate(state.content.library.site.name, to: max(0, nameRoom),
                                        ellipsis: state.options.glyphs.ellipsis)
        canvas.write(name, x: 1, y: 0, role: .statusBar)
        if rightWidth > 0, rightWidth + 2 <= w {
            canvas.write(right, x: w - rightWidth - 1, y: 0, role: .statusKey)
        }
    }
}

extension Header {
    /// The header's right-hand hint and where it starts; `crisis` when it is the crisis key's (a
    /// click on it opens the crisis page). While searching, and in the kiosk (letters search), `c`
    /// types a letter, so the hint names F2 (review D 2: the kiosk said "Press c" and c searched).
    static func rightHint(_ state: AppState, width w: Int) -> (text: String, x: Int, crisis: Bool)? {
        var text = ""
        var crisis = false
        if let hint = state.options.startOverHint, !hint.isEmpty {
            text = hint
        } else if state.options.crisisSentence(site: state.content.library.site) != nil || state.options.lettersSearch {
            // In the kiosk always: the page asks patients to turn to staff even without a line.
            crisis = true
            let key = state.search != nil || state.options.lettersSearch ? "F2" : "c"
            text = w >= 60 ? "Need help now? Press \(key)" : "Help now: \(key)"
        }
        let width = TextMetrics.width(text)
        guard width > 0, width + 2 <= w else { return nil }
        return (text, w - width - 1, crisis)
    }
}

/// Shown instead of the browser when the terminal is smaller than it can draw into.
enum TooSmall {
    static let quitHint = "q quits"

    static func draw(_ canvas: inout Canvas, options: AppOptions) {
        // No-break spaces keep "30 x 8" on one line (review G 8); drawn as spaces.
        let lines = ["Please enlarge the window.",
                     "This needs at least \(options.minimumWidth)\u{00A0}x\u{00A0}\(options.minimumHeight) characters."]
        var rows: [String] = []
        for line in lines {
            var glyphs: [Glyph] = []
            for ch in line { glyphs.append(Glyph(ch: ch, width: TextMetrics.width(ch), role: .warning, offset: -1, target: -1)) }
            for row in PageBuilder.wrapRows(glyphs, firstWidth: canvas.width, restWidth: canvas.width) {
                rows.append(String(row.map(\.ch)).replacingNoBreakSpaces)
            }
        }
        // How to leave (review H 8), when quitting is allowed and a row is free: after a blank
        // row when there is room for one.
        var hintRow: Int?
        if options.allowQuit, rows.count < canvas.height, TextMetrics.width(quitHint) <= canvas.width {
            if rows.count + 2 <= canvas.height { rows.append("") }
            hintRow = rows.count
            rows.append(quitHint)
        }
        let top = max(0, (canvas.height - rows.count) / 2)
        for (i, row) in rows.enumerated() {
            let x = max(0, (canvas.width - TextMetrics.width(row)) / 2)
            canvas.write(row, x: x, y: top + i, role: i == 0 ? .warning : i == hintRow ? .hint : .normal)
        }
    }
}
