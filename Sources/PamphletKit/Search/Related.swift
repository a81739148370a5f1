extension SearchEngine {
    /// Sections related to `reference` ("See also"), best first: those sharing its rarest words
    /// (words found in at least two sections, weighted by idf). The section itself is excluded, and
    /// other sections of the same document count a little less than other documents.
    public func related(to reference: ContentReference, limit: Int = 3) -> [SearchHit] {
        guard limit > 0, let source = sectionIndex(of: reference) else { return [] }
        var seen = Set<Int>()
        var candidates: [(idf: Float, term: Int)] = []
        let body = index.text(ofSection: source)
        body.withUnsafeBufferPointer { bodyBuffer in
            for buffer in [index.headings.buffer(source), bodyBuffer] {
                var scanner = TokenScanner(buffer)
                while scanner.next() {
                    guard let t = index.terms.find(scanner.term), !index.isStopWord(t), seen.insert(t).inserted else { continue }
                    let df = index.documentFrequency(t)
                    guard df >= 2, df < max(3, index.sectionCount / 4) else { continue }
                    candidates.append((index.idf(t), t))
                }
            }
        }
        candidates.sort { $0.idf > $1.idf }
        var scorer = Scorer(sectionCount: index.sectionCount)
        var matcher = HighlightMatcher()
        for c in candidates.prefix(24) {
            scorer.offerPostings(of: c.term, factor: c.idf, in: index)
            scorer.endSlot(0)
            matcher.add(term: c.term, index.terms.buffer(c.term))
        }
        scorer.exclude(UInt32(source))
        let sourceDocument = index.sectionDocument.int(source)
        // Rank by score alone (one slot), damping the same document.
        var ranked: [(section: Int, score: Float)] = []
        for (s, v) in scorer.top(limit * 4) {
            ranked.append((s, index.sectionDocument.int(s) == sourceDocument ? v * 0.7 : v))
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.section < $1.section }
        let snippeter = Snippeter()
        return ranked.prefix(limit).map { hit(section: $0.section, score: $0.score, matcher: matcher, snippeter) }
    }
}
