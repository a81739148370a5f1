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

    /// A first letter's ranking, made when the content loaded, is the one a search for it gives.
    @Test(arguments: ["k", "a", "t", "z", "1"])
    func firstLetterRankingsAreTheSearch(letter: String) {
        var app = Fixtures.app(width: 80, height: 24)
        app.press(.char("/"))
        app.type(letter)
        let expected = Fixtures.bundled.engine.rankedSearch(letter, limit: AppState.searchLimit)
        #expect(app.search?.results == expected)
        #expect(app.search?.results.hits.map(\.reference) == expected.hits.map(\.reference))
        #expect(Fixtures.bundled.firstLetterRankings.count == 36)
    }

    /// Rows kept from earlier queries (same section, same snippet) draw what a fresh browser draws.
    @Test(arguments: [(80, 24), (200, 60)])
    func rowsReusedAcrossQueriesDrawTheSame(width: Int, height: Int) {
        var typing = Fixtures.app(width: width, height: height)
        typing.press(.char("/"))
        for word in ["ketamine", "ketamine addictive", "tms"] {
            typing.press(.ctrl("u"))
            typing.type(word)
            var fresh = Fixtures.app(width: width, height: height)
            fresh.press(.char("/"))
            fresh.type(word)
            #expect(typing.view(width: width, height: height) == fresh.view(width: width, height: height), "\(word)")
        }
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
        lru["a"] = 11   // replacing makes it the newest
        lru["d"] = 4
        #expect(lru["c"] == nil)
        #expect(lru["a"] == 11 && lru["d"] == 4)
        lru["a"] = nil
        #expect(lru["a"] == nil)
    }
}

/// The snippet row's byte-at-a-time shortcut gives what going grapheme by grapheme gives.
@Suite struct SnippetRowTests {
    func hit(_ snippet: String, _ highlights: [TextRange]) -> SearchHit {
        SearchHit(reference: ContentReference(documentID: "d", sectionID: "s"), kind: .article,
                  documentTitle: "D", sectionTitle: "S", score: 1, snippet: snippet, highlights: highlights)
    }

    /// Grapheme by grapheme: the plain way.
    func reference(_ hit: SearchHit) -> [(Cell, Bool, Int)] {
        var out: [(Cell, Bool, Int)] = []
        var offset = 0
        let ranges = hit.highlights
        for ch in hit.snippet {
            let on = ranges.contains { offset >= $0.start && offset < $0.end }
            let shown: Character = ch.isNewline || ch == "\t" ? " " : ch
            out.append((Cell(text: String(shown)), on, TextMetrics.width(shown)))
            offset += ch.unicodeScalars.count
        }
        return out
    }

    static let snippets = [
        "alpha\tbeta\ngamma\u{0B}delta\u{0C}epsilon zeta eta theta",
        "\u{2026}the word e\u{301}tude, cafe\u{301}s and na\u{EF}ve\u{2026}",
        "one\r\ntwo\rthree\n\rfour", "\u{0600}1 prepended; 🇫🇷 flag; 👨‍👩‍👧 family; 漢字 wide; a\u{200D}b",
        "trailing combining e\u{301}", "", "\u{1}control\u{7F}chars",
    ]

    @Test(arguments: snippets)
    func shortcutAgreesWithGraphemes(snippet: String) {
        let n = snippet.unicodeScalars.count
        let marks = [TextRange(start: 1, length: 3), TextRange(start: n / 2, length: 4), TextRange(start: n - 2, length: 2)]
        let h = hit(snippet, marks)
        let fast = SearchOverlay.snippetCharacters(h)
        let slow = reference(h)
        #expect(fast.count == slow.count)
        for (f, s) in zip(fast, slow) {
            #expect(f.cell == s.0 && f.on == s.1 && f.width == s.2, "\(f) vs \(s)")
        }
    }

    @Test func randomSnippetsAgreeWithGraphemes() {
        let pieces = ["\u{2026}", "word", " ", "\t", "\r", "\n", "\r\n", "e\u{301}", "\u{301}", "\u{0600}", "1",
                      "漢字", "🇫🇷", "👨\u{200D}👩", "\u{200D}", "na\u{EF}ve", "\u{1}", "\u{7F}", "caf\u{E9}", "A"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let snippet = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let n = snippet.unicodeScalars.count
            let marks = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                TextRange(start: Int.random(in: 0...max(n, 1), using: &rng), length: Int.random(in: 1...5, using: &rng))
            }
            let h = hit(snippet, marks)
            let fast = SearchOverlay.snippetCharacters(h), slow = reference(h)
            #expect(fast.count == slow.count, "\(snippet.debugDescription)")
            for (f, s) in zip(fast, slow) {
                #expect(f.cell == s.0 && f.on == s.1 && f.width == s.2, "\(snippet.debugDescription): \(f) vs \(s)")
            }
        }
    }

    @Test func carriageReturnLineFeedIsOneSpace() {
        var canvas = Canvas(width: 20, height: 1)
        SearchOverlay.snippet(hit("one\r\ntwo", [TextRange(start: 5, length: 3)]), &canvas, x: 0, y: 0, width: 20,
                              glyphs: .unicode)
        #expect(canvas.textRows[0] == "one two")
        #expect(canvas[4, 0].role == .highlight && canvas[3, 0].role == .normal)
    }
}
