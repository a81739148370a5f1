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

    /// A fast whole-file checksum: FNV-1a's xor-multiply step on 64-bit little-endian words in four
    /// independent lanes (so the multiplies overlap), with an xor-shift after each step so high bits
    /// reach low ones; lanes and length are folded together at the end. It reads about 8 bytes per cycle
    /// where byte-wise FNV-1a reads one, which keeps validating a 15 MB snapshot at startup to a few ms.
    /// It detects accidental damage (flipped bytes, truncation); it is not a cryptographic hash.
    static func words(_ base: UnsafeRawPointer, count: Int) -> UInt64 {
        var h0: UInt64 = fnvOffset, h1: UInt64 = 0x9e37_79b9_7f4a_7c15
        var h2: UInt64 = 0xc2b2_ae3d_27d4_eb4f, h3: UInt64 = 0x1656_67b1_9e37_79f9
        let p = fnvPrime
        let words = count / 8
        var i = 0
        while i + 4 <= words {
            let w0 = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
            let w1 = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i * 8 + 8, as: UInt64.self))
            let w2 = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i * 8 + 16, as: UInt64.self))
            let w3 = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i * 8 + 24, as: UInt64.self))
            h0 = (h0 ^ w0) &* p; h0 ^= h0 >> 29
            h1 = (h1 ^ w1) &* p; h1 ^= h1 >> 29
            h2 = (h2 ^ w2) &* p; h2 ^= h2 >> 29
            h3 = (h3 ^ w3) &* p; h3 ^= h3 >> 29
            i += 4
        }
        while i < words {
            let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
            h0 = (h0 ^ w) &* p; h0 ^= h0 >> 29
            i += 1
        }
        var j = words * 8
        while j < count {
            h1 = (h1 ^ UInt64(base.load(fromByteOffset: j, as: UInt8.self))) &* p
            j += 1
        }
        var h = h0
        for x in [h1, h2, h3, UInt64(count)] { h = (h ^ x) &* p; h ^= h >> 31 }
        return h
    }
}
