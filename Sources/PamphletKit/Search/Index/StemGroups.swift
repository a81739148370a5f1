/// The snapshot's stem groups: per language, the stem and the dictionary words that have it, for
/// every (language, stem) that is not just one word equal to its stem (that case needs no group: the
/// word itself is found).
///
/// Keys are a language byte followed by the stem, interned in a `TermHashTable` (not a Dictionary
/// of byte arrays, whose hashing, resizing and freeing cost more than the stemming); each group's
/// words are chained in dictionary order. Output order: keys sorted by bytes.
struct StemGroups {
    var keyOffsets: [UInt32] = [0]
    var keyBytes: [UInt8] = []
    var termStart: [UInt32] = [0]
    var terms: [UInt32] = []

    /// `languageMasks[t]`: bit l set when sorted term t occurs in a section of language l.
    init(termOffsets: [UInt32], termBytes: [UInt8], languageMasks: [UInt32], stemmers: [Stemmer]) {
        var keys = TermHashTable()
        var head: [Int32] = [], tail: [Int32] = [], size: [Int32] = []
        var memberTerm: [UInt32] = [], memberNext: [Int32] = []
        var key: [UInt8] = []
        let allBytes = termBytes
        for t in 0..<languageMasks.count {
            var mask = languageMasks[t]
            guard mask != 0 else { continue }
            while mask != 0 {
                let lang = mask.trailingZeroBitCount
                mask &= mask - 1
                guard lang < stemmers.count else { continue }
                key.removeAll(keepingCapacity: true)
                key.append(UInt8(lang))
                allBytes.withUnsafeBufferPointer { bytes in
                    let term = UnsafeBufferPointer(rebasing: bytes[Int(termOffsets[t])..<Int(termOffsets[t + 1])])
                    stemmers[lang].appendStem(term, to: &key)
                }
                let g = key.withUnsafeBufferPointer { keys.intern($0) }
                if g == head.count { head.append(-1); tail.append(-1); size.append(0) }
                let m = Int32(memberTerm.count)
                memberTerm.append(UInt32(t))
                memberNext.append(-1)
                if tail[g] >= 0 { memberNext[Int(tail[g])] = m } else { head[g] = m }
                tail[g] = m
                size[g] += 1
            }
        }
        for g in keys.sortedIDs() {
            let g = Int(g)
            let stored = keys.bytes(g)
            if size[g] == 1 {
                // One word: kept only when its stem differs from it.
                let t = Int(memberTerm[Int(head[g])])
                if stored.dropFirst().elementsEqual(termBytes[Int(termOffsets[t])..<Int(termOffsets[t + 1])]) { continue }
            }
            keyBytes.append(contentsOf: stored)
            keyOffsets.append(UInt32(keyBytes.count))
            var m = Int(head[g])
            while m >= 0 {
                terms.append(memberTerm[m])
                m = Int(memberNext[m])
            }
            termStart.append(UInt32(terms.count))
        }
    }
}
