/// Read-only views over arrays stored in a snapshot image (little-endian, 8-byte aligned starts).
/// They hold raw pointers into storage the owning `IndexData` keeps alive.
struct U32Array {
    let base: UnsafePointer<UInt32>?
    let count: Int
    @inline(__always) subscript(i: Int) -> UInt32 { base.unsafelyUnwrapped[i] }
    @inline(__always) func int(_ i: Int) -> Int { Int(base.unsafelyUnwrapped[i]) }
}

struct ByteArray {
    let base: UnsafePointer<UInt8>?
    let count: Int
    @inline(__always) subscript(i: Int) -> UInt8 { base.unsafelyUnwrapped[i] }
    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}

/// Strings as one UTF-8 run plus `count + 1` offsets (validated monotonic and in bounds when opened).
struct StringTable {
    let offsets: U32Array
    let bytes: ByteArray
    var count: Int { max(offsets.count - 1, 0) }

    @inline(__always) func start(_ i: Int) -> Int { offsets.int(i) }
    @inline(__always) func length(_ i: Int) -> Int { offsets.int(i + 1) - offsets.int(i) }

    @inline(__always) func buffer(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let s = offsets.int(i)
        return UnsafeBufferPointer(start: bytes.base.map { $0 + s }, count: offsets.int(i + 1) - s)
    }

    func string(_ i: Int) -> String { String(decoding: buffer(i), as: UTF8.self) }

    /// Compares entry `i` with `key` bytewise (UTF-8 order is code point order).
    @inline(__always) func compare(_ i: Int, _ key: UnsafeBufferPointer<UInt8>) -> Int {
        let a = buffer(i)
        let n = min(a.count, key.count)
        var j = 0
        while j < n {
            let x = a[j], y = key[j]
            if x != y { return x < y ? -1 : 1 }
            j += 1
        }
        return a.count == key.count ? 0 : (a.count < key.count ? -1 : 1)
    }

    /// First index whose entry is not less than `key` (the table must be sorted).
    func lowerBound(_ key: UnsafeBufferPointer<UInt8>, from lo: Int = 0) -> Int {
        var lo = lo, hi = count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if compare(mid, key) < 0 { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Index of the entry equal to `key`, if any.
    func find(_ key: [UInt8]) -> Int? {
        key.withUnsafeBufferPointer { k in
            let i = lowerBound(k)
            return i < count && compare(i, k) == 0 ? i : nil
        }
    }

    /// True when entry `i` starts with `prefix`.
    @inline(__always) func hasPrefix(_ i: Int, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        let a = buffer(i)
        guard a.count >= prefix.count else { return false }
        var j = 0
        while j < prefix.count { if a[j] != prefix[j] { return false }; j += 1 }
        return true
    }

    /// The range of entries starting with `prefix`, searching from `lo`.
    func prefixRange(_ prefix: UnsafeBufferPointer<UInt8>, from lo: Int = 0) -> Range<Int> {
        let start = lowerBound(prefix, from: lo)
        var a = start, b = count
        while a < b {
            let mid = (a + b) >> 1
            if hasPrefix(mid, prefix) { a = mid + 1 } else { b = mid }
        }
        return start..<a
    }
}

/// Section numbers of the postings: UInt16 when every section number fits (most libraries, and
/// a third less on disk), else UInt32. The width is the array's byte length over the posting count.
struct SectionArray {
    let base16: UnsafePointer<UInt16>?
    let base32: UnsafePointer<UInt32>?
    let count: Int

    @inline(__always) subscript(i: Int) -> UInt32 {
        if let b = base16 { return UInt32(b[i]) }
        return base32.unsafelyUnwrapped[i]
    }

    /// The first index in `range` whose section is at least `section` (`range.upperBound` if none):
    /// a term's postings are in section order, so this finds a section's posting by binary search.
    @inline(__always) func lowerBound(of section: UInt32, in range: Range<Int>) -> Int {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi {
            let mid = (lo + hi) >> 1
            if self[mid] < section { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// `lowerBound(of:in:)` for a search that moves forward through a list (intersecting sorted
    /// lists): galloping from the range's start costs the log of the distance moved, not of the range.
    @inline(__always) func gallopingLowerBound(of section: UInt32, in range: Range<Int>) -> Int {
        var lo = range.lowerBound, step = 1
        while lo < range.upperBound && self[lo] < section {
            let next = lo + step
            guard next < range.upperBound, self[next] < section else {
                return lowerBound(of: section, in: (lo + 1)..<min(next, range.upperBound))
            }
            lo = next + 1
            step <<= 1
        }
        return lo
    }
}
