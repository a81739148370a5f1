import PamphletKit

/// The search bar over the body: the words typed, then ranked results (document › section and a
/// snippet with the matched words highlighted), or a "did you mean" suggestion.
enum SearchOverlay {
    /// Results are shown a screenful at a time; the page containing the chosen one.
    static func firstShown(selected: Int, perPage: Int) -> Int { selected - selected % max(1, perPage) }

    /// `crisis`: the crisis line's sentence ("Suicide & Crisis Lifeline: 988"), if the site has one.
    static func draw(_ canvas: inout Canvas, _ search: SearchState, geo: Geometry, glyphs: Glyphs,
                     cache: LayoutCache, content: LoadedContent, crisis: String?) {
        let w = geo.width
        let top = geo.bodyTop
        canvas.fill(x: 0, y: top, count: w, role: .searchInput)
        var x = canvas.write(" Search: ", x: 0, y: top, role: .searchInput)
        // Show the end of a long query: that is where the typing happens.
        let room = w - x - 2
        if search.charactersAfterCursor == 0 {
            x = canvas.write(StatusBar.truncateLeft(search.query, to: room, ellipsis: glyphs.ellipsis), x: x, y: top,
                             role: .searchInput)
            canvas.write(glyphs.cursor, x: x, y: top, role: .searchInput)
        } else {
            // Moved back into the query: the text before the cursor (its end kept), then the rest; the
            // character at the cursor is marked as a terminal's block cursor would be.
            let i = search.cursorIndex
            let after = String(search.query[i...])
            let afterRoom = min(TextMetrics.width(after), max(1, room / 3))
            x = canvas.write(StatusBar.truncateLeft(String(search.query[..<i]), to: max(0, room - afterRoom),
                                                    ellipsis: glyphs.ellipsis), x: x, y: top, role: .searchInput)
            let cursorX = x
            canvas.write(TextMetrics.truncate(after, to: max(1, w - 1 - x), ellipsis: glyphs.ellipsis), x: x, y: top,
                         role: .searchInput)
            let cursorWidth = after.first.map { TextMetrics.width($0) } ?? 1
            for cx in cursorX..<min(w, cursorX + max(1, cursorWidth)) {
                var cell = canvas[cx, top]
                cell.role = .selection
                canvas[cx, top] = cell
            }
        }

        let info = top + 1
        let hits = search.results.hits
        let query = search.query.trimmingSpaces
        if query.isEmpty {
            write(wrapped: "Type a word, for example \u{201C}depression\u{201D}. Results appear as you type.",
                  &canvas, x: 1, y: info + 1, width: w - 2, rows: geo.bodyHeight - 2, role: .hint)
            return
        }
        if hits.isEmpty {
            // Under "Help right now", "No results ... Try another word" (or "did you mean") reads
            // as a brush-off to someone who typed "kill myself": the row is the answer.
            if search.crisisRow {
                drawCrisisRow(&canvas, y: info + 1, selected: search.selected == 0, crisis: crisis, glyphs: glyphs)
                return
            }
            let y = info + 1
            let end = geo.bodyTop + geo.bodyHeight
            let rows = noResultsRows(query: query, suggestion: search.suggestion, width: w - 2).prefix(max(0, end - y))
            for (i, row) in rows.enumerated() {
                var x = 1
                for g in row { x = canvas.write(String(g.ch), x: x, y: y + i, role: g.role) }
            }
            let used = rows.count
            // People can help where the words did not (review A finding 5).
            write(wrapped: askPeople(phone: content.library.site.contact.phone), &canvas, x: 1, y: y + used + 1,
                  width: w - 2, rows: end - (y + used + 1), role: .hint)
            return
        }
        let perPage = AppState.resultsPerPage(bodyHeight: geo.bodyHeight)
        let first = firstShown(selected: search.selected, perPage: perPage)
        let rowsShown = first..<min(search.rowCount, first + perPage)
        let hitsShown = rowsShown.compactMap { search.hitIndex(ofRow: $0) }
        let key = SearchRowsKey(query: search.query, width: w, glyphs: glyphs, content: ContentIdentity(content: content))
        // Snippets are cut here, for the rows on screen only.
        let shown = cache.searchRows(key, hits: (hitsShown.first ?? 0)..<((hitsShown.last ?? -1) + 1)) { i in
            // Cut as wide as the row shows (`resultRows`: from column 4 to the last but one), so the
            // run of matches the window was chosen for is on screen.
            let note = missingNote(search.results.hits[i].missingWords, width: w, glyphs: glyphs)
            let noteWidth = note.isEmpty ? 0 : TextMetrics.width(note) + 2
            // Two columns fewer than the row: the engine's window ends at a word, and its "…" at
            // each end must fit too, or the row cut it mid-word ("anxie…").
            return resultRows(content.engine.hit(search.results, at: i, snippetWidth: w - 7 - noteWidth), note: note,
                              width: w, glyphs: glyphs) {
                content.engine.highlights(search.results, in: $0)
            }
        }
        for (row, i) in rowsShown.enumerated() {
            let y = info + 1 + row * 2
            guard let hit = search.hitIndex(ofRow: i) else {
                drawCrisisRow(&canvas, y: y, selected: i == search.selected, crisis: crisis, glyphs: glyphs)
                continue
            }
            let rows = shown[hit - (hitsShown.first ?? 0)]
            canvas.blit(rows[0], x: 0, y: y, maxX: w)
            canvas.blit(rows[1], x: 0, y: y + 1, maxX: w)
            if i == search.selected {
                for x in 0..<w {
                    var cell = canvas[x, y]
                    cell.role = .menuSelected
                    canvas[x, y] = cell
                }
                canvas.write(glyphs.pointer, x: 0, y: y, role: .menuSelected)
            }
        }
        // Counted in results, as the status bar counts them: the Help right now row is not one
        // ("1-3 of 9" had stood above "8 results", review E 13).
        if search.rowCount > perPage, let firstHit = hitsShown.first, let lastHit = hitsShown.last {
            let pageText = "\(firstHit + 1)-\(lastHit + 1) of \(hits.count)"
            canvas.write(pageText, x: max(0, w - TextMetrics.width(pageText) - 1), y: info, role: .dim)
        }
    }

