/// Interns folded terms (UTF-8 bytes) to dense ids while building, without a String per token:
/// open addressing over FNV-1a hashes, term bytes in one arena.
struct TermHashTable {
    private(set) var arena: [UInt8] = []
    /// Start of each term in `arena`; term i ends at `starts[i + 1]` (or the arena's end).
    private(set) var starts: [UInt32] = []
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var mask: Int

    init(capacity: Int = 1 << 16) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
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
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let id = Int(slots[i])
            if id < 0 { break }
            if hashes[id] == h && equals(id, term) { return id }
            i = (i + 1) & mask
        }
        let id = starts.count
        starts.append(UInt32(arena.count))
        arena.append(contentsOf: term)
        hashes.append(h)
        slots[i] = Int32(id)
        if starts.count * 2 > slots.count { grow() }
        return id
    }

    private func equals(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = Int(starts[id]), e = id + 1 < starts.count ? Int(starts[id + 1]) : arena.count
        guard e - s == term.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            var j = 0
            while j < term.count { if a[s + j] != term[j] { return false }; j += 1 }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (id, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(id)
        }
    }
}
