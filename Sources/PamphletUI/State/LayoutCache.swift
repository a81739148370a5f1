import Foundation
import PamphletKit

/// What a page's layout depends on; equal keys give equal layouts.
struct LayoutKey: Hashable {
    var route: Route
    var width: Int
    var expanded: Set<Int>
    var answers: ChecklistAnswers
    var query: String?
    var options: AppOptions
    /// Held (not just its address) so a freed content's address can never match a new one.
    var content: ContentIdentity
}

extension LayoutKey {
    /// The same page, width and highlight, whatever answers are open.
    func samePage(as other: LayoutKey) -> Bool {
        var a = self
        a.expanded = other.expanded
        return a == other
    }
}

/// A loaded content compared by identity, kept alive while a cached layout refers to it.
struct ContentIdentity: Hashable, Sendable {
    let content: LoadedContent
    static func == (a: ContentIdentity, b: ContentIdentity) -> Bool { a.content === b.content }
    func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(content)) }
}

/// What a screenful of search results depends on.
struct SearchRowsKey: Hashable {
    var query: String
    var width: Int
    var glyphs: Glyphs
    var content: ContentIdentity
}

/// Laid-out pages kept between frames, so a keystroke re-wraps nothing unless the width or the
/// page's variant (expanded answers, ticks, highlighted words) changed. Shared by copies of the
/// state; keys carry everything a layout depends on, so sharing is safe.
///
/// Bounded by the layouts' memory (`PageLayout.cost`), least recently used out first: a page of
/// many megabytes costs hundreds of megabytes per width and per highlighted query, so a count
/// bound alone let a few searches hold gigabytes. The layout asked for last (the page on screen)
/// is always kept, whatever its cost.
final class LayoutCache: @unchecked Sendable {
    /// Estimated bytes of layouts kept: enough for dozens of ordinary pages (tens to hundreds of
    /// kilobytes each), so Back and Forward re-wrap nothing.
    static let defaultBudget = 48 << 20
    /// At most this many layouts, however small.
    static let maxLayouts = 48

    private let lock = NSLock()
    private let budget: Int
    private var pages: [LayoutKey: (layout: PageLayout, cost: Int, used: UInt64)] = [:]
    private var totalCost = 0
    private var clock: UInt64 = 0

    init(budget: Int = LayoutCache.defaultBudget) { self.budget = budget }

    /// Layouts kept and their estimated bytes (for tests and measurements).
    var usage: (layouts: Int, cost: Int) {
        lock.lock(); defer { lock.unlock() }
        return (pages.count, totalCost)
    }

    func layout(_ key: LayoutKey, build: () -> PageLayout) -> PageLayout {
        lock.lock()
        if let hit = pages[key] {
            clock += 1
            pages[key]?.used = clock
            lock.unlock()
            return hit.layout
        }
        // A layout kept over the budget (the page that was on screen, alone) goes before the new
        // one is built, not after: two layouts of a 20 MB page at once had doubled the peak.
        trim(keeping: key)
        lock.unlock()
        let built = build()
        store(key, built, cost: built.cost)
        return built
    }

    /// Forgets the least recently used layouts while over the budget, except `key`'s variants
    /// with other answers open (drawn in the same frame). Call with the lock held.
    private func trim(keeping key: LayoutKey) {
        guard totalCost > budget else { return }
        for (k, v) in pages.sorted(by: { $0.value.used < $1.value.used }) where !k.samePage(as: key) {
            guard totalCost > budget else { break }
            pages[k] = nil
            totalCost -= v.cost
        }
    }

    /// Keeps `layout` as the most recently used, then forgets the least recently used others
    /// until the count and the cost fit.
    func store(_ key: LayoutKey, _ layout: PageLayout, cost: Int) {
        lock.lock()
        defer { lock.unlock() }
        clock += 1
        if let old = pages[key] { totalCost -= old.cost }
        pages[key] = (layout, cost, clock)
        totalCost += cost
        guard pages.count > Self.maxLayouts || totalCost > budget else { return }
        // Oldest first. Kept whatever their cost: the entry just stored (the page on screen) and
        // the newest other variant of that page differing only in its open answers (an FAQ's
        // matches are counted on the page with every answer open, in the same frame).
        var byAge = pages.filter { $0.key != key }.sorted { $0.value.used < $1.value.used }
        if let sibling = byAge.lastIndex(where: { $0.key.samePage(as: key) }) { byAge.remove(at: sibling) }
        for (k, v) in byAge {
            guard pages.count > Self.maxLayouts || totalCost > budget else { break }
            pages[k] = nil
            totalCost -= v.cost
        }
    }

    func removeAll() {
        lock.lock()
        pages.removeAll()
        totalCost = 0
        ranked.removeAll()
        searchRows.removeAll()
        lock.unlock()
    }

    // Search as you type: a query's ranking and its drawn rows are kept for the last few queries,
    // so erasing a letter (back to a query just shown) or moving the selection redoes nothing.
    static let recentQueries = 32
    private var ranked: RecentlyUsed<RankedKey, RankedResults> = RecentlyUsed(capacity: recentQueries)
    private var searchRows: RecentlyUsed<SearchRowsKey, [Int: [[Cell]]]> = RecentlyUsed(capacity: recentQueries)

