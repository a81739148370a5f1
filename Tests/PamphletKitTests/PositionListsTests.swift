import Testing
@testable import PamphletKit

/// Position lists without a length before each: the word-at-a-time scan that finds where postings
/// end agrees with decoding every varint.
@Suite struct PositionListsTests {
    /// Postings of ascending positions, encoded as the builder writes them, and where each starts.
    static func encode(_ postings: [[UInt32]]) -> (bytes: [UInt8], starts: [Int]) {
        var bytes: [UInt8] = [], starts: [Int] = []
        for positions in postings {
            starts.append(bytes.count)
            var previous: UInt32 = 0
            for (k, p) in positions.enumerated() {
                Varint.append(PositionLists.code(p - previous, last: k == positions.count - 1), to: &bytes)
                previous = p
            }
        }
        return (bytes, starts)
    }

    static func randomPostings(_ rng: inout SplitMix, count: Int) -> [[UInt32]] {
        (0..<count).map { _ in
            let n = 1 + Int(rng.next() % (rng.next() % 4 == 0 ? 60 : 4))
            var p: UInt32 = 0
            return (0..<n).map { _ in
                // Deltas of 1, 2 and 3 bytes (and some of 4), as long sections give.
                switch rng.next() % 10 {
                case 0: p += UInt32(rng.next() % 20_000)
                case 1: p += UInt32(rng.next() % 3_000_000)
                default: p += 1 + UInt32(rng.next() % 70)
                }
                return min(p, (1 << 30) - 1)
            }
        }
    }

    @Test func theScanFindsEveryPostingsEndAndTheDeltasDecode() {
        var rng = SplitMix(seed: 3)
        for round in 0..<300 {
            let postings = Self.randomPostings(&rng, count: 1 + round % 40)
            let (bytes, starts) = Self.encode(postings)
            let ends = Array(starts.dropFirst()) + [bytes.count]
            bytes.withUnsafeBufferPointer { buffer in
                let array = ByteArray(base: buffer.baseAddress, count: buffer.count)
                for i in postings.indices {
                    for skip in 1...min(16, postings.count - i) {
                        #expect(PositionLists.endOfPostings(in: array, from: starts[i], count: skip) == ends[i + skip - 1],
                                "round \(round), posting \(i), skipping \(skip)")
                    }
                    var reader = PositionReader(bytes: array, offset: starts[i]), decoded: [UInt32] = []
                    while let p = reader.next() { decoded.append(p) }
                    #expect(decoded == postings[i])
                    #expect(reader.offset == ends[i] && !reader.isDamaged)
                }
                // Past the last posting: the bytes run out.
                #expect(PositionLists.endOfPostings(in: array, from: starts[0], count: postings.count + 1) == nil)
            }
        }
    }

    @Test func aCutListRunsOutInsteadOfReadingOn() {
        let (bytes, _) = Self.encode([[1, 2, 300_000], [5], [7, 9_000_000]])
        for cut in 0..<bytes.count {
            let head = Array(bytes[0..<cut])
            head.withUnsafeBufferPointer { buffer in
                let array = ByteArray(base: buffer.baseAddress, count: buffer.count)
                let end = PositionLists.endOfPostings(in: array, from: 0, count: 3)
                #expect(end == nil, "cut at \(cut)")
                var reader = PositionReader(bytes: array, offset: 0)
                var read = 0
                while reader.next() != nil { read += 1 }
                // The first posting is [1, 2, 300_000]: whole, or cut and damaged.
                #expect(read <= 3 && reader.isDamaged == (read < 3), "cut at \(cut)")
            }
        }
    }
}
