import Foundation
import Testing
@testable import PamphletKit

@Suite struct SearchEngineTests {
    static let engine = SearchEngine(library: SearchFixtures.clinic)

    func first(_ q: String) -> String? {
        Self.engine.search(q, limit: 5).hits.first?.reference.description
    }

    @Test(arguments: [
        ("is ketamine addictive", ["is-ketamine-an-opiate#is-ketamine-addictive", "ketamine-faq#is-ketamine-addictive"]),
        ("ketamin adictive", ["is-ketamine-an-opiate#is-ketamine-addictive", "ketamine-faq#is-ketamine-addictive"]),
        ("naltrex", ["is-ketamine-an-opiate#ketamine-drug-trials"]),
        ("naltrexnoe", ["is-ketamine-an-opiate#ketamine-drug-trials"]),       // transposition, 1 edit
        ("transcranial", ["tms-therapy#what-is-tms"]),
        ("treatment resistant depression", ["is-ketamine-an-opiate#ketamine-drug-trials"]),
        ("trd", ["is-ketamine-an-opiate#ketamine-drug-trials"]),
        ("tratamiento", ["tratamientos", "tratamientos#terapias-disponibles"]),
        ("\"opioid blocker\"", ["is-ketamine-an-opiate#ketamine-drug-trials"]),
        ("infusions -insurance", ["iv-ketamine-infusions#how-infusions-work"]),
        ("headache", ["tms-therapy#side-effects"]),
    ])
    func ranksFirst(query: String, expected: [String]) {
        let got = first(query)
        #expect(got.map { expected.contains($0) } == true, "\(query) -> \(got ?? "nothing")")
    }

    @Test func acronymFindsLongFormAndBack() {
        let tms = Self.engine.search("TMS", limit: 10).hits.map(\.reference.description)
        #expect(tms.contains("tms-therapy#what-is-tms"))
        let long = Self.engine.search("magnetic stimulation", limit: 10).hits.map(\.reference.description)
        #expect(long.first?.hasPrefix("tms-therapy") == true)
    }

    @Test func exclusionRemovesSections() {
        let hits = Self.engine.search("infusions -insurance", limit: 20).hits
        #expect(!hits.contains { $0.reference.description == "iv-ketamine-infusions#costs" })
        #expect(!hits.isEmpty)
    }

    @Test func phraseNeedsAdjacentWords() {
        #expect(Self.engine.search("\"blocker opioid\"", limit: 5).hits.isEmpty)
        #expect(!Self.engine.search("\"opioid blocker\"", limit: 5).hits.isEmpty)
    }

    @Test func shortWordsGetNoTypos() {
        // "tns" is one edit from "tms" but under 5 letters: no typo tolerance.
        #expect(Self.engine.search("tns ", limit: 5).hits.isEmpty)
    }

    /// "causal" and "casual" are one transposition apart: a word the content has as typed matches
    /// only itself, one it does not have matches its near-misses (typoTolerance "min").
    @Test(arguments: [
        ("causal ", ["a#cause"]),
        ("casual ", ["a#visits"]),
        ("casal ", ["a#cause", "a#visits"]),       // not in the content: one letter short of either
        ("casaul ", ["a#visits"]),                 // a transposition of "casual", 2 edits from "causal"
        ("causa", ["a#cause"]),                    // a prefix the content has: its completions only
        ("cuasa", ["a#cause"]),                    // a prefix it lacks: 1 edit, "causa..." (the first letter is trusted)
    ])
    func typosOnlyForWordsTheContentLacks(query: String, expected: [String]) {
        let engine = SearchEngine(library: Library(site: Site(name: "T"), documents: [
            SearchFixtures.doc("a", title: "Notes", sections: [
                ("Cause", "The link between sleep and mood is causal."),
                ("Visits", "A casual visit needs no appointment."),
            ]),
        ]))
        let got = Set(engine.search(query, limit: 10).hits.map(\.reference.description))
        #expect(got == Set(expected), "\(query) -> \(got.sorted())")
    }

    @Test func didYouMean() {
        let r = Self.engine.search("ketamnie zzqx ", limit: 5)
        if r.hits.isEmpty { #expect(r.suggestion != nil) }
        let r2 = Self.engine.search("opiatez ", limit: 5)
        #expect(!r2.hits.isEmpty)  // 1 edit allowed at 7 letters
        // Under 5 letters search allows no typo, but "did you mean" looks further.
        let r3 = Self.engine.search("cots ", limit: 5)
        #expect(r3.hits.isEmpty)
        #expect(r3.suggestion == "costs")
    }

    @Test func snippetHighlightsMatchesInScalars() {
        let hit = Self.engine.search("naltrex", limit: 1).hits[0]
        #expect(!hit.highlights.isEmpty)
        let scalars = Array(hit.snippet.unicodeScalars)
        for r in hit.highlights {
            let word = String(String.UnicodeScalarView(scalars[r.start..<r.end]))
            #expect(word.lowercased().hasPrefix("naltrex"), "\(word)")
        }
    }

    @Test func highlightsInArbitraryText() {
        let text = "Ketamine’s effects: naltrexone and addiction, café"
        let ranges = Self.engine.highlights(for: "ketamine addictive naltrex", in: text)
        let scalars = Array(text.unicodeScalars)
        let words = ranges.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
        #expect(words == ["Ketamine’s", "naltrexone", "addiction"])
    }

    @Test func relatedExcludesItself() {
        let ref = ContentReference("is-ketamine-an-opiate#is-ketamine-addictive")
        let rel = Self.engine.related(to: ref, limit: 3)
        #expect(!rel.isEmpty)
        #expect(!rel.contains { $0.reference == ref })
    }

    @Test func emptyAndOddQueries() {
        for q in ["", "   ", "\"", "-", "-ketamine", "\"\"", "’", "a", "the", "é", String(repeating: "x", count: 500)] {
            _ = Self.engine.search(q, limit: 10)
        }
        #expect(Self.engine.search("", limit: 10).hits.isEmpty)
        #expect(Self.engine.search("ketamine", limit: 0).hits.isEmpty)
        #expect(SearchEngine(library: Library(site: Site(name: "x"), documents: [])).search("x", limit: 5).hits.isEmpty)
    }

    @Test func concurrentSearchesAgree() {
        let queries = ["ketamin adictive", "naltrex", "tratamiento", "\"opioid blocker\"", "tms", "infusions -insurance"]
        let expected = queries.map { Self.engine.search($0, limit: 5) }
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            let q = i % queries.count
            precondition(Self.engine.search(queries[q], limit: 5) == expected[q])
        }
    }

    @Test func everyPrefixOfATypedWordFindsSomething() {
        let word = "naltrexone"
        for n in 1...word.count {
            let q = String(word.prefix(n))
            #expect(!Self.engine.search(q, limit: 10).hits.isEmpty, "\(q)")
        }
    }
}
