import Testing
@testable import PamphletKit

/// Review H 3: a search stops at its limit, but says how many sections match in all. The total
/// is what ranking without a limit would return, counted in the same pass (exact), except for a
/// query that is one phrase, which stops reading positions early: there it is "at least".
@Suite struct SearchTotalTests {
    static let engine = SearchEngine(library: PhraseTopTests.library)

    static let queries = ["value", "the value", "value -error", "new version", "key table changed", "vaule",
                          "\"error number\" -key", "default file name", "ver", "zzzz"]

    @Test(arguments: [1, 3, 10, 50])
    func theTotalIsWhatNoLimitWouldFind(limit: Int) {
        for query in Self.queries {
            let all = Self.engine.rankedSearch(query, limit: 100_000)
            let some = Self.engine.rankedSearch(query, limit: limit)
            #expect(all.total == MatchTotal(count: all.hits.count, isExact: true), "\(query)")
            #expect(some.total == all.total, "\(query) limit \(limit)")
            #expect(some.hits.count == min(limit, all.hits.count), "\(query)")
            #expect(Self.engine.search(query, limit: limit).total == all.total, "\(query)")
        }
        // Stopping at the limit is tested: some query matches far more than any limit above.
        #expect(Self.engine.rankedSearch("value", limit: 1).total.count > 100)
    }

    /// A query that is one phrase stops early: its total is a lower bound, never above the truth,
    /// never below what it shows, and exact when every match was read.
    @Test(arguments: [1, 3, 10, 50, 100_000])
    func aPhraseTotalIsAtLeastWhatIsShownAndNeverMore(limit: Int) {
        for phrase in PhraseTopTests.phrases where phrase.count > 1 {
            let query = "\"" + phrase.joined(separator: " ") + "\""
            let truth = Self.engine.rankedSearch(query, limit: 100_000).hits.count
            let r = Self.engine.rankedSearch(query, limit: limit)
            #expect(r.total.count <= truth, "\(query) limit \(limit)")
            #expect(r.total.count >= r.hits.count, "\(query) limit \(limit)")
            if r.total.isExact { #expect(r.total.count == truth, "\(query) limit \(limit)") }
            if truth > limit { #expect(r.total.exceeds(r.hits.count), "\(query) limit \(limit): more match than shown") }
            // Never full, so nothing was passed over unread.
            if limit > truth { #expect(r.total == MatchTotal(count: truth, isExact: true), "\(query)") }
        }
    }

    @Test func theSummaryReadsAsTheStatusBarAndTheCLISayIt() {
        #expect(MatchTotal(count: 1, isExact: true).summary(shown: 1) == "1 result")
        #expect(MatchTotal(count: 7, isExact: true).summary(shown: 7) == "7 results")
        #expect(MatchTotal(count: 2872, isExact: true).summary(shown: 50) == "50 of 2,872 results")
        #expect(MatchTotal(count: 1_234_567, isExact: true).summary(shown: 10) == "10 of 1,234,567 results")
        #expect(MatchTotal(count: 63, isExact: false).summary(shown: 50) == "50 of 63+ results")
        #expect(MatchTotal(count: 50, isExact: false).summary(shown: 50) == "50 of 50+ results")
        #expect(MatchTotal(count: 999, isExact: true).summary(shown: 10) == "10 of 999 results")
    }
}
