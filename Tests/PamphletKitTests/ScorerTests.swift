import Testing
@testable import PamphletKit

/// The scorer's postings loop counts a section once per slot however many of the slot's terms it
/// holds, including when every section matches (its list of touched sections is exactly full).
@Suite struct ScorerTests {
    static let library = Library(site: Site(name: "T"), documents: (0..<4).map { d in
        SearchFixtures.doc("doc\(d)", title: "Common title \(d)", intro: "common commonly",
                           sections: (0..<3).map { ("Part \($0) common", "common words, commonly common, part \($0)") })
    })

    @Test func everySectionMatchingCountsEachOnce() {
        let engine = SearchEngine(library: Self.library)
        // Intros and sections: 4 × (1 + 3); "common" and the completion "commonly" are in all of them.
        for query in ["common", "commo", "common part"] {
            let hits = engine.search(query, limit: 100).hits
            let references = hits.map(\.reference.description)
            #expect(Set(references).count == references.count, "\(query): a section ranked twice")
            #expect(hits.count == 16, "\(query): \(hits.count) hits")
            #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score }, "\(query): not in score order")
        }
    }
}
