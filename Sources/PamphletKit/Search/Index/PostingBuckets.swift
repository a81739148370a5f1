/// The postings of a build grouped by term, in the snapshot's layout: a counting sort of the
/// postings gathered in section order (so sections stay ascending within a term), each one's BM25F
/// impact computed now that the average field lengths are known, and its positions moved next to
/// its term's others.
struct PostingBuckets {
    /// Impacts are BM25F's saturation `tf / (k1 + tf)`, in [0, 1), stored as a byte: 255 steps.
    /// Ranking compares sums of idf × impact; a step is 0.4% of the range, finer than the length
    /// normalisation's differences between sections of near lengths (as search engines keep norms
    /// or impacts in 8 bits). Two bytes had cost 0.6 MB of the benchmark snapshot, all of it read.
    static let impactScale: Float = 255
    /// Per term (`termCount + 1` entries): index of its first posting.
    var postingStart: [UInt32]
    /// Each posting's section: two bytes when there are at most 65,535 sections (as the snapshot
    /// stores them), else four; the other array is empty.
    var postSections16: [UInt16]?
    var postSections32: [UInt32]
    var postImpacts: [UInt8]
    /// Per term: index of its first skip entry; a skip per 16 postings holds the byte offset of that
    /// posting's positions.
    var skipStart: [UInt32]
    var skips: [UInt32]
    var positions: [UInt8]

