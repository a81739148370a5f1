/// Accumulates per-section scores for one query, slot by slot (a slot is one query word or phrase),
/// then picks the top k with a small heap instead of sorting every matching section.
///
/// Within a slot a section keeps its best-matching form of the word (max, so "addiction" and
/// "addictive" do not add up); slots add up. Sections matching more slots always rank first.
struct Scorer {
    private var total: [Float]
    private var slotBest: [Float]
    private var mask: [UInt32]
    /// Sections offered in the open slot: the first `touchedSlotCount` entries (each at most once,
    /// so `sectionCount` entries plus one spare are enough and the hot loop never grows an array).
    private var touchedSlot: [UInt32]
    private var touchedSlotCount = 0
    private(set) var touched: [UInt32] = []
    /// Per section, the slots only its document's title matched (`addTitleContext`); empty until the first.
    private var titleMask: [UInt32] = []
    /// Intros whose document's title is the query (`QueryPlan.exactTitleTerms`): first among the
    /// sections matching as many slots.
    private(set) var exactTitles: [Int] = []

    mutating func markExactTitle(_ section: Int) { exactTitles.append(section) }
    private let sectionCount: Int
    static let excludedBit: UInt32 = 1 << 31
    static let maxSlots = 31

    init(sectionCount: Int) {
        self.sectionCount = sectionCount
        total = [Float](repeating: 0, count: sectionCount)
        slotBest = [Float](repeating: 0, count: sectionCount)
        mask = [UInt32](repeating: 0, count: sectionCount)
        // One spare entry: the postings loop writes before it knows whether the section is new.
        touchedSlot = [UInt32](repeating: 0, count: sectionCount + 1)
    }

    /// Offers `score` for `section` in the current slot.
    @inline(__always)
    mutating func offer(_ section: UInt32, _ score: Float) {
        let s = Int(section)
        guard s < sectionCount, score > 0 else { return }
        if slotBest[s] == 0 { touchedSlot[touchedSlotCount] = section; touchedSlotCount += 1 }
        if score > slotBest[s] { slotBest[s] = score }
    }

    /// Adds every posting of `term`, scaled by `factor` (idf × match weight).
    mutating func offerPostings(of term: Int, factor: Float, in index: IndexData) {
        let lo = index.postingStart.int(term), hi = index.postingStart.int(term + 1)
        // One loop per section width, so the hot loop has no width test.
        if let b16 = index.postSections.base16 {
            offer(sections: b16, lo, hi, factor: factor, impacts: index.postImpacts)
        } else if let b32 = index.postSections.base32 {
            offer(sections: b32, lo, hi, factor: factor, impacts: index.postImpacts)
        }
    }

    @inline(__always)
    private mutating func offer<T: FixedWidthInteger & UnsignedInteger>(sections: UnsafePointer<T>, _ lo: Int, _ hi: Int,
                                                                       factor: Float, impacts: ByteArray) {
        let f = factor / PostingBuckets.impactScale
        let n = sectionCount
        guard lo < hi, f > 0, let impacts = impacts.base else { return }
        var count = touchedSlotCount
        // Pointers for the loop: no uniqueness or bounds checks per posting (`si < n` is the bound).
        slotBest.withUnsafeMutableBufferPointer { best in
            touchedSlot.withUnsafeMutableBufferPointer { touched in
                let best = best.baseAddress.unsafelyUnwrapped, touched = touched.baseAddress.unsafelyUnwrapped
                // Branch-free: whether a section is new in this slot is as unpredictable as a coin,
                // so the section is always written to the next free entry and the count advances
                // only when it was new (an impact of 0 is read as 1, so a counted section's best is
                // never 0 again and it is counted once).
                for j in lo..<hi {
                    let si = Int(sections[j])
                    guard si < n else { continue }
                    let v = f * Float(max(impacts[j], 1))
                    let old = best[si]
                    touched[count] = UInt32(truncatingIfNeeded: si)
                    count &+= old == 0 ? 1 : 0
                    best[si] = Swift.max(old, v)
                }
            }
        }
        touchedSlotCount = count
    }

    /// Closes slot number `slot`, adding its best scores to the totals.
    mutating func endSlot(_ slot: Int) {
        let bit = UInt32(1) << UInt32(slot)
        for s in touchedSlot[0..<touchedSlotCount] {
            let i = Int(s)
            if mask[i] == 0 { touched.append(s) }
            total[i] += slotBest[i]
            mask[i] |= bit
            slotBest[i] = 0
        }
        touchedSlotCount = 0
    }

