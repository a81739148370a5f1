extension IndexData {
    /// A reader of the positions of posting `index` (absolute, in the postings arrays) of `term`
    /// (`PositionLists`). Nil when the data is damaged (never out of bounds).
    func positionReader(term: Int, posting index: Int) -> PositionReader? {
        var cursor = PositionCursor()
        return positionReader(term: term, posting: index, cursor: &cursor)
    }

    /// Where a term's positions were last found, so lookups in posting order (a phrase's
    /// candidates) scan on from there rather than from the skip point each time.
    struct PositionCursor {
        var posting = -1
        var offset = 0
    }

    /// `positionReader(term:posting:)`, finding the posting from `cursor` when it stands before
    /// `index` in the same block of 16 postings of this term; leaves `cursor` at `index`.
    func positionReader(term: Int, posting index: Int, cursor: inout PositionCursor) -> PositionReader? {
        let first = postingStart.int(term)
        let local = index - first
        let skipIndex = skipStart.int(term) + local / 16
        guard local >= 0, skipIndex < skipStart.int(term + 1) else { return nil }
        var offset = skips.int(skipIndex), skip = local % 16
        let cursorLocal = cursor.posting - first
        if cursor.posting >= first, cursorLocal <= local, cursorLocal / 16 == local / 16 {
            (offset, skip) = (cursor.offset, local - cursorLocal)
        }
        if skip > 0 {
            guard let after = PositionLists.endOfPostings(in: positions, from: offset, count: skip) else { return nil }
            offset = after
        }
        cursor = PositionCursor(posting: index, offset: offset)
        return PositionReader(bytes: positions, offset: offset)
    }

    /// The posting of `term` in section `s`, if it has one (a binary search of the term's postings).
    func posting(of term: Int, inSection s: Int) -> Int? {
        let postings = postingStart.int(term)..<postingStart.int(term + 1)
        let j = postSections.lowerBound(of: UInt32(s), in: postings)
        return j < postings.upperBound && postSections[j] == UInt32(s) ? j : nil
    }

    /// The score `phraseMatches(terms)` gives section `s`, or nil when the terms do not stand next
    /// to each other in this order there: for a few sections, without walking every candidate.
    func phraseScore(_ terms: [Int], inSection s: Int) -> Float? {
        guard !terms.isEmpty else { return nil }
        var postings: [Int] = []
        postings.reserveCapacity(terms.count)
        var score: Float = 0
        for t in terms {
            guard let j = posting(of: t, inSection: s) else { return nil }
            postings.append(j)
            if !isStopWord(t) { score += idf(t) * Float(max(postImpacts[j], 1)) / PostingBuckets.impactScale }
        }
        guard var first = positionReader(term: terms[0], posting: postings[0]) else { return nil }
        var starts: [UInt32] = []
        while let p = first.next() { starts.append(p) }
        for k in 1..<terms.count {
            guard var reader = positionReader(term: terms[k], posting: postings[k]) else { return nil }
            // Both ascending: keep the starts with term k at start + k.
            var kept = 0, i = 0
            let offset = UInt32(k)
            while i < starts.count, let p = reader.next() {
                while i < starts.count && starts[i] &+ offset < p { i += 1 }
                if i < starts.count && starts[i] &+ offset == p { starts[kept] = starts[i]; kept += 1; i += 1 }
            }
            starts.removeLast(starts.count - kept)
            if starts.isEmpty { return nil }
        }
        return score
    }

    /// Sections where `terms` occur next to each other in this order, with a score: the sum of the
    /// non-stop-word terms' BM25F contributions. Stop words must match but do not add to the score.
    func phraseMatches(_ terms: [Int]) -> [(section: UInt32, score: Float)] {
        var out: [(section: UInt32, score: Float)] = []
        var matcher = PhraseMatcher(terms: terms, index: self)
        matcher.forEachCandidate { section, score, occurs in
            if occurs() { out.append((section, score)) }
        }
        return out
    }

    /// The best `limit` sections of `phraseMatches(terms)` that `isExcluded` does not reject, best
    /// first (higher score, then earlier section): what ranking every match would keep. Scores as
    /// the scorer takes a phrase's (at least 0.001, so a phrase of stop words still counts).
    ///
    /// A phrase's score does not depend on where its words are, so once `limit` matches are held,
    /// a section scoring no higher than the worst of them is passed over without reading its
    /// positions: a phrase of common words ("the value") reads the positions of a few dozen
    /// sections instead of every section holding both words.
    func topPhraseMatches(_ terms: [Int], limit: Int, isExcluded: (UInt32) -> Bool) -> [(section: UInt32, score: Float)] {
        topPhraseMatchesCounted(terms, limit: limit, isExcluded: isExcluded).top
    }

    /// `topPhraseMatches`, and how many sections match: exact when no candidate was passed over
    /// unread, else the matches confirmed (a lower bound). Counting costs nothing more.
    func topPhraseMatchesCounted(_ terms: [Int], limit: Int, isExcluded: (UInt32) -> Bool)
        -> (top: [(section: UInt32, score: Float)], total: MatchTotal) {
        guard limit > 0 else { return ([], MatchTotal(count: 0, isExact: true)) }
        var best = TopK<RankedSection>(capacity: limit)
        var matcher = PhraseMatcher(terms: terms, index: self)
        var confirmed = 0
        var passedOver = false
        matcher.forEachCandidate { section, score, occurs in
            // Ranked as the scorer ranks one slot, on its clamped score; candidates come in section
            // order, so one scoring the same as the worst held loses the tie and is passed over.
            let ranked = max(score, 0.001)
            if best.isFull, let worst = best.worst, ranked <= worst.score {
                // Unread: it may match or not, so the count becomes "at least" (unless excluded anyway).
                if !passedOver, !isExcluded(section) { passedOver = true }
                return
            }
            if isExcluded(section) || !occurs() { return }
            confirmed += 1
            best.offer(RankedSection(matchedSlots: 1, score: ranked, section: Int(section)))
        }
        return (best.bestFirst().map { (UInt32($0.section), $0.score) }, MatchTotal(count: confirmed, isExact: !passedOver))
    }
}

