/// Finds dictionary terms within a few edits of a word (optimal string alignment distance:
/// insertions, deletions, substitutions and adjacent transpositions each cost 1).
///
/// The dictionary is sorted, so neighbouring terms share prefixes, like paths in a trie: the
/// dynamic-programming rows of a shared prefix are computed once (the snapshot stores how many
/// bytes each term shares with the one before), and as soon as no cell of a row is within the
/// allowed edits, every term with that prefix is skipped.
/// A row is kept as bit sets, one per number of edits (bit `j` of set `e`: the term's prefix is
/// within `e` edits of the word's first `j` letters), so a row costs a dozen word operations
/// whatever the word's length, instead of a cell at a time (Wu and Manber's bit-parallel
/// automaton, with Hyyrö's term for transpositions).
/// A typo in the first letter is not corrected (a swap of the first two letters is), as in most
/// engines. Distances are counted on folded UTF-8 bytes (accents are already folded away, so in practice on
/// letters).
struct TypoMatcher {
    /// The typo budget for a word of `length` letters: none under 5, 1 from 5, 2 from 9.
    static func allowedEdits(forLength length: Int) -> Int {
        length >= 9 ? 2 : (length >= 5 ? 1 : 0)
    }


    /// Optimal string alignment distance between `word` and `term`; with `prefix`, between `word`
    /// and the closest prefix of `term`. The walk reports a prefix range at the first depth within
    /// budget ("psychiatr" for "psychiatrst", two edits), so a term deeper in it may be closer
    /// ("psychiatrist", one): this gives each term its own distance.
    static func distance(_ word: [UInt8], _ term: UnsafeBufferPointer<UInt8>, prefix: Bool) -> Int {
        let n = word.count, m = term.count
        guard n > 0, m > 0 else { return prefix ? n : max(n, m) }
        // Row i: distances between word[0..<i] and each term[0..<j]; the last three rows are kept.
        var twoBack = [Int](repeating: 0, count: m + 1), previous = Array(0...m), current = previous
        for i in 1...n {
            current[0] = i
            for j in 1...m {
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word[i - 1] == term[j - 1] ? 0 : 1))
                if i > 1, j > 1, word[i - 1] == term[j - 2], word[i - 2] == term[j - 1] { d = min(d, twoBack[j - 2] + 1) }
                current[j] = d
            }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        // `previous` is the whole word's row: against the whole term, or its closest prefix.
        return prefix ? previous.min() ?? n : previous[m]
    }

    struct Match {
        /// Terms `range` match (one term, or in prefix mode every term starting with an accepted prefix).
        var range: Range<Int>
        var distance: Int
    }

    /// Terms within `maxEdits` of `word`; in `prefixMode`, terms that *start* with something within
    /// `maxEdits` of `word` (the word being typed). Exact matches are included (distance 0).
    static func matches(_ word: [UInt8], maxEdits: Int, prefixMode: Bool, in index: IndexData,
                        limit: Int = 4096) -> [Match] {
        let terms = index.terms
        guard let firsts = firstLetters(word), terms.count > 0 else { return [] }
        var out: [Match] = []
        for f in firsts {
            let range = [f].withUnsafeBufferPointer { terms.prefixRange($0) }
            walk(word, clampedEdits(maxEdits), prefixMode, Terms(terms: terms, lengths: index.termSharedPrefix),
                 range, &out, limit)
        }
        return out
    }

    /// Stem groups (`IndexData.stemKeys`, language `language`) whose stem is within `maxEdits` of
    /// `stem` (the query word's stem in that language); `range` of a match is stem group numbers.
    /// The keys are walked like the dictionary, without their language byte.
    static func stemMatches(_ stem: [UInt8], language: Int, maxEdits: Int, in index: IndexData,
                            limit: Int = 4096) -> [Match] {
        let keys = index.stemKeys
        guard language < 256, let firsts = firstLetters(stem), keys.count > 0 else { return [] }
        var out: [Match] = []
        for f in firsts {
            let range = [UInt8(language), f].withUnsafeBufferPointer { keys.prefixRange($0) }
            walk(stem, clampedEdits(maxEdits), false, StemKeys(keys: keys), range, &out, limit)
        }
        return out
    }

    /// Search asks for 2 edits at most; a bound keeps the row's bit sets few whatever is asked.
    private static func clampedEdits(_ k: Int) -> Int { min(max(k, 0), 8) }

    /// The first letters a match may start with, in byte order: `word[0]` or `word[1]`. Like most
    /// engines, the first letter is trusted (a swap of the first two letters is still found), so
    /// only a small part of the dictionary is walked. Nil for a word the walk cannot take: empty,
    /// or too long for a row's bit sets (columns 0...n in 64 bits; terms are at most 48 bytes,
    /// `TokenScanner.maxTermBytes`, so a longer word is 14 or more edits from every term).
    private static func firstLetters(_ word: [UInt8]) -> [UInt8]? {
        guard !word.isEmpty, word.count <= 62 else { return nil }
        var firsts: [UInt8] = [word[0]]
        if word.count > 1 && word[1] != word[0] { firsts.append(word[1]) }
        firsts.sort()
        return firsts
    }

    /// What the walk reads: sorted byte strings, and how many leading bytes each shares with the one before.
    private protocol SortedStrings {
        func buffer(_ i: Int) -> UnsafeBufferPointer<UInt8>
        /// The bytes string `i` shares with string `i - 1` (`i` above the walk's first).
        func sharedPrefix(_ i: Int) -> Int
        /// The first string after `i`, and before `n`, that does not start with string `i`'s first `d` bytes.
        func prefixEnd(_ d: Int, from i: Int, limit n: Int) -> Int
    }

    /// The dictionary, with the snapshot's shared-prefix lengths.
    private struct Terms: SortedStrings {
        let terms: StringTable
        let lengths: ByteArray
        @inline(__always) func buffer(_ i: Int) -> UnsafeBufferPointer<UInt8> { terms.buffer(i) }
        @inline(__always) func sharedPrefix(_ i: Int) -> Int { Int(lengths[i]) }
        /// The first whose shared prefix with the term before it is shorter than `d`.
        @inline(__always) func prefixEnd(_ d: Int, from i: Int, limit n: Int) -> Int {
            var j = i + 1
            while j < n && Int(lengths[j]) >= d { j += 1 }
            return j
        }
    }

    /// Stem keys of one language, without the language byte. The snapshot stores no shared-prefix
    /// lengths for them (they are walked only for a word nothing else matched): a pair's is counted
    /// when it is needed, and a subtree's end is found by binary search.
    private struct StemKeys: SortedStrings {
        let keys: StringTable
        @inline(__always) func buffer(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            let b = keys.buffer(i)
            return b.isEmpty ? b : UnsafeBufferPointer(rebasing: b[1...])
        }
        @inline(__always) func sharedPrefix(_ i: Int) -> Int {
            let a = buffer(i - 1), b = buffer(i)
            var j = 0
            let n = min(a.count, b.count)
            while j < n && a[j] == b[j] { j += 1 }
            return j
        }
        func prefixEnd(_ d: Int, from i: Int, limit n: Int) -> Int {
            let t = buffer(i)
            let d = min(d, t.count)
            @inline(__always) func startsLikeI(_ j: Int) -> Bool {
                let b = buffer(j)
                guard b.count >= d else { return false }
                var x = 0
                while x < d { if b[x] != t[x] { return false }; x += 1 }
                return true
            }
            // Sorted: the strings starting with t[0..<d] follow i without a gap. Most subtrees the
            // walk skips are a string or two, so gallop from i before the binary search (a binary
            // search over the whole rest was 60% of the stem walk's instructions).
            var lo = i + 1, step = 1
            while lo < n && startsLikeI(lo) {
                lo += step
                step <<= 1
            }
            // i + 1 failed (or is n): a subtree of one. Else lo - step / 2 was the last index that
            // started like i, and the end lies after it, at min(lo, n) at most.
            if step == 1 { return min(lo, n) }
            var hi = min(lo, n)
            lo = lo - (step >> 1) + 1
            while lo < hi {
                let mid = (lo + hi) >> 1
                if startsLikeI(mid) { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
    }

    /// The trie walk over `range` (all strings sharing a first letter), appending to `out`.
    private static func walk<Strings: SortedStrings>(_ word: [UInt8], _ k: Int, _ prefixMode: Bool, _ terms: Strings,
                                                     _ range: Range<Int>, _ out: inout [Match], _ limit: Int) {
        let n = word.count
        let maxDepth = n + k
        let sets = k + 1
        let columns: UInt64 = (1 << UInt64(n + 1)) - 1
        let last: UInt64 = 1 << UInt64(n)
        // Where each byte stands in the word: bit j set when word[j - 1] is that byte.
        var positions = [UInt64](repeating: 0, count: 256)
        for (j, b) in word.enumerated() { positions[Int(b)] |= 1 << UInt64(j + 1) }
        // rows[d * sets + e]: bit j set when the term's first d bytes are within e edits of the
        // word's first j bytes. Row 0: j deletions.
        var rows = [UInt64](repeating: 0, count: (maxDepth + 1) * sets)
        for e in 0..<sets { rows[e] = ((1 << UInt64(e + 1)) - 1) & columns }
        /// The fewest edits reaching the word's end in row `d`, if within the budget. A row's
        /// sets grow with the edits allowed, so the largest tells whether any reaches it.
        func finalEdits(_ rows: UnsafeMutablePointer<UInt64>, _ d: Int) -> Int? {
            guard rows[d * sets + k] & last != 0 else { return nil }
            var e = 0
            while rows[d * sets + e] & last == 0 { e += 1 }
            return e
        }
        positions.withUnsafeBufferPointer { positions in
            rows.withUnsafeMutableBufferPointer { rowBuffer in
                let rows = rowBuffer.baseAddress.unsafelyUnwrapped
                var valid = 0           // rows 0...valid hold the prefix of the term visited last
                var i = range.lowerBound
                let count = range.upperBound
                while i < count {
                    let t = terms.buffer(i)
                    // The term visited last shares sharedPrefix[i] bytes with this one: it is term
                    // i - 1, or the first of a subtree just skipped, whose other terms all share
                    // more with it. The first term of the walk reuses no row.
                    var d = i == range.lowerBound ? 0 : min(valid, terms.sharedPrefix(i), t.count)
                    let stop = min(t.count, maxDepth)
                    var skipTo = -1
                    while d < stop {
                        let match = positions[Int(t[d])]
                        // A transposition of t[d - 1] and t[d]: word[j - 2] == t[d] and word[j - 1] == t[d - 1].
                        let swapped = d >= 1 ? (match << 1) & positions[Int(t[d - 1])] : 0
                        let above = rows + d * sets, row = above + sets
                        var fewer: UInt64 = 0       // this row's set for one edit fewer
                        for e in 0..<sets {
                            var r = (above[e] << 1) & match                        // t[d] matches word[j - 1]
                            if e > 0 {
                                r |= (above[e - 1] << 1)                          // substitution
                                    | above[e - 1]                                // t[d] inserted
                                    | (fewer << 1)                                // word[j - 1] left out
                                if d >= 1 { r |= (rows[(d - 1) * sets + e - 1] << 2) & swapped }
                            }
                            r &= columns
                            row[e] = r
                            fewer = r
                        }
                        d += 1
                        if prefixMode, let edits = finalEdits(rows, d) {
                            // Every term starting with t[0..<d] matches.
                            let end = terms.prefixEnd(d, from: i, limit: count)
                            out.append(Match(range: i..<end, distance: edits))
                            skipTo = end
                            break
                        }
                        if row[k] == 0 {
                            // No prefix of the word is within k edits of t[0..<d], nor of any longer term.
                            skipTo = terms.prefixEnd(d, from: i, limit: count)
                            break
                        }
                    }
                    valid = d
                    if skipTo >= 0 {
                        i = max(skipTo, i + 1)
                    } else {
                        if !prefixMode && d == t.count, let edits = finalEdits(rows, d) {
                            out.append(Match(range: i..<(i + 1), distance: edits))
                        }
                        i += 1
                    }
                    if out.count >= limit { break }
                }
            }
        }
    }
}
