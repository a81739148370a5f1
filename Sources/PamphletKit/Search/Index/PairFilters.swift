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
/// Stored as `pairFilterStart` (UInt32 × (sections + 1)) into `pairFilters` (bytes); a section's
/// filter has `bitsPerPair` bits per pair it saw (repeats included), at least 32, in whole bytes,
/// and is empty when it saw none. About 0.05x the corpus for a false positive rate near 8% a pair.
enum PairFilters {
    static let bitsPerPair = 4
    static let probes = 3
    static let minimumBits = 32

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
        h ^= h >> 32
        return h
    }

    /// The bit probe `i` of `pair` sets in a filter of `bits` bits (double hashing, reduced by a
    /// multiply rather than a division).
    @inline(__always)
    static func bit(_ pair: UInt64, probe i: Int, of bits: Int) -> Int {
        let x = UInt32(truncatingIfNeeded: pair) &+ UInt32(truncatingIfNeeded: i) &* (UInt32(truncatingIfNeeded: pair >> 32) | 1)
        return Int((UInt64(x) &* UInt64(bits)) >> 32)
    }

    /// Whether `filter` may hold every one of `pairs` (false only if one is surely absent).
    static func mayContain(_ filter: UnsafeBufferPointer<UInt8>, all pairs: [UInt64]) -> Bool {
        let bits = filter.count * 8
        guard bits > 0 else { return pairs.isEmpty }
        for pair in pairs {
            for i in 0..<probes {
                let b = bit(pair, probe: i, of: bits)
                if filter[b >> 3] & (1 << UInt8(b & 7)) == 0 { return false }
            }
        }
        return true
    }

    /// Collects the builder's pairs section by section (`IndexBuilder`).
    struct Writer {
        private(set) var starts: [UInt32] = [0]
        private(set) var bytes: [UInt8] = []
        private let pending = GrowableBuffer<UInt64>()

        @inline(__always)
        func see(pair: UInt64) { pending.append(pair) }

        /// Writes the section's filter from the pairs seen since the last call.
        mutating func endSection() {
            let count = pending.count
            if count > 0 {
                let bits = (max(PairFilters.minimumBits, PairFilters.bitsPerPair * count) + 7) / 8 * 8
                let start = bytes.count
                bytes.append(contentsOf: repeatElement(0, count: bits / 8))
                bytes.withUnsafeMutableBufferPointer { out in
                    for k in 0..<count {
                        let pair = pending.base[k]
                        for i in 0..<PairFilters.probes {
                            let b = PairFilters.bit(pair, probe: i, of: bits)
                            out[start + (b >> 3)] |= 1 << UInt8(b & 7)
                        }
                    }
                }
                pending.removeAll()
            }
            starts.append(UInt32(clamping: bytes.count))
        }
    }
}

extension IndexData {
    /// Whether section `s` may hold every one of `pairs` (`PairFilters`) next to each other.
    @inline(__always)
    func mayHavePairs(section s: Int, _ pairs: [UInt64]) -> Bool {
        let start = pairFilterStart.int(s), end = pairFilterStart.int(s + 1)
        return PairFilters.mayContain(UnsafeBufferPointer(rebasing: pairFilters.buffer[start..<end]), all: pairs)
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