    /// The crisis sentence ("Label: number") for a row `width` wide: as it is when it fits, else
    /// with the number first, so what is cut is the label, never the number (review D 4: "…24 hours a da…").
    static func crisisDetail(_ sentence: String, width: Int) -> String {
        guard TextMetrics.width(sentence) > width, let colon = sentence.range(of: ": ", options: .backwards) else { return sentence }
        return sentence[colon.upperBound...] + " \u{2013} " + sentence[..<colon.lowerBound]
    }

    /// The "Help right now" row: the built-in crisis page, above every result, for crisis words.
    static func drawCrisisRow(_ canvas: inout Canvas, y: Int, selected: Bool, crisis: String?, glyphs: Glyphs) {
        let w = canvas.width
        let title = "Help right now"
        let detail = crisisDetail(crisis ?? "Ask any member of staff, or call your local emergency number.", width: max(0, w - 5))
        canvas.write(TextMetrics.truncate(title, to: max(0, w - 3), ellipsis: glyphs.ellipsis), x: 2, y: y, role: .crisis)
        canvas.write(TextMetrics.truncate(detail, to: max(0, w - 5), ellipsis: glyphs.ellipsis), x: 4, y: y + 1,
                     role: .crisis)
        guard selected else { return }
        for x in 0..<w {
            var cell = canvas[x, y]
            cell.role = .menuSelected
            canvas[x, y] = cell
        }
        canvas.write(glyphs.pointer, x: 0, y: y, role: .menuSelected)
    }

    /// A result's two rows, unselected: "Document › Section" and the snippet, the query's words
    /// marked in both (`highlights` finds them in the title as shown). A hit found by its heading
    /// alone ("How fast does ketamine work?" for "work") showed no mark at all before.
    /// "Missing: cost, insurance" for a hit without some of the query's words (as web search says
    /// it), at most half the row (cut with an ellipsis); empty when it has them all.
    static func missingNote(_ words: [String], width w: Int, glyphs: Glyphs) -> String {
        guard !words.isEmpty else { return "" }
        return TextMetrics.truncate("Missing: " + words.joined(separator: ", "), to: max(0, w / 2), ellipsis: glyphs.ellipsis)
    }

