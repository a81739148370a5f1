import PamphletKit
@testable import PamphletUI
import Testing

/// Search as you type ranks 50 results but cuts snippets only for the rows drawn, and keeps the
/// last few queries: none of that may change what is shown.
@Suite struct SearchLazyTests {
    static let queries = ["ketamine", "k", "ke", "addict", "tms side effects", "\"opioid blocker\"", "ketamin adict",
                          "opiatezz", "-ketamine", "infusions -insurance", "zzzzqqq"]

    @Test(arguments: queries)
    func rankedHitsAreTheSearchHits(query: String) {
        let engine = Fixtures.bundled.engine
        let full = engine.search(query, limit: AppState.searchLimit)
        let ranked = engine.rankedSearch(query, limit: AppState.searchLimit)
        #expect(ranked.query == query)
        #expect(ranked.suggestion == full.suggestion)
        #expect(ranked.hits.indices.map { engine.hit(ranked, at: $0) } == full.hits)
        // Before the snippet is cut, everything but the snippet is already there.
        #expect(ranked.hits.map(\.reference) == full.hits.map(\.reference))
        #expect(ranked.hits.map(\.sectionTitle) == full.hits.map(\.sectionTitle))
        #expect(ranked.hits.allSatisfy { $0.snippet.isEmpty && $0.highlights.isEmpty })
    }

    @Test func emptyQueryHasNoResults() {
        let ranked = Fixtures.bundled.engine.rankedSearch("   ", limit: 50)
        #expect(ranked.hits.isEmpty && ranked.suggestion == nil)
    }

    /// Erasing back to a query shown before (served from the cache) draws what typing it fresh draws.
    @Test(arguments: [(80, 24), (200, 60), (40, 12)])
    func erasingRedrawsWhatTypingDraws(width: Int, height: Int) {
        var typed = Fixtures.app(width: width, height: height)
        typed.press(.char("/"))
        typed.type("ketamine")
        typed.press(.down, .down)
        for _ in 0..<3 { typed.press(.backspace) }
        typed.press(.down)
        var fresh = Fixtures.app(width: width, height: height)
        fresh.press(.char("/"))
        fresh.type("ketam")
        fresh.press(.down)
        #expect(typed.search == fresh.search)
        #expect(typed.view(width: width, height: height) == fresh.view(width: width, height: height))
    }

    /// Paging through results cuts the snippets of the new page; they are those `search` gives.
    @Test func laterPagesShowTheirSnippets() throws {
        var app = Fixtures.app(width: 80, height: 24)
        app.press(.char("/"))
        app.type("ketamine")
        let results = try #require(app.search?.results)
        let perPage = AppState.resultsPerPage(bodyHeight: app.bodyHeight)
        try #require(results.hits.count > perPage)
        app.press(.pageDown)
        let shown = app.screenText
        let full = Fixtures.bundled.engine.search("ketamine", limit: AppState.searchLimit).hits[perPage]
        #expect(shown.contains(full.sectionTitle))
        let firstMatch = try #require(full.highlights.first)
        let word = String(String.UnicodeScalarView(full.snippet.unicodeScalars.dropFirst(firstMatch.start)
            .prefix(firstMatch.length)))
        #expect(shown.contains(word))
    }

    @Test func recentlyUsedForgetsTheOldestFirst() {
        var lru = RecentlyUsed<String, Int>(capacity: 2)
        lru["a"] = 1
        lru["b"] = 2
        #expect(lru["a"] == 1)   // now "b" is the oldest
        lru["c"] = 3
        #expect(lru["b"] == nil)
        #expect(lru["a"] == 1 && lru["c"] == 3)
        lru.modify("a", default: 0) { $0 += 10 }
        lru.modify("d", default: 0) { $0 += 4 }
        #expect(lru["c"] == nil)
        #expect(lru["a"] == 11 && lru["d"] == 4)
        lru["a"] = nil
        #expect(lru["a"] == nil)
    }
}
