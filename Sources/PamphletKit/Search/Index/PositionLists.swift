/// The positions of a posting in the snapshot: ascending token positions as LEB128 varints of
/// `delta << 1 | last`, the low bit set on the posting's last. No length before them (it had been a
/// byte per posting, 0.59 MB of the benchmark snapshot, more than the flag costs: 0.35 MB net
/// smaller): where a posting ends is where its flagged varint ends. A varint's first byte holds its
/// value's low bits, so the flag is in the first byte; a byte under 0x80 ends a varint.
enum PositionLists {
    /// What is written for a position `delta` after the one before (positions are below 2^30, so
    /// the shifted delta fits).
    @inline(__always)
    static func code(_ delta: UInt32, last: Bool) -> UInt32 { delta << 1 | (last ? 1 : 0) }

    /// The offset just past the `count`-th posting (count ≥ 1) whose positions start at `start`,
    /// nil if the bytes run out first. Eight bytes at a time: in a word, the bytes that end a
    /// varint (high bit clear) mark the next byte as a varint's first; first bytes with the low bit
    /// set end a posting once their varint ends. A phrase of common words looks up positions
    /// within a skip block of 16 postings, dozens of varints each.
    static func endOfPostings(in positions: ByteArray, from start: Int, count: Int) -> Int? {
        guard let bytes = positions.base, count > 0, start >= 0 else { return nil }
        let size = positions.count
        let highs: UInt64 = 0x8080_8080_8080_8080
        var offset = start
        var remaining = count
        var atFirst: UInt64 = 1   // `offset` is a varint's first byte
        while offset + 8 <= size {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes + offset).loadUnaligned(as: UInt64.self))
            let ends = ~word & highs
            let firsts = (ends << 8 | atFirst << 7) & highs
            let lasts = firsts & (word << 7)
            let found = lasts.nonzeroBitCount
            if found >= remaining {
                var flags = lasts
                for _ in 1..<remaining { flags &= flags - 1 }
                let endsAfter = ends & ~((UInt64(1) << UInt64(flags.trailingZeroBitCount)) - 1)
                if endsAfter != 0 { return offset + endsAfter.trailingZeroBitCount / 8 + 1 }
                // The flagged varint runs on past this word.
                offset += 8
                while offset < size {
                    let b = bytes[offset]
                    offset += 1
                    if b < 0x80 { return offset }
                }
                return nil
            }
            remaining -= found
            atFirst = ends >> 63
            offset += 8
        }
        // The last few bytes, one at a time.
        var first = atFirst != 0
        var flagged = false
        while offset < size {
            let b = bytes[offset]
            offset += 1
            if first { flagged = b & 1 != 0 }
            first = b < 0x80
            if first && flagged {
                remaining -= 1
                if remaining == 0 { return offset }
            }
        }
        return nil
    }
}

/// Reads one posting's positions in order, up to its flagged last.
struct PositionReader {
    let bytes: ByteArray
    var offset: Int
    private var position: UInt32 = 0
    private var ended = false
    /// The bytes ran out before the posting's last position (damaged data).
    private(set) var isDamaged = false

    init(bytes: ByteArray, offset: Int) {
        self.bytes = bytes
        self.offset = offset
    }

    /// The next position; nil after the last (or on damaged data: `isDamaged`).
    @inline(__always)
    mutating func next() -> UInt32? {
        guard !ended else { return nil }
        guard let code = Varint.read(bytes, &offset) else {
            (ended, isDamaged) = (true, true)
            return nil
        }
        position &+= code >> 1
        ended = code & 1 != 0
        return position
    }
}