    /// `note` (`missingNote`) ends the snippet row, whose snippet was cut that much shorter: the
    /// title row keeps the whole width for the document and section.
    private static func resultRows(_ hit: SearchHit, note: String, width w: Int, glyphs: Glyphs,
                                   highlights: (String) -> [TextRange]) -> [[Cell]] {
        var scratch = Canvas(width: w, height: 2)
        let parts = hit.sectionTitle == hit.documentTitle || hit.reference.sectionID == nil
            ? [hit.documentTitle] : [hit.documentTitle, hit.sectionTitle]
        let noteWidth = note.isEmpty ? 0 : TextMetrics.width(note) + 2
        // Narrow screens keep the section (what was found) and put the kind of page in place of
        // the document's name: with "… ›" an FAQ's and an article's "Is ketamine addictive?"
        // looked the same (review D 15).
        var shownParts = parts
        if parts.count > 1, TextMetrics.width(parts.joined(separator: glyphs.breadcrumb)) > w - 3 {
            shownParts[0] = hit.kind.singularTitle
        }
        let title = StatusBar.fit(shownParts, to: w - 3, glyphs: glyphs)
        if !note.isEmpty { scratch.write(note, x: w - noteWidth + 1, y: 1, role: .dim) }
        var titleHit = hit
        (titleHit.snippet, titleHit.highlights) = (title, highlights(title))
        var col = 2
        for (cell, on, width) in snippetCharacters(titleHit, glyphs: glyphs) where width > 0 && col + width <= w {
            var cell = cell
            cell.role = on ? .highlight : .strong
            scratch[col, 0] = cell
            if width == 2 { scratch[col + 1, 0] = Cell(text: "", role: cell.role) }
            col += width
        }
        snippet(hit, &scratch, x: 4, y: 1, width: w - 5 - noteWidth, glyphs: glyphs)
        return [Array(scratch.cells[0..<scratch.width]), Array(scratch.cells[scratch.width..<2 * scratch.width])]
    }

    /// "No results for “q”." and "Did you mean “…”? Press Enter to search for it." (or "Try another
    /// word"), wrapped to `width` from the body's second column. The "did you mean" sentence is a
    /// button (`target` 0 on its glyphs, the suggestion drawn as a link): a tap on it runs the
    /// suggestion, as Enter does (review J 10). Drawn and hit-tested from these same rows.
    static func noResultsRows(query: String, suggestion: String?, width: Int) -> [[Glyph]] {
        func glyphs(_ text: String, _ role: Role = .normal, button: Bool = false) -> [Glyph] {
            text.map { Glyph(ch: $0, width: TextMetrics.width($0), role: role, offset: -1, target: button ? 0 : -1) }
        }
        var text = glyphs("No results for \u{201C}\(query)\u{201D}. ")
        if let suggestion {
            text += glyphs("Did you mean \u{201C}", button: true) + glyphs(suggestion, .link, button: true)
                + glyphs("\u{201D}? Press Enter to search for it.", button: true)
        } else {
            text += glyphs("Try another word, or fewer words.")
        }
        return PageBuilder.wrapRows(text, firstWidth: width, restWidth: width)
    }

    /// Under "No results": who to ask, with the clinic's phone number when site.yaml has one.
    static func askPeople(phone: String?) -> String {
        if let phone = phone?.trimmingSpaces, !phone.isEmpty {
            return "Can\u{2019}t find it? Ask at the front desk or call \(phone)."
        }
        return "Can\u{2019}t find it? Ask at the front desk."
    }

    /// Writes `text` wrapped to `width`, at most `rows` rows; returns the rows written.
    @discardableResult
    private static func write(wrapped text: String, _ canvas: inout Canvas, x: Int, y: Int, width: Int, rows: Int,
                              role: Role) -> Int {
        let glyphs = text.map { Glyph(ch: $0, width: TextMetrics.width($0), role: role, offset: -1, target: -1) }
        let shown = PageBuilder.wrapRows(glyphs, firstWidth: width, restWidth: width).prefix(max(0, rows))
        for (i, row) in shown.enumerated() {
            canvas.write(String(row.map(\.ch)), x: x, y: y + i, role: role)
        }
        return shown.count
    }

