extension IndexData {
    /// Index of `section` in the postings of `term`, if the term occurs there (binary search).
    func postingIndex(term: Int, section: UInt32) -> Int? {
        var lo = postingStart.int(term), hi = postingStart.int(term + 1)
        while lo < hi {
            let mid = (lo + hi) >> 1
            let s = postSections[mid]
            if s == section { return mid }
            if s < section { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// Decodes the positions of posting `index` (absolute, in the postings arrays) of `term` into
    /// `out`. False when the data is damaged (never reads out of bounds).
    func positions(term: Int, posting index: Int, into out: inout [UInt32]) -> Bool {
        out.removeAll(keepingCapacity: true)
        let local = index - postingStart.int(term)
        let skipIndex = skipStart.int(term) + local / 16
        guard local >= 0, skipIndex < skipStart.int(term + 1) else { return false }
        var offset = skips.int(skipIndex)
        for _ in 0..<(local % 16) {
            guard let count = Varint.read(positions, &offset) else { return false }
            for _ in 0..<count { guard Varint.read(positions, &offset) != nil else { return false } }
        }
        guard let count = Varint.read(positions, &offset), Int(count) <= positions.count else { return false }
        var p: UInt32 = 0
        for _ in 0..<count {
            guard let delta = Varint.read(positions, &offset) else { return false }
            p &+= delta
            out.append(p)
        }
        return true
    }

    /// Sections where `terms` occur next to each other in this order, with a score: the sum of the
    /// non-stop-word terms' BM25F contributions. Stop words must match but do not add to the score.
    func phraseMatches(_ terms: [Int]) -> [(section: UInt32, score: Float)] {
        guard !terms.isEmpty else { return [] }
        // Drive from the rarest term to keep the candidate list short.
        var driver = 0
        for (i, t) in terms.enumerated() where documentFrequency(t) < documentFrequency(terms[driver]) { driver = i }
        let idfs = terms.map { isStopWord($0) ? Float(0) : idf($0) }
        var out: [(UInt32, Float)] = []
        var lists: [[UInt32]] = Array(repeating: [], count: terms.count)
        var postingIndexes = [Int](repeating: 0, count: terms.count)
        let dt = terms[driver]
        for j in postingStart.int(dt)..<postingStart.int(dt + 1) {
            let s = postSections[j]
            var ok = true
            for (i, t) in terms.enumerated() {
                guard let p = i == driver ? j : postingIndex(term: t, section: s) else { ok = false; break }
                postingIndexes[i] = p
            }
            guard ok else { continue }
            for (i, t) in terms.enumerated() {
                guard positions(term: t, posting: postingIndexes[i], into: &lists[i]) else { ok = false; break }
            }
            guard ok, Self.adjacent(lists) else { continue }
            var score: Float = 0
            for (i, _) in terms.enumerated() {
                score += idfs[i] * Float(postImpacts[postingIndexes[i]]) / 65535
            }
            out.append((s, score))
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// True when some position p of list 0 has p+i in list i for every i (lists ascending).
    private static func adjacent(_ lists: [[UInt32]]) -> Bool {
        var cursors = [Int](repeating: 0, count: lists.count)
        for p in lists[0] {
            var all = true
            for i in 1..<lists.count {
                let want = p + UInt32(i)
                let l = lists[i]
                var c = cursors[i]
                while c < l.count && l[c] < want { c += 1 }
                cursors[i] = c
                if c >= l.count { return false }
                if l[c] != want { all = false; break }
            }
            if all { return true }
        }
        return false
    }
}
