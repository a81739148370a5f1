/// Finds dictionary terms within a few edits of a word (optimal string alignment distance:
/// insertions, deletions, substitutions and adjacent transpositions each cost 1).
///
/// The dictionary is sorted, so neighbouring terms share prefixes, like paths in a trie: the
/// dynamic-programming rows of a shared prefix are computed once, and as soon as a row's minimum
/// exceeds the allowed edits, every term with that prefix is skipped with one binary search.
/// A typo in the first letter is not corrected (a swap of the first two letters is), as in most
/// engines. Distances are counted on folded UTF-8 bytes (accents are already folded away, so in practice on
/// letters).
struct TypoMatcher {
    /// The typo budget for a word of `length` letters: none under 5, 1 from 5, 2 from 9.
    static func allowedEdits(forLength length: Int) -> Int {
        length >= 9 ? 2 : (length >= 5 ? 1 : 0)
    }

    /// The first term after `i` that does not start with `t[0..<d]` (term `i` is `t`). Galloping
    /// from `i`, since most skipped ranges are short.
    @inline(__always)
    private static func prefixEnd(_ terms: StringTable, _ t: UnsafeBufferPointer<UInt8>, _ d: Int, from i: Int, limit n: Int) -> Int {
        let p = UnsafeBufferPointer(rebasing: t[0..<d])
        var lo = i, step = 1, hi = i + 1
        while hi < n && terms.hasPrefix(hi, p) {
            lo = hi
            step <<= 1
            hi = i + step
        }
        hi = min(hi, n)
        var a = lo + 1, b = hi
        while a < b {
            let mid = (a + b) >> 1
            if terms.hasPrefix(mid, p) { a = mid + 1 } else { b = mid }
        }
        return a
    }

    struct Match {
        /// Terms `range` match (one term, or in prefix mode every term starting with an accepted prefix).
        var range: Range<Int>
        var distance: Int
    }

    /// Terms within `maxEdits` of `word`; in `prefixMode`, terms that *start* with something within
    /// `maxEdits` of `word` (the word being typed). Exact matches are included (distance 0).
    static func matches(_ word: [UInt8], maxEdits k: Int, prefixMode: Bool, in terms: StringTable,
                        limit: Int = 4096) -> [Match] {
        let n = word.count
        guard n > 0, terms.count > 0 else { return [] }
        // Like most engines, the first letter is trusted (a swap of the first two letters is still
        // found): only terms starting with word[0] or word[1] are walked, a small part of the dictionary.
        var out: [Match] = []
        var firsts: [UInt8] = [word[0]]
        if n > 1 && word[1] != word[0] { firsts.append(word[1]) }
        firsts.sort()
        for f in firsts {
            let range = [f].withUnsafeBufferPointer { terms.prefixRange($0) }
            walk(word, k, prefixMode, terms, range, &out, limit)
        }
        return out
    }

    /// The trie walk over `range` (all terms sharing a first letter), appending to `out`.
    private static func walk(_ word: [UInt8], _ k: Int, _ prefixMode: Bool, _ terms: StringTable,
                             _ range: Range<Int>, _ out: inout [Match], _ limit: Int) {
        let n = word.count
        let maxDepth = n + k
        let width = n + 1
        let big = Int32(k + 1)
        var rows = [Int32](repeating: big, count: (maxDepth + 1) * width)
        for j in 0...n { rows[j] = Int32(j) }
        var bestLast = [Int32](repeating: Int32.max, count: maxDepth + 1)
        bestLast[0] = Int32(n)
        let kk = Int32(k)
        word.withUnsafeBufferPointer { q in
            rows.withUnsafeMutableBufferPointer { D in
                var prev: UnsafeBufferPointer<UInt8>? = nil
                var valid = 0           // rows 0...valid hold the prefix of `prev`
                var i = range.lowerBound
                let count = range.upperBound
                while i < count {
                    let t = terms.buffer(i)
                    var lcp = 0
                    if let p = prev {
                        let m = min(valid, t.count, p.count)
                        while lcp < m && p[lcp] == t[lcp] { lcp += 1 }
                    }
                    var d = lcp
                    let stop = min(t.count, maxDepth)
                    var skipTo = -1
                    while d < stop {
                        // Row i = d + 1, only the diagonal band |i - j| <= k can stay within k edits.
                        let c = t[d]
                        let row = d + 1
                        let r = row * width, r1 = d * width
                        D[r] = Int32(row)
                        let lo = max(1, row - k), hi = min(n, row + k)
                        if lo > 1 { D[r + lo - 1] = big }
                        var rowMin = row <= k ? Int32(row) : big
                        var j = lo
                        while j <= hi {
                            let cost: Int32 = c == q[j - 1] ? 0 : 1
                            var v = min(D[r1 + j] + 1, D[r + j - 1] + 1, D[r1 + j - 1] + cost)
                            if d >= 1 && j >= 2 && c == q[j - 2] && t[d - 1] == q[j - 1] {
                                v = min(v, D[(d - 1) * width + j - 2] + 1)
                            }
                            D[r + j] = v
                            if v < rowMin { rowMin = v }
                            j += 1
                        }
                        if hi < n { D[r + hi + 1] = big }
                        d += 1
                        bestLast[d] = min(bestLast[d - 1], hi == n ? D[r + n] : big)
                        if prefixMode && bestLast[d] <= kk {
                            // Every term starting with t[0..<d] matches.
                            let end = prefixEnd(terms, t, d, from: i, limit: count)
                            out.append(Match(range: i..<end, distance: Int(bestLast[d])))
                            skipTo = end
                            break
                        }
                        if rowMin > kk {
                            skipTo = prefixEnd(terms, t, d, from: i, limit: count)
                            break
                        }
                    }
                    prev = t
                    valid = d
                    if skipTo >= 0 {
                        i = max(skipTo, i + 1)
                    } else {
                        if !prefixMode && d == t.count && abs(d - n) <= k && D[d * width + n] <= kk {
                            out.append(Match(range: i..<(i + 1), distance: Int(D[d * width + n])))
                        }
                        i += 1
                    }
                    if out.count >= limit { break }
                }
            }
        }
    }
}
