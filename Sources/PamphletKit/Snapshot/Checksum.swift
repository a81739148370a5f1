/// Hand-written hashes for the snapshot: a checksum over the whole file and FNV-1a for small keys.
enum Checksum {
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// Classic FNV-1a 64 over bytes (fingerprints, term hashes: short inputs).
    @inline(__always)
    static func fnv1a<S: Sequence>(_ bytes: S, seed: UInt64 = fnvOffset) -> UInt64 where S.Element == UInt8 {
        var h = seed
        for b in bytes { h = (h ^ UInt64(b)) &* fnvPrime }
        return h
    }

    /// A fast whole-file checksum: FNV-1a's xor-multiply step on 64-bit little-endian words in eight
    /// independent lanes (so the multiplies overlap), with an xor-shift after each step so high bits
    /// reach low ones; lanes and length are folded together at the end. Eight lanes read about twice
    /// as fast as four (the multiply chains were the limit), which keeps validating a 10 MB snapshot
    /// at startup around a millisecond. It detects accidental damage (flipped bytes, truncation);
    /// it is not a cryptographic hash.
    static func words(_ base: UnsafeRawPointer, count: Int) -> UInt64 {
        var lanes = Lanes()
        lanes.add(base, count: count)
        return lanes.finish()
    }

    /// `words` fed piece by piece (a file read in chunks): every piece but the last must be a
    /// multiple of 64 bytes, so each starts on the first lane as it would in one pass.
    struct Lanes {
        private var h0: UInt64 = fnvOffset, h1: UInt64 = 0x9e37_79b9_7f4a_7c15
        private var h2: UInt64 = 0xc2b2_ae3d_27d4_eb4f, h3: UInt64 = 0x1656_67b1_9e37_79f9
        private var h4: UInt64 = 0x27d4_eb2f_1656_67c5, h5: UInt64 = 0x85eb_ca77_c2b2_ae63
        private var h6: UInt64 = 0xff51_afd7_ed55_8ccd, h7: UInt64 = 0xc4ce_b9fe_1a85_ec53
        private var total = 0

        mutating func add(_ base: UnsafeRawPointer, count: Int) {
            // Locals, so the loop keeps the lanes in registers.
            var (h0, h1, h2, h3, h4, h5, h6, h7) = (self.h0, self.h1, self.h2, self.h3, self.h4, self.h5, self.h6, self.h7)
            let p = fnvPrime
            let words = count / 8
            @inline(__always) func word(_ i: Int) -> UInt64 {
                UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
            }
            var i = 0
            while i + 8 <= words {
                h0 = (h0 ^ word(i)) &* p; h0 ^= h0 >> 29
                h1 = (h1 ^ word(i + 1)) &* p; h1 ^= h1 >> 29
                h2 = (h2 ^ word(i + 2)) &* p; h2 ^= h2 >> 29
                h3 = (h3 ^ word(i + 3)) &* p; h3 ^= h3 >> 29
                h4 = (h4 ^ word(i + 4)) &* p; h4 ^= h4 >> 29
                h5 = (h5 ^ word(i + 5)) &* p; h5 ^= h5 >> 29
                h6 = (h6 ^ word(i + 6)) &* p; h6 ^= h6 >> 29
                h7 = (h7 ^ word(i + 7)) &* p; h7 ^= h7 >> 29
                i += 8
            }
            while i < words {
                h0 = (h0 ^ word(i)) &* p; h0 ^= h0 >> 29
                i += 1
            }
            var j = words * 8
            while j < count {
                h1 = (h1 ^ UInt64(base.load(fromByteOffset: j, as: UInt8.self))) &* p
                j += 1
            }
            (self.h0, self.h1, self.h2, self.h3, self.h4, self.h5, self.h6, self.h7) = (h0, h1, h2, h3, h4, h5, h6, h7)
            total += count
        }

        func finish() -> UInt64 {
            var h = h0
            for x in [h1, h2, h3, h4, h5, h6, h7, UInt64(total)] { h = (h ^ x) &* fnvPrime; h ^= h >> 31 }
            return h
        }
    }
}