    /// One line of snippet around its first match, matches highlighted.
    static func snippet(_ hit: SearchHit, _ canvas: inout Canvas, x: Int, y: Int, width: Int, glyphs: Glyphs) {
        guard width > 4 else { return }
        let chars = snippetCharacters(hit, glyphs: glyphs)
        // Start a little before the first match if it would fall off the right.
        var start = 0
        if let firstHit = chars.firstIndex(where: { $0.on }) {
            let before = chars[..<firstHit].reduce(0) { $0 + $1.width }
            if before > width * 2 / 3 {
                var back = firstHit
                var used = 0
                while back > 0, used < width / 4 { back -= 1; used += chars[back].width }
                // Begin at a word.
                while back < firstHit, chars[back].cell != Self.space { back += 1 }
                while back < firstHit, chars[back].cell == Self.space { back += 1 }
                start = back
            }
        }
        var col = x
        let limit = x + width
        if start > 0 { col = canvas.write(glyphs.ellipsis, x: col, y: y, role: .dim) }
        let ellipsisWidth = TextMetrics.width(glyphs.ellipsis)
        var lastSpace: Int?   // column of the last space written
        for i in start..<chars.count {
            var (cell, on, w) = chars[i]
            if w == 0 { continue }
            let last = i == chars.count - 1
            if col + w > limit - (last ? 0 : ellipsisWidth) {
                // Cut at the last space rather than inside a word, unless that loses over a third.
                if let space = lastSpace, space > x + width * 2 / 3, chars[i].cell != Self.space {
                    for c in space..<col { canvas[c, y] = Cell(text: " ", role: .normal) }
                    col = space
                }
                canvas.write(glyphs.ellipsis, x: col, y: y, role: .dim)
                return
            }
            if cell == Self.space { lastSpace = col }
            cell.role = on ? .highlight : .normal
            canvas[col, y] = cell
            if w == 2 { canvas[col + 1, y] = Cell(text: "", role: cell.role) }
            col += w
        }
    }

    private static let space = Cell(text: " ")

    /// The snippet's characters as shown (line breaks and tabs as spaces), whether each is inside
    /// a match, and its width (`TextMetrics.forEachCluster`: the engine's snippets start and end
    /// with "…", so nearly every one has both kinds of cluster). The engine's "…" is drawn as
    /// `glyphs.ellipsis`, like the one added when a snippet is cut: "..." in ASCII, a cell per dot
    /// (the terminal would otherwise show one "." in its single cell).
    static func snippetCharacters(_ hit: SearchHit, glyphs: Glyphs = .unicode) -> [(cell: Cell, on: Bool, width: Int)] {
        let byteCount = hit.snippet.utf8.count
        var chars: [(cell: Cell, on: Bool, width: Int)] = []
        chars.reserveCapacity(byteCount)
        // Which scalars are inside a match (highlights are in Unicode scalars, never more than bytes).
        var on = [Bool](repeating: false, count: byteCount)
        for r in hit.highlights {
            let lo = max(0, r.start), hi = min(byteCount, r.end)
            if lo < hi { for k in lo..<hi { on[k] = true } }
        }
        let widths = asciiWidths
        let ellipsis: [UInt8]? = glyphs.ellipsis == "\u{2026}" ? nil : Array(glyphs.ellipsis.utf8)
        var scalar = 0
        TextMetrics.forEachCluster(in: hit.snippet) { cluster in
            switch cluster {
            case .ascii(let b):
                // Tab, LF, VT and FF show as a space.
                let shown: UInt8 = (0x09...0x0C).contains(b) ? 0x20 : b
                chars.append((Cell(ascii: shown), on[scalar], widths[Int(shown)]))
                scalar += 1
            case .character("\u{2026}") where ellipsis != nil:
                for b in ellipsis ?? [] { chars.append((Cell(ascii: b), on[scalar], widths[Int(b)])) }
                scalar += 1
            case .character(let ch):
                let shown: Character = ch.isNewline || ch == "\t" ? " " : ch
                chars.append((Cell(shown, role: .normal), on[scalar], TextMetrics.width(shown)))
                scalar += ch.unicodeScalars.count
            }
            return true
        }
        return chars
    }

    /// Display widths of the ASCII characters (0 for controls), from the same table as the rest.
    private static let asciiWidths: [Int] = (0..<128).map { TextMetrics.width(Character(Unicode.Scalar(UInt8($0)))) }
}
