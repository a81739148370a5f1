/// Interns folded terms (UTF-8 bytes) to dense ids while building, without a String per token:
/// open addressing over FNV-1a hashes, term bytes in one arena. Each slot packs the hash's high
/// 32 bits with the id, so a probe compares hashes without touching another array.
struct TermHashTable {
    private(set) var arena: [UInt8] = []
    /// Start of each term in `arena`; term i ends at `starts[i + 1]` (or the arena's end).
    private(set) var starts: [UInt32] = []
    private var slots: [UInt64]
    private var mask: Int
    private static let empty = UInt64.max

    init(capacity: Int = 1 << 16) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: Self.empty, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
        starts.reserveCapacity(capacity)
    }

    var count: Int { starts.count }

    func bytes(_ id: Int) -> ArraySlice<UInt8> {
        let s = Int(starts[id]), e = id + 1 < starts.count ? Int(starts[id + 1]) : arena.count
        return arena[s..<e]
    }

    /// The id of `term`, adding it if new.
    mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        var h = Checksum.fnvOffset
        for b in term { h = (h ^ UInt64(b)) &* Checksum.fnvPrime }
        let tag = h & 0xFFFF_FFFF_0000_0000
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[i]
            if slot == Self.empty { break }
            if slot & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(slot & 0xFFFF_FFFF)
                if equals(id, term) { return id }
            }
            i = (i + 1) & mask
        }
        let id = starts.count
        starts.append(UInt32(arena.count))
        arena.append(contentsOf: term)
        slots[i] = tag | UInt64(id)
        if starts.count * 2 > slots.count { grow() }
        return id
    }

    @inline(__always)
    private func equals(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = Int(starts[id]), e = id + 1 < starts.count ? Int(starts[id + 1]) : arena.count
        guard e - s == term.count else { return false }
        var j = 0
        while j < term.count { if arena[s + j] != term[j] { return false }; j += 1 }
        return true
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [UInt64](repeating: Self.empty, count: size)
        mask = size - 1
        for id in 0..<starts.count {
            var h = Checksum.fnvOffset
            for b in bytes(id) { h = (h ^ UInt64(b)) &* Checksum.fnvPrime }
            var i = Int(truncatingIfNeeded: h) & mask
            while fresh[i] != Self.empty { i = (i + 1) & mask }
            fresh[i] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(id)
        }
        slots = fresh
    }
}
