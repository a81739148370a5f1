/// Per section, a Bloom filter of its adjacent word pairs that have a stop word in them ("is set",
/// "set for", "the bytes"), so a phrase of common words passes over most sections without reading
/// their positions.
///
/// "is set for" has about a thousand candidate sections (every one holding all three words), and
/// reading three position lists in each was most of the phrase's time. Both pairs of the phrase
/// must be in a section's filter before its positions are read. A filter never misses a pair that
/// is there: it is built from the same tokens as the positions (pairs within one field, as a
/// phrase never spans the gap between fields), so it only turns away sections, never a match.
///
/// Pairs without a stop word are left out: two rarer words already make a short candidate list.
/// Blocked: a pair's three bits are in one 64-bit word (one load and one compare to test, one
/// store to add). Stored as `pairFilterStart` (UInt32 × (sections + 1), byte offsets) into
/// `pairFilters` (little-endian 64-bit words); a section's filter has `bitsPerPair` bits per pair
/// it saw (repeats included) in whole words, and is empty when it saw none.
enum PairFilters {
    static let bitsPerPair = 4

    /// The hash of a term's bytes the filters are keyed by (the builder's interning hash).
    @inline(__always)
    static func termHash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let p = term.baseAddress, !term.isEmpty else { return 0 }
        return TermHashTable.hash(UnsafeRawPointer(p), term.count)
    }

    /// The key of the pair `first second` (order matters).
    @inline(__always)
    static func pairHash(_ first: UInt64, _ second: UInt64) -> UInt64 {
        var h = (first &* 0x9E37_79B9_7F4A_7C15) ^ second
        h ^= h >> 32
        h &*= 0xD6E8_FEB8_6659_FD93
        h ^= h >> 29
        return h
    }

    /// The word of a filter of `words` words that holds `pair` (its high bits, reduced by a
    /// multiply rather than a division).
    @inline(__always)
    static func word(_ pair: UInt64, of words: Int) -> Int { Int(((pair >> 32) &* UInt64(words)) >> 32) }

    /// The three bits `pair` sets in its word (from its low bits).
    @inline(__always)
    static func bits(_ pair: UInt64) -> UInt64 {
        (1 << (pair & 63)) | (1 << ((pair >> 6) & 63)) | (1 << ((pair >> 12) & 63))
    }

    /// Whether a filter of `words` words at `base` may hold every one of `pairs` (false only if
    /// one is surely absent).
    @inline(__always)
    static func mayContain(_ base: UnsafeRawPointer?, words: Int, all pairs: [UInt64]) -> Bool {
        guard words > 0, let base else { return pairs.isEmpty }
        for pair in pairs {
            let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * word(pair, of: words), as: UInt64.self))
            let b = bits(pair)
            if w & b != b { return false }
        }
        return true
    }

    /// Collects the builder's pairs section by section (`IndexBuilder`).
    struct Writer {
        private(set) var starts: [UInt32] = [0]
        private(set) var words: [UInt64] = []
        /// The open section's pairs (the builder appends to it directly in its token loop).
        let pending = GrowableBuffer<UInt64>()

        func see(pair: UInt64) { pending.append(pair) }

        /// Writes the section's filter from the pairs seen since the last call.
        mutating func endSection() {
            let count = pending.count
            if count > 0 {
                let size = (PairFilters.bitsPerPair * count + 63) / 64
                let start = words.count
                words.append(contentsOf: repeatElement(0, count: size))
                let pairs = pending.base
                words.withUnsafeMutableBufferPointer { out in
                    for k in 0..<count {
                        let pair = pairs[k]
                        out[start + PairFilters.word(pair, of: size)] |= PairFilters.bits(pair)
                    }
                }
                pending.removeAll()
            }
            starts.append(UInt32(clamping: words.count * 8))
        }
    }
}

extension IndexData {
    /// Whether section `s` may hold every one of `pairs` (`PairFilters`) next to each other.
    @inline(__always)
    func mayHavePairs(section s: Int, _ pairs: [UInt64]) -> Bool {
        let start = pairFilterStart.int(s), end = pairFilterStart.int(s + 1)
        return PairFilters.mayContain(pairFilters.base.map { UnsafeRawPointer($0 + start) }, words: (end - start) / 8, all: pairs)
    }

    /// The keys of the adjacent pairs of `terms` (a phrase's words in order) that have a stop word in
    /// them: those a section's filter has if the phrase is there.
    func stopWordPairs(_ terms: [Int]) -> [UInt64] {
        guard terms.count > 1 else { return [] }
        let hashes = terms.map { PairFilters.termHash(self.terms.buffer($0)) }
        var out: [UInt64] = []
        for i in 1..<terms.count where isStopWord(terms[i - 1]) || isStopWord(terms[i]) {
            out.append(PairFilters.pairHash(hashes[i - 1], hashes[i]))
        }
        return out
    }
}
