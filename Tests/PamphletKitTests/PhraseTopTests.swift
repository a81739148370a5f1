import Testing
@testable import PamphletKit

/// A query that is one phrase looks for the phrase only in the best-scored sections holding its
/// words, until it has enough (`topPhraseMatches`). Its answer must be exactly what finding every
/// match and ranking them gives, whatever the limit and the exclusions.
@Suite struct PhraseTopTests {
    /// Sections of random text over a small vocabulary (stop words included), so common-word
    /// phrases match in many sections with many different scores, and rarer ones in few.
    static let library: Library = {
        var random = ImportFuzzTests.SplitMix(state: 20261127)
        let vocabulary = ["the", "a", "of", "value", "new", "return", "set", "version", "list", "key", "table",
                          "changed", "default", "file", "name", "open", "close", "string", "number", "error"]
        func text(_ words: Int) -> String {
            (0..<words).map { _ in
                // Skewed: the first words of the vocabulary are much more frequent.
                let r = Int(random.next() % UInt64(vocabulary.count * vocabulary.count))
                return vocabulary[vocabulary.count - 1 - Int(Double(r).squareRoot())]
            }.joined(separator: " ")
        }
        let documents = (0..<40).map { d in
            SearchFixtures.doc("doc\(d)", title: "Document \(d)", intro: text(8),
                               sections: (0..<6).map { ("Part \($0)", text(10 + Int(random.next() % 120))) })
        }
        return Library(site: Site(name: "Phrases"), documents: documents)
    }()

    static let phrases: [[String]] = [
        ["the", "value"], ["a", "new"], ["return", "the"], ["of", "the"], ["the", "the"], ["new", "value", "of"],
        ["set", "a", "default"], ["error", "number"], ["value"], ["key", "table", "changed"], ["string", "error", "name"],
    ]

    /// Every match, ranked as the scorer ranks one slot: higher score first, then earlier section.
    static func reference(_ index: IndexData, _ ids: [Int], limit: Int, excluded: Set<UInt32>) -> [UInt32] {
        let kept: [(section: UInt32, score: Float)] = index.phraseMatches(ids).compactMap { match in
            excluded.contains(match.section) ? nil : (match.section, max(match.score, Float(0.001)))
        }
        let ranked = kept.sorted { a, b in a.score != b.score ? a.score > b.score : a.section < b.section }
        return ranked.prefix(limit).map(\.section)
    }

    @Test(arguments: [1, 3, 10, 50, 1000])
    func theBestMatchesAreThoseOfEveryMatch(limit: Int) throws {
        let engine = SearchEngine(library: Self.library)
        let index = engine.index
        var mostMatches = 0
        for words in Self.phrases {
            let ids = try words.map { try #require(engine.expander.exact(Array($0.utf8)), "\($0) not indexed") }
            let all = index.phraseMatches(ids)
            mostMatches = max(mostMatches, all.count)
            // Nothing excluded, then every third matching section excluded.
            for excluded in [Set<UInt32>(), Set(all.enumerated().filter { $0.offset % 3 == 0 }.map(\.element.section))] {
                let top = index.topPhraseMatches(ids, limit: limit, isExcluded: { excluded.contains($0) }).map(\.section)
                #expect(top == Self.reference(index, ids, limit: limit, excluded: excluded),
                        "\(words) limit \(limit), \(excluded.count) excluded")
            }
        }
        // Some phrase matches far more sections than the limits, so stopping early is tested.
        #expect(mostMatches > 100)
    }

    /// A section's positions of `term`, decoded whole (nil when the term is not in it).
    static func positions(_ index: IndexData, term: Int, section: UInt32) -> Set<UInt32>? {
        let range = index.postingStart.int(term)..<index.postingStart.int(term + 1)
        let j = index.postSections.lowerBound(of: section, in: range)
        guard j < range.upperBound, index.postSections[j] == section,
              var reader = index.positionReader(term: term, posting: j) else { return nil }
        var out = Set<UInt32>()
        while let p = reader.next() { out.insert(p) }
        return out
    }

