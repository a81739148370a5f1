/// Decides which words of a text to highlight: the indexed terms a query matched (exact, stems,
/// synonyms, typos, chosen completions), anything starting with the word being typed, and phrases
/// (quoted, or multi-word synonyms) where they stand whole.
///
/// Terms are kept as 64-bit FNV-1a hashes in small open-addressing tables, so testing a token
/// costs one hash and usually one probe.
struct HighlightMatcher {
    private var terms = HashSet64()
    private var prefixes: [[UInt8]] = []
    /// Phrases as hash sequences: their words are highlighted only where the whole phrase stands,
    /// not alone ("depression" had lit up every "low" and "disorder" through its synonyms "low
    /// mood" and "depressive disorder").
    private(set) var phrases: [[UInt64]] = []
    /// Hashes of the phrases' words.
    private var phraseWords = HashSet64()
    /// The index's ids of the terms added with `add(term:_:)` and of the phrases' words: where the
    /// index has positions that choose the window.
    private(set) var termIDs: [Int32] = []

    var isEmpty: Bool { terms.isEmpty && prefixes.isEmpty && phrases.isEmpty }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = Checksum.fnvOffset
        for b in bytes { h = (h ^ UInt64(b)) &* Checksum.fnvPrime }
        return h | 1   // never 0, the empty marker
    }

    mutating func add(_ term: UnsafeBufferPointer<UInt8>) { terms.insert(Self.hash(term)) }

    mutating func add(_ term: [UInt8]) { term.withUnsafeBufferPointer { add($0) } }

    /// Adds the index's term `id` (spelled `bytes`): highlighted, and its positions choose the window.
    mutating func add(term id: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        let h = Self.hash(bytes)
        if terms.contains(h) { return }
        if !phraseWords.contains(h) { termIDs.append(Int32(clamping: id)) }
        terms.insert(h)
    }

    mutating func addPrefix(_ prefix: [UInt8]) { if !prefix.isEmpty { prefixes.append(prefix) } }

    /// Adds a phrase of the index's terms (`ids`, spelled `bytes`): highlighted where it stands
    /// whole (see `markPhrases`). The window is chosen word by word from positions: a quoted
    /// phrase (which every hit holds) anchors it by all its words; a multi-word synonym only by its
    /// first, so the window opens where the phrase would, and its later words ("disorder" of
    /// "depressive disorder") do not pull it to where they stand alone (review E 6).
    mutating func addPhrase(_ ids: [Int], anchorsByEveryWord: Bool, _ bytes: (Int) -> UnsafeBufferPointer<UInt8>) {
        guard !ids.isEmpty else { return }
        let hashes = ids.map { Self.hash(bytes($0)) }
        if phrases.contains(hashes) { return }
        phrases.append(hashes)
        for (i, (id, h)) in zip(ids, hashes).enumerated() where !phraseWords.contains(h) {
            phraseWords.insert(h)
            if (anchorsByEveryWord || i == 0) && !terms.contains(h) { termIDs.append(Int32(clamping: id)) }
        }
    }

    /// The match key of a token (its hash), or nil when it should not be highlighted on its own.
    @inline(__always)
    func key(_ term: UnsafeBufferPointer<UInt8>) -> UInt64? {
        key(term, hash: Self.hash(term))
    }

    @inline(__always)
    private func key(_ term: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> UInt64? {
        if terms.contains(h) { return h }
        for p in prefixes where term.count >= p.count {
            var same = true
            for j in 0..<p.count where term[j] != p[j] { same = false; break }
            if same { return h }
        }
        return nil
    }

    /// A token's match key, and its hash when it is a match or a phrase's word (what `markPhrases`
    /// compares; 0 for other words): one hash for both.
    @inline(__always)
    func classify(_ term: UnsafeBufferPointer<UInt8>) -> (key: UInt64?, phraseHash: UInt64) {
        let h = Self.hash(term)
        let k = key(term, hash: h)
        return (k, k != nil || phraseWords.contains(h) ? h : 0)
    }

    /// Marks as matched every run of tokens spelling one of `phrases`. `hashes[i]` is token i's
    /// `classify(_:).phraseHash`; `isMatch` is updated in place. With `cutAtEnds` (a snippet's
    /// window) a phrase the window's edge cuts counts by its part inside, two words or more
    /// ("…also offer transcranial magnetic…").
    func markPhrases(_ hashes: [UInt64], _ isMatch: inout [Bool], cutAtEnds: Bool = false) {
        let n = hashes.count
        for phrase in phrases {
            let earliest = cutAtEnds ? -(phrase.count - 1) : 0
            let latest = cutAtEnds ? n - 1 : n - phrase.count
            guard earliest <= latest else { continue }
            for start in earliest...latest {
                let from = max(0, start), to = min(n, start + phrase.count)
                let whole = from == start && to == start + phrase.count
                guard whole || to - from >= 2 else { continue }
                var same = true
                for i in from..<to where hashes[i] != phrase[i - start] { same = false; break }
                if same { for i in from..<to { isMatch[i] = true } }
            }
        }
    }
}

/// A set of non-zero 64-bit hashes, open addressing with linear probing, at most half full.
struct HashSet64 {
    private var slots = [UInt64](repeating: 0, count: 64)   // 0 = empty
    private var used = 0

    var isEmpty: Bool { used == 0 }

    mutating func insert(_ h: UInt64) {
        if contains(h) { return }
        if (used + 1) * 2 > slots.count {
            let old = slots
            slots = [UInt64](repeating: 0, count: old.count * 2)
            used = 0
            for x in old where x != 0 { place(x) }
        }
        place(h)
    }

    private mutating func place(_ h: UInt64) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h >> 7) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = h
        used += 1
    }

    @inline(__always)
    func contains(_ h: UInt64) -> Bool {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h >> 7) & mask
        while true {
            let x = slots[i]
            if x == h { return true }
            if x == 0 { return false }
            i = (i + 1) & mask
        }
    }
}
