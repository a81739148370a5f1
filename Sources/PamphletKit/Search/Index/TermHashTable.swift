/// Interns folded terms (UTF-8 bytes) to dense ids while building, without a String per token:
/// open addressing, term bytes in one arena.
///
/// Every token probes the table, and the probe's cache misses were most of `intern`'s time: a slot
/// (two words) therefore holds the term's first 8 bytes and, in the other word, its length, 24 bits
/// of the hash and id + 1 (0: empty). A term of up to 8 bytes (most words) is matched from its slot
/// alone; only a longer one compares the rest in the arena.
///
/// Ids are only build-time handles (the builder renumbers terms in byte order), so the hash function
/// does not show in the snapshot.
struct TermHashTable {
    private(set) var arena: [UInt8] = []
    /// Start of each term in `arena`; term i ends at `starts[i + 1]` (or the arena's end).
    private(set) var starts: [UInt32] = []
    /// Two words per slot: the term's first 8 bytes (zero padded), then tag << 40 | length << 32 | id + 1.
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 1 << 12) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: 2 * size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
        starts.reserveCapacity(capacity)
    }

    var count: Int { starts.count }

    /// Where term `id` lies in `arena`.
    @inline(__always)
    private func span(_ id: Int) -> (start: Int, end: Int) {
        (Int(starts[id]), id + 1 < starts.count ? Int(starts[id + 1]) : arena.count)
    }

    func bytes(_ id: Int) -> ArraySlice<UInt8> {
        let (s, e) = span(id)
        return arena[s..<e]
    }

    /// Every id, ordered by the terms' bytes (a shorter term before the longer one it begins).
    ///
    /// Sorted on each term's first 8 bytes as one big-endian integer (zero padded), comparing whole
    /// terms only when those are equal: padding orders a term before any longer one it begins, so
    /// the integers never contradict the byte order. The integers are radix-sorted (a byte per
    /// pass; a comparison sort with its closure was 2.7% of a build), then each run of equal ones
    /// is sorted by whole terms.
    func sortedIDs() -> [Int32] {
        let n = count
        var keys = [UInt64](repeating: 0, count: n)
        var ids = [Int32](repeating: 0, count: n)
        arena.withUnsafeBytes { arena in
            for id in 0..<n {
                let (s, e) = span(id)
                keys[id] = (e > s ? Self.prefix(arena.baseAddress! + s, e - s) : 0).byteSwapped   // byte 0 most significant
                ids[id] = Int32(id)
            }
        }
        Self.radixSort(&keys, &ids)
        arena.withUnsafeBufferPointer { arena in
            func less(_ x: Int32, _ y: Int32) -> Bool {
                let (a0, a1) = span(Int(x)), (b0, b1) = span(Int(y))
                let m = min(a1 - a0, b1 - b0)
                for j in 0..<m where arena[a0 + j] != arena[b0 + j] { return arena[a0 + j] < arena[b0 + j] }
                return a1 - a0 < b1 - b0
            }
            var i = 0
            while i < n {
                var j = i + 1
                while j < n && keys[j] == keys[i] { j += 1 }
                if j - i > 1 { ids[i..<j].sort(by: less) }
                i = j
            }
        }
        return ids
    }

    /// Sorts `keys` ascending, carrying `values` along: least significant byte first, a counting
    /// sort per byte (a pass is skipped when every key has the same byte there).
    static func radixSort(_ keys: inout [UInt64], _ values: inout [Int32]) {
        let n = keys.count
        var otherKeys = [UInt64](repeating: 0, count: n)
        var otherValues = [Int32](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 256)
        for shift in stride(from: UInt64(0), to: 64, by: 8) {
            let skipped: Bool = keys.withUnsafeBufferPointer { keys in
                values.withUnsafeBufferPointer { values in
                otherKeys.withUnsafeMutableBufferPointer { outKeys in
                otherValues.withUnsafeMutableBufferPointer { outValues in
                counts.withUnsafeMutableBufferPointer { counts in
                    for k in 0..<256 { counts[k] = 0 }
                    for i in 0..<n { counts[Int(truncatingIfNeeded: keys[i] >> shift) & 0xFF] += 1 }
                    if counts.contains(n) { return true }
                    var sum = 0
                    for k in 0..<256 { let c = counts[k]; counts[k] = sum; sum += c }
                    for i in 0..<n {
                        let b = Int(truncatingIfNeeded: keys[i] >> shift) & 0xFF
                        let at = counts[b]
                        counts[b] = at + 1
                        outKeys[at] = keys[i]
                        outValues[at] = values[i]
                    }
                    return false
                }}}}
            }
            if skipped { continue }
            swap(&keys, &otherKeys)
            swap(&values, &otherValues)
        }
    }

    /// A 64-bit hash of `n` bytes at `p`, reading 8 bytes at a time (a short tail as two
    /// overlapping loads, as wyhash does) and mixing with a folded 128-bit multiply: FNV-1a's
    /// multiply per byte was a tenth of the build.
    @inline(__always)
    static func hash(_ p: UnsafeRawPointer, _ n: Int) -> UInt64 {
        let k0: UInt64 = 0xA076_1D64_78BD_642F, k1: UInt64 = 0xE703_7ED1_A0B4_28DB
        @inline(__always) func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
            let m = a.multipliedFullWidth(by: b)
            return m.high ^ m.low
        }
        var h = UInt64(n) &* k0
        var i = 0
        while i + 8 <= n {
            h = mix(h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self), k1)
            i += 8
        }
        let r = n - i
        if r > 0 {
            let tail: UInt64
            if r >= 4 {
                tail = UInt64(p.loadUnaligned(fromByteOffset: i, as: UInt32.self))
                    | UInt64(p.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) << 32
            } else {
                tail = UInt64(p.load(fromByteOffset: i, as: UInt8.self))
                    | UInt64(p.load(fromByteOffset: i + r / 2, as: UInt8.self)) << 8
                    | UInt64(p.load(fromByteOffset: n - 1, as: UInt8.self)) << 16
            }
            h = mix(h ^ tail, k1)
        }
        return mix(h, k0)
    }

    /// The first 8 bytes of `n` at `p`, zero padded (byte 0 lowest), read without going past the end.
    @inline(__always)
    private static func prefix(_ p: UnsafeRawPointer, _ n: Int) -> UInt64 {
        if n >= 8 { return UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)) }
        if n >= 4 {
            // Two overlapping loads: the overlap holds the same bytes in both.
            return UInt64(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
                | UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))) << UInt64(8 * (n - 4))
        }
        var v: UInt64 = 0
        for i in 0..<n { v |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << UInt64(8 * i) }
        return v
    }

    /// The slot's second word without the id: tag and length.
    @inline(__always)
    private static func key(hash h: UInt64, length n: Int) -> UInt64 {
        (h >> 40) << 40 | UInt64(n & 0xFF) << 32
    }

    /// The id of `term`, adding it if new.
    mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        guard let p = term.baseAddress, !term.isEmpty else { return internEmpty() }
        return intern(term, hash: Self.hash(UnsafeRawPointer(p), term.count))
    }

    /// `intern(term)` when `hash` is `TermHashTable.hash` of its bytes.
    mutating func intern(_ term: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int {
        let n = term.count
        guard let p = term.baseAddress.map(UnsafeRawPointer.init), n > 0 else { return internEmpty() }
        let key = Self.key(hash: h, length: n)
        let head = Self.prefix(p, n)
        let found: Int = slots.withUnsafeBufferPointer { slots in
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let meta = slots[2 * i + 1]
                if meta == 0 { return -1 - i }
                if meta & ~0xFFFF_FFFF == key && slots[2 * i] == head {
                    let id = Int(meta & 0xFFFF_FFFF) - 1
                    if n <= 8 { return id }
                    // The length in the slot is only 8 bits: check it in full here.
                    let (s, e) = span(id)
                    if e - s == n && arena.withUnsafeBytes({ Self.equal($0.baseAddress! + s + 8, p + 8, n - 8) }) { return id }
                }
                i = (i + 1) & mask
            }
        }
        if found >= 0 { return found }
        let id = starts.count
        precondition(id < 0xFFFF_FFFF, "more than 2^32 - 1 distinct terms")
        starts.append(UInt32(arena.count))
        arena.append(contentsOf: term)
        slots[2 * (-1 - found)] = head
        slots[2 * (-1 - found) + 1] = key | UInt64(id + 1)
        if starts.count * 2 > slots.count / 2 { grow() }
        return id
    }

    /// The empty term (never produced by the tokenizer) gets an id like any other, found by a scan.
    private mutating func internEmpty() -> Int {
        for id in 0..<starts.count {
            let (s, e) = span(id)
            if s == e { return id }
        }
        starts.append(UInt32(arena.count))
        return starts.count - 1
    }

    /// Byte equality of two short runs (terms are at most 48 bytes) with word loads, no call.
    @inline(__always)
    private static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Bool {
        if n >= 8 {
            var i = 0
            while i + 8 < n {
                if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
                i += 8
            }
            return a.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        }
        if n >= 4 {
            return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                && a.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == b.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
        }
        var i = 0
        while i < n {
            if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
            i += 1
        }
        return true
    }

    private mutating func grow() {
        let size = slots.count   // twice the slots: two words each
        var fresh = [UInt64](repeating: 0, count: 2 * size)
        mask = size - 1
        arena.withUnsafeBytes { arena in
            for id in 0..<starts.count {
                let (s, e) = span(id)
                guard e > s else { continue }   // the empty term is found by a scan
                let p = arena.baseAddress! + s
                let h = Self.hash(p, e - s)
                var i = Int(truncatingIfNeeded: h) & mask
                while fresh[2 * i + 1] != 0 { i = (i + 1) & mask }
                fresh[2 * i] = Self.prefix(p, e - s)
                fresh[2 * i + 1] = Self.key(hash: h, length: e - s) | UInt64(id + 1)
            }
        }
        slots = fresh
    }
}
