/// Search results ranked in full whose snippets are cut only when asked for.
///
/// Search as you type shows a screenful of results out of 50; cutting a snippet costs more than
/// ranking, so the browser asks `SearchEngine.rankedSearch` for the order and cuts snippets with
/// `SearchEngine.hit(_:at:)` for the rows it draws. `hit(_:at:)` returns exactly the hit
/// `search(_:limit:)` returns at that position.
public struct RankedResults: Sendable, Equatable {
    /// The query as given to `rankedSearch`.
    public let query: String
    /// The hits in rank order, with empty `snippet` and `highlights` (see `SearchEngine.hit(_:at:)`).
    public let hits: [SearchHit]
    /// "Did you mean" text when nothing matched and a close query exists.
    public let suggestion: String?
    let sections: [Int]
    let matcher: HighlightMatcher?
    /// How many sections match in all; `hits` stops at the limit.
    public let total: MatchTotal

    init(query: String, hits: [SearchHit], suggestion: String?, sections: [Int], matcher: HighlightMatcher?,
         total: MatchTotal? = nil) {
        self.query = query
        self.hits = hits
        self.suggestion = suggestion
        self.sections = sections
        self.matcher = matcher
        self.total = total ?? MatchTotal(count: hits.count, isExact: true)
    }

    /// No results (an empty query).
    public static let empty = RankedResults(query: "", hits: [], suggestion: nil, sections: [], matcher: nil)

    /// The matcher follows from the query and the engine, so the query stands for it.
    public static func == (a: RankedResults, b: RankedResults) -> Bool {
        a.query == b.query && a.hits == b.hits && a.suggestion == b.suggestion && a.sections == b.sections && a.total == b.total
    }
}

extension SearchEngine {
    /// The best `limit` sections for `query`, best first, as `search(_:limit:)` ranks them, without
    /// snippets: cut one with `hit(_:at:)` when it is shown.
    public func rankedSearch(_ query: String, limit: Int = 10) -> RankedResults {
        let parsed = QueryParser.parse(query)
        guard !parsed.isEmpty, limit > 0, index.sectionCount > 0 else {
            return RankedResults(query: query, hits: [], suggestion: nil, sections: [], matcher: nil)
        }
        let plan = QueryPlan(parsed, expander: expander)
        var scorer = Scorer(sectionCount: index.sectionCount)
        let phraseTotal = plan.score(into: &scorer, index: index, limit: limit)
        let (top, matching) = plan.ranked(scorer, index: index, limit: limit)
        if top.isEmpty {
            return RankedResults(query: query, hits: [], suggestion: DidYouMean.suggest(for: parsed, expander: expander),
                                 sections: [], matcher: nil)
        }
        let total = phraseTotal ?? MatchTotal(count: matching, isExact: true)
        let hits = top.map { ranked in
            var hit = header(section: ranked.section, score: ranked.score)
            hit.missingWords = plan.missing(in: ranked.section, scorer)
            return hit
        }
        return RankedResults(query: query, hits: hits, suggestion: nil, sections: top.map(\.section),
                             matcher: plan.matcher, total: total)
    }

    /// Every match of the ranked query's words in `text` (a hit's title, say), as Unicode scalar
    /// ranges: what `highlights(for:in:)` finds, from the ranking's own matcher (no query planning).
    public func highlights(_ results: RankedResults, in text: String) -> [TextRange] {
        results.matcher.map { Snippeter.highlights(in: text, matcher: $0) } ?? []
    }

    /// The hit at `i` of `results` with its snippet and highlight ranges: the same value
    /// `search(results.query, limit:)` has at `i` when `snippetWidth` is the default. A screen
    /// passes the width its row shows (in Unicode scalars, about): the window of matches is then
    /// chosen among runs that fit there, not among runs of 160 it would cut. `results` must come
    /// from this engine and `i` be an index of `results.hits`.
    public func hit(_ results: RankedResults, at i: Int, snippetWidth: Int = 160) -> SearchHit {
        var hit = results.hits[i]
        guard results.sections.indices.contains(i), let matcher = results.matcher else { return hit }
        // The header (titles, reference) is already in the ranking; only the snippet is cut here.
        (hit.snippet, hit.highlights) = snippet(ofSection: results.sections[i], matcher: matcher, Snippeter(width: snippetWidth))
        return hit
    }
}
