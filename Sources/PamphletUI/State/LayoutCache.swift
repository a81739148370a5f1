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
final class LayoutCache: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [LayoutKey: PageLayout] = [:]

    func layout(_ key: LayoutKey, build: () -> PageLayout) -> PageLayout {
        lock.lock()
        if let hit = pages[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let built = build()
        lock.lock()
        if pages.count >= 48 { pages.removeAll(keepingCapacity: true) }
        pages[key] = built
        lock.unlock()
        return built
    }

    func removeAll() {
        lock.lock()
        pages.removeAll()
        searchKey = nil
        searchRows.removeAll()
        lock.unlock()
    }

    // Search results drawn once per query and width: choosing a result only moves the selection.
    private var searchKey: SearchRowsKey?
    private var searchRows: [Int: [[Cell]]] = [:]

    func searchRows(_ key: SearchRowsKey, hit: Int, build: () -> [[Cell]]) -> [[Cell]] {
        lock.lock()
        if searchKey != key {
            searchKey = key
            searchRows.removeAll(keepingCapacity: true)
        }
        if let rows = searchRows[hit] {
            lock.unlock()
            return rows
        }
        lock.unlock()
        let rows = build()
        lock.lock()
        if searchKey == key { searchRows[hit] = rows }
        lock.unlock()
        return rows
    }
}

/// The search bar and its results while it is open.
public struct SearchState: Sendable, Equatable {
    public var query: String
    public var results: SearchResults
    /// The chosen result.
    public var selected: Int

    public init(query: String = "", results: SearchResults = SearchResults(hits: []), selected: Int = 0) {
        self.query = query
        self.results = results
        self.selected = selected
    }
}
