import Foundation
import PamphletKit

/// The search overlay: typing re-runs the search, arrows choose, Enter opens at the first match.
extension AppState {
    static let searchLimit = 50

    mutating func runSearch() {
        guard var s = search else { return }
        let words = s.query.trimmingSpaces
        let engine = content.engine
        s.results = words.isEmpty ? .empty : content.firstLetterRankings[words]
            ?? cache.rankedResults(RankedKey(words: words, content: ContentIdentity(content: content))) {
                engine.rankedSearch(words, limit: Self.searchLimit)
            }
        let contact = content.library.site.contact
        s.charactersAfterCursor = min(s.charactersAfterCursor, s.query.count)
        s.crisisRow = CrisisWords.matches(s.query, line: options.crisisLine ?? contact.crisisLine,
                                          label: options.crisisLineLabel ?? contact.crisisLineLabel)
        s.selected = 0
        search = s
    }

    /// Results shown per screen (two rows each, under the input and the count).
    static func resultsPerPage(bodyHeight: Int) -> Int { max(1, (bodyHeight - 2) / 2) }

    mutating func performSearch(_ action: Action) -> [Effect] {
        guard var s = search else { return [] }
        let count = s.rowCount
        // "Did you mean" only when there is nothing at all to choose (the crisis row counts).
        let suggestion = count == 0 ? s.suggestion : nil
        let page = Self.resultsPerPage(bodyHeight: bodyHeight)
        switch action {
        case .searchNext: s.selected = min(max(0, count - 1), s.selected + 1)
        case .searchPrevious: s.selected = max(0, s.selected - 1)
        case .searchPageDown: s.selected = min(max(0, count - 1), s.selected + page)
        case .searchPageUp: s.selected = max(0, s.selected - page)
        case .searchClose:
            search = nil
            return []
        case .searchDelete, .searchDeleteForward, .searchDeleteWord:
            let changed = action == .searchDelete ? s.deleteBackward()
                : action == .searchDeleteForward ? s.deleteForward() : s.deleteWordBackward()
            search = s
            if changed { runSearch() }
            return []
        case .searchCursorLeft, .searchCursorRight:
            s.moveCursor(by: action == .searchCursorLeft ? -1 : 1)
        case .searchCursorStart, .searchCursorEnd:
            s.charactersAfterCursor = action == .searchCursorStart ? s.query.count : 0
        case .searchClear:
            s.charactersAfterCursor = 0
            s.query = ""
            search = s
            runSearch()
            return []
        case .searchUseSuggestion:
            if s.results.hits.isEmpty, let suggestion = s.suggestion {
                (s.query, s.charactersAfterCursor) = (suggestion, 0)
                search = s
                runSearch()
                return []
            }
            s.selected = min(max(0, count - 1), s.selected + 1)
        case .searchOpen:
            if let suggestion {
                (s.query, s.charactersAfterCursor) = (suggestion, 0)  // Enter on "did you mean" searches for it
                search = s
                runSearch()
                return []
            }
            // The page left behind remembers the search, for Back; only when something is opened
            // (Enter on no results had tagged the page, and Back brought a closed search back).
            if s.crisisRow, s.selected == 0 {
                search = nil
                if route != .crisis {
                    current.searchToReturnTo = SearchReturn(query: s.query, selected: s.selected)
                    navigate(to: .crisis)
                }
                return []
            }
            guard let i = s.hitIndex(ofRow: s.selected), s.results.hits.indices.contains(i) else { return [] }
            current.searchToReturnTo = SearchReturn(query: s.query, selected: s.selected)
            openHit(s.results.hits[i], query: s.query)
            return []
        default:
            break
        }
        search = s
        return []
    }

    /// Opens a result's section scrolled to its first match, with every match on the page highlighted.
    mutating func openHit(_ hit: SearchHit, query: String) {
        search = nil
        let words = query.trimmingSpaces
        open(reference: hit.reference, query: words.isEmpty ? nil : words)
        let layout = currentLayout
        let section = current.anchor.section
        let start = layout.start(ofSection: section)
        guard let i = layout.matches.firstIndex(where: { $0.section == section && $0.line >= start })
            ?? layout.matches.firstIndex(where: { $0.line >= start }) else { return }
        current.matchIndex = layout.context == .faq
            ? Self.allIndex(ofDrawn: i, all: allMatches(of: current, textWidth: geometry.textWidth), in: layout) : i
        let line = layout.matches[i].line
        if line >= currentTop + bodyHeight - 1 { revealCentred(line) }
    }
}