    /// Adds `score` to a section the query already matches, for slot `slot` that its document's
    /// title matches: the score counts, and when the section itself lacks the slot, the slot does
    /// not (a section matching more of the query's own words still ranks first).
    mutating func addTitleContext(_ section: Int, slot: Int, _ score: Float) {
        guard section < sectionCount, score > 0, mask[section] != 0, mask[section] & Self.excludedBit == 0 else { return }
        total[section] += score
        let bit = UInt32(1) << UInt32(slot)
        if mask[section] & bit == 0 {
            if titleMask.isEmpty { titleMask = [UInt32](repeating: 0, count: sectionCount) }
            titleMask[section] |= bit
        }
    }

    /// Bit k set when slot k matched `section` only through its document's title (`addTitleContext`).
    func titleSlotMask(_ section: Int) -> UInt32 { titleMask.isEmpty ? 0 : titleMask[section] }

    /// Closes a filler word's slot (`QueryPlan.fillers`): its scores go to the sections earlier slots
    /// matched, as score only; other sections are not matched by it.
    mutating func endFillerSlot() {
        for s in touchedSlot[0..<touchedSlotCount] {
            let i = Int(s)
            if mask[i] != 0 && mask[i] & Self.excludedBit == 0 { total[i] += slotBest[i] }
            slotBest[i] = 0
        }
        touchedSlotCount = 0
    }

    mutating func exclude(_ section: UInt32) {
        let i = Int(section)
        guard i < sectionCount else { return }
        mask[i] |= Self.excludedBit
    }

    /// Whether `exclude` was called for `section`.
    func isExcluded(_ section: UInt32) -> Bool {
        Int(section) < sectionCount && mask[Int(section)] & Self.excludedBit != 0
    }

    func score(_ section: Int) -> Float { total[section] }

    func matchedSlots(_ section: Int) -> Int { matchedSlotMask(section).nonzeroBitCount }

    /// Bit k set when slot k matched `section`.
    func matchedSlotMask(_ section: Int) -> UInt32 { mask[section] & ~Self.excludedBit }

    /// The best `k` sections, best first: more matched slots first, then higher score, then earlier.
    func top(_ k: Int) -> [(section: Int, score: Float)] { ranked(k).top }

    /// The best `k` sections, best first, and how many sections match in all (what `top` would
    /// return without a limit), counted in the same pass.
    func ranked(_ k: Int) -> (top: [(section: Int, score: Float)], matching: Int) {
        guard k > 0 else { return ([], 0) }
        var best = TopK<RankedSection>(capacity: k)
        var matching = 0
        for s in touched {
            let i = Int(s)
            let m = mask[i]
            if m & Self.excludedBit != 0 || total[i] <= 0 { continue }
            matching += 1
            best.offer(rankedSection(i, slots: m, score: total[i]))
        }
        return (best.bestFirst().map { ($0.section, $0.score) }, matching)
    }

    /// `ranked(k)`, with `bonus(section)` added to the best `candidates` (at least `k`) before the
    /// best `k` of them are taken: a bonus for the best sections only can reorder them, never bring
    /// in another.
    func ranked(_ k: Int, reordering candidates: Int, bonus: (Int) -> Float) -> (top: [(section: Int, score: Float)], matching: Int) {
        let (best, matching) = ranked(max(k, candidates))
        let reordered = best.map { entry -> RankedSection in
            let extra = bonus(entry.section)
            return rankedSection(entry.section, slots: matchedSlotMask(entry.section), score: entry.score + (extra > 0 ? extra : 0))
        }.sorted { RankedSection.ranksBelow($1, $0) }
        return (reordered.prefix(k).map { ($0.section, $0.score) }, matching)
    }

    /// Section `i` (matched, not excluded; `slots` its slot mask) as the ranking compares it, with `score`.
    @inline(__always)
    private func rankedSection(_ i: Int, slots: UInt32, score: Float) -> RankedSection {
        RankedSection(matchedSlots: slots.nonzeroBitCount, score: score, section: i,
                      isExactTitle: !exactTitles.isEmpty && exactTitles.contains(i))
    }
}

/// A section as the scorer ranks it: more matched slots first, then a document's intro whose title
/// the query is, then higher score, then earlier.
struct RankedSection: TopKRanked {
    var matchedSlots: Int
    var score: Float
    var section: Int
    /// The intro of a document whose title is the query ("is ketamine an opiate").
    var isExactTitle = false

    static func ranksBelow(_ a: Self, _ b: Self) -> Bool {
        if a.matchedSlots != b.matchedSlots { return a.matchedSlots < b.matchedSlots }
        if a.isExactTitle != b.isExactTitle { return b.isExactTitle }
        if a.score != b.score { return a.score < b.score }
        return a.section > b.section
    }
}
