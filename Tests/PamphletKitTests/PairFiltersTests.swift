import Testing
@testable import PamphletKit

/// The per-section filters of adjacent pairs with a stop word (`PairFilters`): a phrase passes
/// over a section whose filter lacks one of its pairs, so a filter must never lack a pair that is
/// there, and should lack most that are not.
@Suite struct PairFiltersTests {
    /// One section's filter written from `pairs`.
    static func filter(_ pairs: [UInt64]) -> [UInt64] {
        var writer = PairFilters.Writer()
        for p in pairs { writer.see(pair: p) }
        writer.endSection()
        return writer.words
    }

    static func mayContain(_ filter: [UInt64], _ pairs: [UInt64]) -> Bool {
        filter.withUnsafeBytes { PairFilters.mayContain($0.baseAddress, words: filter.count, all: pairs) }
    }

    @Test func holdsEveryPairSeenAndTurnsAwayMostOthers() {
        var random = ImportFuzzTests.SplitMix(state: 11)
        for count in [1, 5, 40, 300, 2000] {
            let seen = (0..<count).map { _ in random.next() }
            let filter = Self.filter(seen)
            #expect(filter.count * 64 >= PairFilters.bitsPerPair * count)
            for p in seen { #expect(Self.mayContain(filter, [p])) }
            #expect(Self.mayContain(filter, seen))
            let others = (0..<2000).map { _ in random.next() }
            let passed = others.filter { Self.mayContain(filter, [$0]) }.count
            // About 15% for distinct pairs at 4 bits a pair, 3 bits in one word (a section's repeated
            // pairs make its filter emptier); a one-word filter of few pairs, fewer.
            #expect(passed < 2000 * 20 / 100, "\(count) pairs: \(passed) of 2000 absent pairs passed")
        }
    }

    @Test func aSectionWithoutPairsHasAnEmptyFilterThatHoldsNone() {
        var writer = PairFilters.Writer()
        writer.endSection()
        writer.see(pair: 42)
        writer.endSection()
        #expect(writer.starts == [0, 0, 8])
        #expect(!PairFilters.mayContain(nil, words: 0, all: [42]))
        #expect(PairFilters.mayContain(nil, words: 0, all: []))
    }

    /// Sections holding "the" and "set" apart, and a few with "the set": the phrase's candidates
    /// are almost only those, and every match is still found.
    @Test func aCommonWordPhraseSkipsSectionsWhereItsWordsAreApart() throws {
        let apart = (0..<200).map { i in ("Apart \(i)", "the value is set by hand \(i) and the rest stays") }
        let together = (0..<5).map { i in ("Together \(i)", "change the set of values \(i)") }
        let library = Library(site: Site(name: "Pairs"), documents: [
            SearchFixtures.doc("pairs", title: "Pairs", sections: apart + together),
        ])
        let engine = SearchEngine(library: library)
        let index = engine.index
        let ids = try ["the", "set"].map { try #require(engine.expander.exact(Array($0.utf8))) }
        let pairs = index.stopWordPairs(ids)
        #expect(pairs.count == 1)
        let passing = (0..<index.sectionCount).filter { index.mayHavePairs(section: $0, pairs) }
        let matches = Set(index.phraseMatches(ids).map { Int($0.section) })
        #expect(matches.count == 5)
        #expect(matches.isSubset(of: Set(passing)))
        #expect(passing.count < 5 + 200 / 5, "\(passing.count) of \(index.sectionCount) sections passed the filter")
        // Two words that are not stop words make no pair to filter by.
        let plain = try ["value", "set"].map { try #require(engine.expander.exact(Array($0.utf8))) }
        #expect(index.stopWordPairs(plain).isEmpty)
    }
}