    /// The builder's postings, section by section (section `s` has postings
    /// `sectionPostingStart[s]..<sectionPostingStart[s + 1]`): `term[p]` (an id before renumbering:
    /// `newID` maps it, and the new id is written over it), `tf[p]` (four 16-bit field frequencies),
    /// positions `blob[blobStart[p]..<blobStart[p + 1]]`; `fieldLengths` holds four per section.
    /// Nothing per posting is allocated beside the builder's own arrays but the output: this is a
    /// build's peak.
    init(termCount: Int, newID: [UInt32], term termOf: UnsafeMutableBufferPointer<UInt32>, sectionPostingStart: [UInt32],
         tf tfs: UnsafeBufferPointer<UInt64>, blob: UnsafeBufferPointer<UInt8>, blobStart: UnsafeBufferPointer<UInt32>,
         fieldLengths: [UInt32]) {
        let postingCount = termOf.count
        let sectionCount = fieldLengths.count / 4
        var postingStart = [UInt32](repeating: 0, count: termCount + 1)
        var blobSize = [Int](repeating: 0, count: termCount + 1)
        for p in 0..<postingCount {
            let t = Int(newID[Int(termOf[p])])
            termOf[p] = UInt32(t)
            postingStart[t + 1] += 1
            blobSize[t + 1] += Int(blobStart[p + 1] - blobStart[p])
        }
        var skipStart = [UInt32](repeating: 0, count: termCount + 1)
        for t in 0..<termCount {
            postingStart[t + 1] += postingStart[t]
            blobSize[t + 1] += blobSize[t]
            skipStart[t + 1] = skipStart[t] + (postingStart[t + 1] - postingStart[t] + 15) / 16
        }
        let denominators = Self.lengthNormalisation(fieldLengths, sectionCount: sectionCount)
        let narrow = sectionCount <= 0xFFFF
        var postSections16 = [UInt16](repeating: 0, count: narrow ? postingCount : 0)
        var postSections32 = [UInt32](repeating: 0, count: narrow ? 0 : postingCount)
        var postImpacts = [UInt8](repeating: 0, count: postingCount)
        var positions = [UInt8](repeating: 0, count: blob.count)
        var skips = [UInt32](repeating: 0, count: Int(skipStart[termCount]))
        var slotCursor = postingStart
        var blobCursor = blobSize
        let w = IndexBuilder.fieldWeights, k1 = IndexBuilder.k1
        let w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3]
        // Unchecked views: this loop scatters every posting and every position byte.
        denominators.withUnsafeBufferPointer { denom in
        positions.withUnsafeMutableBufferPointer { out in
        postSections16.withUnsafeMutableBufferPointer { postSections16 in
        postSections32.withUnsafeMutableBufferPointer { postSections32 in
        postImpacts.withUnsafeMutableBufferPointer { postImpacts in
        skips.withUnsafeMutableBufferPointer { skips in
        slotCursor.withUnsafeMutableBufferPointer { slotCursor in
        blobCursor.withUnsafeMutableBufferPointer { blobCursor in
        postingStart.withUnsafeBufferPointer { postingStart in
        skipStart.withUnsafeBufferPointer { skipStart in
            for s in 0..<min(sectionCount, sectionPostingStart.count - 1) {
            for p in Int(sectionPostingStart[s])..<Int(sectionPostingStart[s + 1]) {
                let t = Int(termOf[p])
                let slot = Int(slotCursor[t])
                slotCursor[t] += 1
                if narrow { postSections16[slot] = UInt16(truncatingIfNeeded: s) } else { postSections32[slot] = UInt32(s) }
                let counts = tfs[p]
                // The same operations, in the same order, as one loop over the fields: the impacts
                // (and so the snapshot) stay bit-identical.
                var tf: Float = 0
                let c0 = Float(counts & 0xFFFF), c1 = Float((counts >> 16) & 0xFFFF)
                let c2 = Float((counts >> 32) & 0xFFFF), c3 = Float(counts >> 48)
                if c0 > 0 { tf += w0 * c0 / denom[s * 4] }
                if c1 > 0 { tf += w1 * c1 / denom[s * 4 + 1] }
                if c2 > 0 { tf += w2 * c2 / denom[s * 4 + 2] }
                if c3 > 0 { tf += w3 * c3 / denom[s * 4 + 3] }
                postImpacts[slot] = UInt8(min(Self.impactScale, Self.rounded(tf / (k1 + tf) * Self.impactScale)))
                let rank = slot - Int(postingStart[t])
                let at = blobCursor[t]
                if rank % 16 == 0 { skips[Int(skipStart[t]) + rank / 16] = UInt32(at) }
                let b0 = Int(blobStart[p]), b1 = Int(blobStart[p + 1])
                for k in b0..<b1 { out[at + k - b0] = blob[k] }
                blobCursor[t] = at + b1 - b0
            }
            }
        }}}}}}}}}}
        self.postingStart = postingStart
        self.postSections16 = narrow ? postSections16 : nil
        self.postSections32 = postSections32
        self.postImpacts = postImpacts
        self.skipStart = skipStart
        self.skips = skips
        self.positions = positions
    }

    /// `x.rounded()` (half away from zero) for 0 ≤ x < 2^23, the impacts' range, without the libm
    /// call `rounded()` compiles to (620k calls a build of the benchmark corpus). The same value:
    /// the integer part converts exactly and `x - t`, its fraction, is exact.
    @inline(__always)
    static func rounded(_ x: Float) -> Float {
        let t = Float(Int32(x))
        return x - t >= 0.5 ? t + 1 : t
    }

    /// BM25F's length normalisation per section and field, `1 - b + b × length / average length`,
    /// computed once per section rather than once per posting (the same expression, so the same bits).
    /// A field's average is over the sections that have it, as Lucene's (its total length over its
    /// document count): only intros have a title, tags and conditions, and averaged over every
    /// section an intro's were several times "longer than usual", so a treatment's conditions
    /// counted for less than a passing mention ("depression" put the TMS Therapy page 11th).
    static func lengthNormalisation(_ fieldLengths: [UInt32], sectionCount: Int) -> [Float] {
        var avg = [Float](repeating: 0, count: 4)
        var having = [Float](repeating: 0, count: 4)
        for s in 0..<sectionCount {
            for f in 0..<4 where fieldLengths[s * 4 + f] > 0 {
                avg[f] += Float(fieldLengths[s * 4 + f])
                having[f] += 1
            }
        }
        for f in 0..<4 { avg[f] = max(avg[f] / max(having[f], 1), 1) }
        let b = IndexBuilder.fieldB
        var out = [Float](repeating: 1, count: sectionCount * 4)
        for s in 0..<sectionCount {
            for f in 0..<4 {
                let len = Float(fieldLengths[s * 4 + f])
                out[s * 4 + f] = 1 - b[f] + b[f] * len / avg[f]
            }
        }
        return out
    }
}
