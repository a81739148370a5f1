/// Interns folded terms (UTF-8 bytes) to dense ids while building, without a String per token:
/// open addressing, term bytes in one arena. Each 32-bit slot packs 6 bits of the hash with id + 1
/// (0: empty), so a probe rarely touches the arena for another term, and the table stays small
/// enough for the CPU's L2 cache (every token probes it; with 64-bit slots half of `intern` was the
/// slot's cache miss). Up to 2^26 - 1 terms, far beyond what the 32-bit posting offsets allow.
///
/// Ids are only build-time handles (the builder renumbers terms in byte order), so the hash function
/// does not show in the snapshot.
struct TermHashTable {
    private(set) var arena: [UInt8] = []
    /// Start of each term in `arena`; term i ends at `starts[i + 1]` (or the arena's end).
    private(set) var starts: [UInt32] = []
    private var slots: [UInt32]
    private var mask: Int
    private static let idBits: UInt32 = 26
    private static let idMask: UInt32 = 1 << idBits - 1

    init(capacity: Int = 1 << 12) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt32](repeating: 0, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
        starts.reserveCapacity(capacity)
    }

    var count: Int { starts.count }

    func bytes(_ id: Int) -> ArraySlice<UInt8> {
        let s = Int(starts[id]), e = id + 1 < starts.count ? Int(starts[id + 1]) : arena.count
        return arena[s..<e]
    }

    /// Every id, ordered by the terms' bytes (a shorter term before the longer one it begins).
    func sortedIDs() -> [Int32] {
        var order = [Int32](0..<Int32(count))
        arena.withUnsafeBufferPointer { arena in
            starts.withUnsafeBufferPointer { starts in
                func range(_ id: Int) -> (Int, Int) {
                    (Int(starts[id]), id + 1 < starts.count ? Int(starts[id + 1]) : arena.count)
                }
                order.sort { x, y in
                    let (a0, a1) = range(Int(x)), (b0, b1) = range(Int(y))
                    let n = min(a1 - a0, b1 - b0)
                    var j = 0
                    while j < n {
                        let p = arena[a0 + j], q = arena[b0 + j]
                        if p != q { return p < q }
                        j += 1
                    }
                    return a1 - a0 < b1 - b0
                }
            }
        }
        return order
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

    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard let p = bytes.baseAddress else { return hash(UnsafeRawPointer(bitPattern: 8)!, 0) }
        return hash(p, bytes.count)
    }

    /// The id of `term`, adding it if new.
    mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        let n = term.count
        let h = Self.hash(UnsafeRawBufferPointer(term))
        let tag = UInt32(truncatingIfNeeded: h >> 58) << Self.idBits
        let found: Int = slots.withUnsafeBufferPointer { slots in
            starts.withUnsafeBufferPointer { starts in
                arena.withUnsafeBytes { arena in
                    var i = Int(truncatingIfNeeded: h) & mask
                    while true {
                        let slot = slots[i]
                        if slot == 0 { return -1 - i }
                        if slot & ~Self.idMask == tag {
                            let id = Int(slot & Self.idMask) - 1
                            let s = Int(starts[id]), e = id + 1 < starts.count ? Int(starts[id + 1]) : arena.count
                            if e - s == n && Self.equal(arena.baseAddress! + s, UnsafeRawPointer(term.baseAddress!), n) { return id }
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
        if found >= 0 { return found }
        let id = starts.count
        precondition(id < Int(Self.idMask), "more than 2^26 distinct terms")
        starts.append(UInt32(arena.count))
        arena.append(contentsOf: term)
        slots[-1 - found] = tag | UInt32(id + 1)
        if starts.count * 2 > slots.count { grow() }
        return id
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
        let size = slots.count * 2
        var fresh = [UInt32](repeating: 0, count: size)
        mask = size - 1
        arena.withUnsafeBytes { arena in
            for id in 0..<starts.count {
                let s = Int(starts[id]), e = id + 1 < starts.count ? Int(starts[id + 1]) : arena.count
                let h = Self.hash(UnsafeRawBufferPointer(rebasing: arena[s..<e]))
                var i = Int(truncatingIfNeeded: h) & mask
                while fresh[i] != 0 { i = (i + 1) & mask }
                fresh[i] = UInt32(truncatingIfNeeded: h >> 58) << Self.idBits | UInt32(id + 1)
            }
        }
        slots = fresh
    }
}