    /// The sections found are exactly those where some position starts every word in turn.
    @Test func phraseMatchesAreThoseOfThePositions() throws {
        let engine = SearchEngine(library: Self.library)
        let index = engine.index
        for words in Self.phrases {
            let ids = try words.map { try #require(engine.expander.exact(Array($0.utf8))) }
            let found = Set(index.phraseMatches(ids).map(\.section))
            var expected = Set<UInt32>()
            for s in 0..<UInt32(index.sectionCount) {
                let lists = ids.map { Self.positions(index, term: $0, section: s) }
                guard let firstList = lists[0], lists.allSatisfy({ $0 != nil }) else { continue }
                if firstList.contains(where: { p in lists.indices.allSatisfy { lists[$0]!.contains(p + UInt32($0)) } }) {
                    expected.insert(s)
                }
            }
            #expect(found == expected, "\(words)")
        }
    }

    /// One section's phrase score (query words side by side, `QueryPlan.adjacentRuns`) is what
    /// finding every match gives it, and nil where the phrase is not.
    @Test func aSectionsPhraseScoreEqualsEveryMatchs() throws {
        let engine = SearchEngine(library: Self.library)
        let index = engine.index
        for words in Self.phrases {
            let ids = try words.map { try #require(engine.expander.exact(Array($0.utf8))) }
            let found = Dictionary(index.phraseMatches(ids).map { (Int($0.section), $0.score) }, uniquingKeysWith: max)
            for s in 0..<index.sectionCount {
                let score = index.phraseScore(ids, inSection: s)
                #expect((score == nil) == (found[s] == nil), "\(words) in \(s)")
                if let score, let expected = found[s] { #expect(abs(score - expected) <= 1e-5 * max(1, expected), "\(words) in \(s)") }
            }
        }
    }

    /// Through the whole query path: a quoted phrase, with and without an excluded word.
    @Test func searchRanksAPhraseAsEveryMatchWould() throws {
        let engine = SearchEngine(library: Self.library)
        let index = engine.index
        var matched = 0
        for words in Self.phrases where words.count > 1 {
            let ids = try words.map { try #require(engine.expander.exact(Array($0.utf8))) }
            let quoted = "\"" + words.joined(separator: " ") + "\""
            for limit in [5, 50] {
                let hits = engine.search(quoted, limit: limit).hits.map(\.reference)
                let expected = Self.reference(index, ids, limit: limit, excluded: [])
                #expect(hits == expected.map { index.reference(ofSection: Int($0)) }, "\(quoted) limit \(limit)")
                if !hits.isEmpty { matched += 1 }
            }
            let excludedWord = "list"
            let listID = try #require(engine.expander.exact(Array(excludedWord.utf8)))
            let withList = Set(index.phraseMatches([listID]).map(\.section))
            let hits = engine.search("\(quoted) -\(excludedWord)", limit: 10).hits.map(\.reference)
            let expected = Self.reference(index, ids, limit: 10, excluded: withList)
            #expect(hits == expected.map { index.reference(ofSection: Int($0)) }, "\(quoted) -\(excludedWord)")
        }
        // Most phrases match (a rare one may not), or the comparison above proves little.
        #expect(matched >= 12)
    }
}

/// The galloping search the phrase candidates move forward with finds what the binary search finds.
@Suite struct GallopingLowerBoundTests {
    @Test func equalsTheBinarySearch() {
        var random = ImportFuzzTests.SplitMix(state: 7)
        for _ in 0..<200 {
            let count = Int(random.next() % 300)
            var value: UInt32 = 0
            // Sorted with runs of equal sections and gaps, as a term's postings are not (they are
            // distinct), so the search is checked on the harder case too.
            let sections: [UInt32] = (0..<count).map { _ in value += UInt32(random.next() % 4); return value }
            sections.withUnsafeBufferPointer { buffer in
                let array = SectionArray(base16: nil, base32: buffer.baseAddress, count: count)
                for _ in 0..<50 {
                    let a = count == 0 ? 0 : Int(random.next() % UInt64(count + 1))
                    let b = a + (count == a ? 0 : Int(random.next() % UInt64(count - a + 1)))
                    let key = UInt32(random.next() % UInt64(value + 3))
                    #expect(array.gallopingLowerBound(of: key, in: a..<b) == array.lowerBound(of: key, in: a..<b),
                            "key \(key) in \(a)..<\(b) of \(sections)")
                }
            }
        }
    }
}
