import Testing
@testable import PamphletKit

@Suite struct GrowableBufferTests {
    /// `discard(below:)` gives back only whole pages below the index: everything from the index on
    /// keeps its value, and the pages it gave back read as zero (so it really let them go).
    @Test func discardDropsOnlyWholePagesBelowTheIndex() {
        let buffer = GrowableBuffer<UInt8>(capacity: 1 << 20)
        let filled = buffer.extend(by: 1 << 20)
        filled.initialize(repeating: 0xAB, count: 1 << 20)
        let cut = 300_001
        buffer.discard(below: cut)
        let values = buffer.buffer
        #expect(values[cut...].allSatisfy { $0 == 0xAB })
        // The page holding the cut is kept whole, and with it the bytes just below the cut.
        #expect(values[cut - 1] == 0xAB)
        let zeroed = values[..<cut].filter { $0 == 0 }.count
        #expect(zeroed >= cut - 2 * 65536)   // all but the partial pages at either end (pages up to 64 KB)
        // Discarding again below the same index, or below an earlier one, changes nothing more.
        buffer.discard(below: cut)
        buffer.discard(below: 1000)
        #expect(values[cut...].allSatisfy { $0 == 0xAB })
        #expect(buffer.buffer[..<cut].filter { $0 == 0 }.count == zeroed)
    }
}