/// Phrase matching in two steps: the sections holding every word of the phrase, with their score
/// (postings only), then, for one such section, whether the words stand next to each other in
/// order (positions), which costs more and is done only when asked.
struct PhraseMatcher {
    let terms: [Int]
    let index: IndexData
    private var postingIndexes: [Int]
    private var readers: [PositionReader]
    /// Per term, where its positions were last looked up (candidates come in posting order).
    private var cursors: [IndexData.PositionCursor]
    /// Term indexes by impact in the current section (so by how many positions), fewest first.
    private var order: [Int]
    /// Possible start positions of the phrase in the current section, filtered word by word.
    private var starts: [UInt32] = []
    /// The phrase's adjacent pairs a section's pair filter must have (`PairFilters`).
    private let pairs: [UInt64]

    init(terms: [Int], index: IndexData) {
        self.terms = terms
        self.index = index
        postingIndexes = [Int](repeating: 0, count: terms.count)
        readers = [PositionReader](repeating: PositionReader(bytes: index.positions, offset: 0), count: terms.count)
        cursors = [IndexData.PositionCursor](repeating: IndexData.PositionCursor(), count: terms.count)
        order = Array(terms.indices)
        pairs = index.stopWordPairs(terms)
    }

    /// Calls `visit` for each of the rarest term's sections that every other term also has (each
    /// found by a galloping search that only moves forward) and whose pair filter may hold the
    /// phrase's pairs with a stop word (`PairFilters`), in section order, with its score
    /// (the non-stop-word terms' BM25F contributions) and a function telling whether the phrase
    /// occurs there.
    mutating func forEachCandidate(_ visit: (_ section: UInt32, _ score: Float, _ occurs: () -> Bool) -> Void) {
        let n = terms.count
        guard n > 0 else { return }
        var driver = 0
        for (i, t) in terms.enumerated() where index.documentFrequency(t) < index.documentFrequency(terms[driver]) { driver = i }
        let idfs = terms.map { index.isStopWord($0) ? Float(0) : index.idf($0) }
        var lower = terms.map { index.postingStart.int($0) }
        let dt = terms[driver]
        candidates: for j in index.postingStart.int(dt)..<index.postingStart.int(dt + 1) {
            let s = index.postSections[j]
            // Before any other term is looked up: most sections of a common-word phrase lack a pair.
            if !pairs.isEmpty && !index.mayHavePairs(section: Int(s), pairs) { continue }
            for i in 0..<n {
                if i == driver { postingIndexes[i] = j; continue }
                let t = terms[i]
                let end = index.postingStart.int(t + 1)
                let lo = index.postSections.gallopingLowerBound(of: s, in: lower[i]..<end)
                lower[i] = lo
                guard lo < end, index.postSections[lo] == s else { continue candidates }
                postingIndexes[i] = lo
            }
            var score: Float = 0
            for i in 0..<n { score += idfs[i] * Float(index.postImpacts[postingIndexes[i]]) / PostingBuckets.impactScale }
            visit(s, score) { occurs() }
        }
    }

    /// Whether the phrase occurs in the section of `postingIndexes`. Its possible start positions
    /// come from the term with the fewest positions there (by its impact, which grows with its
    /// count: the section's lengths are the same for every term) and are filtered in place by each
    /// other term, fewest first, decoding its positions only until the starts run out.
    private mutating func occurs() -> Bool {
        let n = terms.count
        for i in 0..<n {
            guard let reader = index.positionReader(term: terms[i], posting: postingIndexes[i], cursor: &cursors[i]) else { return false }
            readers[i] = reader
            // Insertion sort by impact: a phrase has a handful of words.
            let impact = index.postImpacts[postingIndexes[i]]
            var k = i
            order[k] = i
            while k > 0 && index.postImpacts[postingIndexes[order[k - 1]]] > impact {
                order.swapAt(k, k - 1)
                k -= 1
            }
        }
        let first = order[0]
        starts.removeAll(keepingCapacity: true)
        var reader = readers[first]
        while let p = reader.next() {
            if p >= UInt32(first) { starts.append(p - UInt32(first)) }
        }
        if reader.isDamaged { return false }
        var count = starts.count
        return starts.withUnsafeMutableBufferPointer { starts in
            for k in 1..<max(n, 1) where count > 0 {
                let i = order[k]
                // The last word only has to confirm one start: stop at its first match.
                let confirmOnly = k == n - 1
                var kept = 0, c = 0
                var reader = readers[i]
                let last = starts[count - 1] &+ UInt32(i)
                while c < count, let p = reader.next() {
                    if p > last { break }
                    guard p >= UInt32(i) else { continue }
                    let start = p - UInt32(i)
                    while c < count && starts[c] < start { c += 1 }
                    if c < count && starts[c] == start {
                        // In place: `kept` never passes `c`.
                        starts[kept] = start
                        kept += 1
                        c += 1
                        if confirmOnly { break }
                    }
                }
                if reader.isDamaged { return false }
                count = kept
            }
            return count > 0
        }
    }
}