    func rankedResults(_ key: RankedKey, search: () -> RankedResults) -> RankedResults {
        lock.lock()
        if let hit = ranked[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let results = search()
        lock.lock()
        ranked[key] = results
        lock.unlock()
        return results
    }

    /// The drawn rows of results `hits` (one lookup per frame), building the missing ones.
    func searchRows(_ key: SearchRowsKey, hits: Range<Int>, build: (Int) -> [[Cell]]) -> [[[Cell]]] {
        lock.lock()
        var page = searchRows[key] ?? [:]
        lock.unlock()
        var missing = false
        let rows = hits.map { i in
            if let rows = page[i] { return rows }
            missing = true
            let rows = build(i)
            page[i] = rows
            return rows
        }
        if missing {
            lock.lock()
            searchRows[key] = page
            lock.unlock()
        }
        return rows
    }
}

/// What a ranking depends on: the words searched and the content (its engine).
struct RankedKey: Hashable {
    var words: String
    var content: ContentIdentity
}

/// A small map that forgets its least recently used entry when full (a handful of entries, so a
/// linear scan beats hashing).
struct RecentlyUsed<Key: Equatable, Value> {
    let capacity: Int
    /// Most recently used last.
    private var entries: [(key: Key, value: Value)] = []

    init(capacity: Int) { self.capacity = max(1, capacity) }

    subscript(key: Key) -> Value? {
        mutating get {
            guard let i = entries.lastIndex(where: { $0.key == key }) else { return nil }
            let entry = entries.remove(at: i)
            entries.append(entry)
            return entry.value
        }
        set {
            if let i = entries.lastIndex(where: { $0.key == key }) { entries.remove(at: i) }
            guard let newValue else { return }
            if entries.count >= capacity { entries.removeFirst() }
            entries.append((key, newValue))
        }
    }

    mutating func removeAll() { entries.removeAll() }
}

/// The search bar and its results while it is open.
public struct SearchState: Sendable, Equatable {
    /// Characters a query may hold: more than any question needs (search engines cap theirs at a
    /// few hundred), and a bound on the work a hostile paste or a stuck key can make each search do.
    public static let maxQueryLength = 256

    public var query: String
    /// The ranked results; snippets are cut as rows are drawn (`SearchEngine.hit(_:at:)`).
    public var results: RankedResults
    /// The chosen row: 0 is the "Help right now" row when `crisisRow`, else the first result.
    public var selected: Int
    /// The query asks for crisis help (`CrisisWords`): the built-in crisis page is the first row.
    public var crisisRow: Bool
    /// Back reopened these results: until the query is edited, Backspace goes on back (closes
    /// them, showing the page they were opened over) instead of deleting the query's last letter.
    public var reopenedByBack = false

    public init(query: String = "", results: RankedResults = .empty, selected: Int = 0, crisisRow: Bool = false) {
        self.query = query
        self.results = results
        self.selected = selected
        self.crisisRow = crisisRow
    }

    /// "Did you mean", never beside the crisis row ("dont want to live" -> "dont want to life").
    public var suggestion: String? { crisisRow ? nil : results.suggestion }

    /// Rows to choose from: the crisis row, if shown, then the results.
    public var rowCount: Int { results.hits.count + (crisisRow ? 1 : 0) }

    /// The result shown in `row` (nil for the crisis row or past the end).
    public func hitIndex(ofRow row: Int) -> Int? {
        let i = row - (crisisRow ? 1 : 0)
        return results.hits.indices.contains(i) ? i : nil
    }

    /// Characters after the cursor: 0 (the usual case) types at the end. Counted from the end, so
    /// setting `query` to new words (a suggestion, a clear) leaves the cursor at the end.
    public var charactersAfterCursor = 0

    /// Where typing goes.
    var cursorIndex: String.Index {
        query.index(query.endIndex, offsetBy: -max(0, min(charactersAfterCursor, query.count)))
    }

    /// Inserts at the cursor what fits under `maxQueryLength`; false when nothing did.
    @discardableResult
    mutating func append<S: StringProtocol>(_ text: S) -> Bool {
        let room = Self.maxQueryLength - query.count
        guard room > 0, !text.isEmpty else { return false }
        let after = min(charactersAfterCursor, query.count)
        query.insert(contentsOf: text.prefix(room), at: cursorIndex)
        charactersAfterCursor = after
        return true
    }

    /// Backspace: the character before the cursor; false when there is none.
    mutating func deleteBackward() -> Bool {
        let i = cursorIndex
        guard i > query.startIndex else { return false }
        query.remove(at: query.index(before: i))
        return true
    }

    /// Delete: the character under the cursor; false at the end.
    mutating func deleteForward() -> Bool {
        guard charactersAfterCursor > 0, !query.isEmpty else { return false }
        query.remove(at: cursorIndex)
        charactersAfterCursor = min(charactersAfterCursor - 1, query.count)
        return true
    }

    /// Ctrl-W, Alt-Backspace: the spaces before the cursor, then the word before them.
    mutating func deleteWordBackward() -> Bool {
        let end = cursorIndex
        var i = end
        while i > query.startIndex, query[query.index(before: i)].isWhitespace { i = query.index(before: i) }
        while i > query.startIndex, !query[query.index(before: i)].isWhitespace { i = query.index(before: i) }
        guard i < end else { return false }
        query.removeSubrange(i..<end)
        return true
    }

    /// Moves the cursor `d` characters (negative: left), staying inside the query.
    mutating func moveCursor(by d: Int) {
        charactersAfterCursor = max(0, min(query.count, min(charactersAfterCursor, query.count) - d))
    }
}
