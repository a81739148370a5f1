/// Decides which words of a text to highlight: the indexed terms a query matched (exact, stems,
/// synonyms, typos, chosen completions) and anything starting with the word being typed.
struct HighlightMatcher {
    private var hashes = Set<UInt64>()
    private var prefixes: [[UInt8]] = []

    var isEmpty: Bool { hashes.isEmpty && prefixes.isEmpty }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = Checksum.fnvOffset
        for b in bytes { h = (h ^ UInt64(b)) &* Checksum.fnvPrime }
        return h
    }

    mutating func add(_ term: UnsafeBufferPointer<UInt8>) { hashes.insert(Self.hash(term)) }

    mutating func add(_ term: [UInt8]) { term.withUnsafeBufferPointer { add($0) } }

    mutating func addPrefix(_ prefix: [UInt8]) { if !prefix.isEmpty { prefixes.append(prefix) } }

    /// The match key of a token (its hash), or nil when it should not be highlighted.
    func key(_ term: [UInt8]) -> UInt64? {
        let h = term.withUnsafeBufferPointer { Self.hash($0) }
        if hashes.contains(h) { return h }
        for p in prefixes where term.count >= p.count && term.starts(with: p) { return h }
        return nil
    }
}
