extension IndexData {
    /// The byte range of the positions of posting `index` (absolute, in the postings arrays) of
    /// `term` in `positions`: varint deltas. Nil when the data is damaged (never out of bounds).
    func positionBytes(term: Int, posting index: Int) -> Range<Int>? {
        let local = index - postingStart.int(term)
        let skipIndex = skipStart.int(term) + local / 16
        guard local >= 0, skipIndex < skipStart.int(term + 1) else { return nil }
        var offset = skips.int(skipIndex)
        // Each posting's positions are prefixed by their byte length, so skipping is one read.
        for _ in 0..<(local % 16) {
            guard let length = Varint.read(positions, &offset) else { return nil }
            offset += Int(length)
        }
        guard let length = Varint.read(positions, &offset), Int(length) <= positions.count - offset else { return nil }
        return offset..<(offset + Int(length))
    }

    /// Sections where `terms` occur next to each other in this order, with a score: the sum of the
    /// non-stop-word terms' BM25F contributions. Stop words must match but do not add to the score.
    ///
    /// Candidates are the rarest term's sections that every other term also has (each found by a
    /// binary search that only moves forward). In a candidate, the phrase's possible start positions
    /// come from the term with the fewest position bytes and are filtered by each other term in turn,
    /// decoding its positions only until the candidates run out.
    func phraseMatches(_ terms: [Int]) -> [(section: UInt32, score: Float)] {
        guard !terms.isEmpty else { return [] }
        let n = terms.count
        var driver = 0
        for (i, t) in terms.enumerated() where documentFrequency(t) < documentFrequency(terms[driver]) { driver = i }
        let idfs = terms.map { isStopWord($0) ? Float(0) : idf($0) }
        var out: [(UInt32, Float)] = []
        var postingIndexes = [Int](repeating: 0, count: n)
        var lower = terms.map { postingStart.int($0) }
        var ranges = [Range<Int>](repeating: 0..<0, count: n)
        var order = Array(0..<n)
        var starts: [UInt32] = [], kept: [UInt32] = []
        let dt = terms[driver]
        candidates: for j in postingStart.int(dt)..<postingStart.int(dt + 1) {
            let s = postSections[j]
            for i in 0..<n {
                if i == driver { postingIndexes[i] = j; continue }
                let t = terms[i]
                let lo = postSections.lowerBound(of: s, in: lower[i]..<postingStart.int(t + 1))
                lower[i] = lo
                guard lo < postingStart.int(t + 1), postSections[lo] == s else { continue candidates }
                postingIndexes[i] = lo
            }
            for i in 0..<n {
                guard let r = positionBytes(term: terms[i], posting: postingIndexes[i]) else { continue candidates }
                ranges[i] = r
            }
            if n > 1 { order.sort { ranges[$0].count < ranges[$1].count } }
            // Start positions from the term with the fewest position bytes.
            let first = order[0]
            starts.removeAll(keepingCapacity: true)
            var offset = ranges[first].lowerBound
            var p: UInt32 = 0
            while offset < ranges[first].upperBound {
                guard let delta = Varint.read(positions, &offset) else { continue candidates }
                p &+= delta
                if p >= UInt32(first) { starts.append(p - UInt32(first)) }
            }
            for k in 1..<max(n, 1) where !starts.isEmpty {
                let i = order[k]
                // The last word only has to confirm one start: stop at its first match.
                let confirmOnly = k == n - 1
                kept.removeAll(keepingCapacity: true)
                var offset = ranges[i].lowerBound
                var p: UInt32 = 0
                var c = 0
                let last = starts[starts.count - 1] &+ UInt32(i)
                while offset < ranges[i].upperBound && c < starts.count {
                    guard let delta = Varint.read(positions, &offset) else { continue candidates }
                    p &+= delta
                    if p > last { break }
                    guard p >= UInt32(i) else { continue }
                    let start = p - UInt32(i)
                    while c < starts.count && starts[c] < start { c += 1 }
                    if c < starts.count && starts[c] == start {
                        kept.append(start)
                        c += 1
                        if confirmOnly { break }
                    }
                }
                swap(&starts, &kept)
            }
            guard !starts.isEmpty else { continue }
            var score: Float = 0
            for i in 0..<n { score += idfs[i] * Float(postImpacts[postingIndexes[i]]) / 65535 }
            out.append((s, score))
        }
        return out
    }
}
