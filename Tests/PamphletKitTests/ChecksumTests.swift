import Testing
@testable import PamphletKit

/// The snapshot's checksum read in chunks (as `SnapshotStorage.map` reads the file) equals the
/// checksum of the whole, for any length and any split into pieces of whole 64-byte blocks.
@Suite struct ChecksumTests {
    @Test func chunkedEqualsWhole() {
        var random = ImportFuzzTests.SplitMix(state: 64)
        for _ in 0..<200 {
            let count = Int(random.next() % 5000)
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            bytes.withUnsafeBytes { raw in
                let base = raw.baseAddress ?? UnsafeRawPointer(bitPattern: 64)!
                let whole = Checksum.words(base, count: count)
                var lanes = Checksum.Lanes()
                var offset = 0
                while offset < count {
                    let piece = min(64 * (1 + Int(random.next() % 8)), count - offset)
                    lanes.add(base + offset, count: piece)
                    offset += piece
                }
                #expect(lanes.finish() == whole, "\(count) bytes")
            }
        }
    }

    @Test func everyByteCounts() {
        var bytes = [UInt8](repeating: 7, count: 1000)
        let sum = bytes.withUnsafeBytes { Checksum.words($0.baseAddress!, count: $0.count) }
        for i in stride(from: 0, to: bytes.count, by: 37) {
            bytes[i] ^= 1
            #expect(bytes.withUnsafeBytes { Checksum.words($0.baseAddress!, count: $0.count) } != sum, "byte \(i)")
            bytes[i] ^= 1
        }
    }
}
