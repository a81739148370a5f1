/// Decides which words of a text to highlight: the indexed terms a query matched (exact, stems,
/// synonyms, typos, chosen completions) and anything starting with the word being typed.
///
/// Terms are kept as 64-bit FNV-1a hashes in a small open-addressing table, so testing a token
/// costs one hash and usually one probe.
struct HighlightMatcher {
    private var slots = [UInt64](repeating: 0, count: 64)   // 0 = empty
    private var used = 0
    private var prefixes: [[UInt8]] = []
    /// The index's ids of the terms added with `add(term:_:)`: where the index has positions for them.
    private(set) var termIDs: [Int32] = []

    var isEmpty: Bool { used == 0 && prefixes.isEmpty }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = Checksum.fnvOffset
        for b in bytes { h = (h ^ UInt64(b)) &* Checksum.fnvPrime }
        return h | 1   // never 0, the empty marker
    }

    mutating func add(_ term: UnsafeBufferPointer<UInt8>) {
        let h = Self.hash(term)
        if contains(h) { return }
        if (used + 1) * 2 > slots.count {
            let old = slots
            slots = [UInt64](repeating: 0, count: old.count * 2)
            used = 0
            for x in old where x != 0 { insert(x) }
        }
        insert(h)
    }

    mutating func add(_ term: [UInt8]) { term.withUnsafeBufferPointer { add($0) } }

    /// Adds the index's term `id` (spelled `bytes`): highlighted, and its positions choose the window.
    mutating func add(term id: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        let h = Self.hash(bytes)
        if contains(h) { return }
        termIDs.append(Int32(clamping: id))
        add(bytes)
    }

    mutating func addPrefix(_ prefix: [UInt8]) { if !prefix.isEmpty { prefixes.append(prefix) } }

    private mutating func insert(_ h: UInt64) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h >> 7) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = h
        used += 1
    }

    @inline(__always)
    private func contains(_ h: UInt64) -> Bool {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h >> 7) & mask
        while true {
            let x = slots[i]
            if x == h { return true }
            if x == 0 { return false }
            i = (i + 1) & mask
        }
    }

    /// The match key of a token (its hash), or nil when it should not be highlighted.
    @inline(__always)
    func key(_ term: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let h = Self.hash(term)
        if contains(h) { return h }
        for p in prefixes where term.count >= p.count {
            var same = true
            for j in 0..<p.count where term[j] != p[j] { same = false; break }
            if same { return h }
        }
        return nil
    }
}
