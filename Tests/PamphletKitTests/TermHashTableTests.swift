import Testing
@testable import PamphletKit

/// `TermHashTable.sortedIDs` (a radix sort on each term's first 8 bytes, then whole terms within
/// equal prefixes) orders terms exactly as comparing their bytes does.
@Suite struct TermHashTableTests {
    @Test func sortedIDsOrderTermsByTheirBytes() {
        var rng = SplitMix(seed: 11)
        var table = TermHashTable()
        var terms: [[UInt8]] = []
        // Short and long terms over a small alphabet, so many share prefixes of 8 bytes and more;
        // a few non-ASCII bytes, and terms that begin others.
        for _ in 0..<3000 {
            var t = (0..<(1 + Int(rng.next() % 14))).map { _ in UInt8(0x61 + rng.next() % 3) }
            if rng.next() % 10 == 0 { t.append(0xC3); t.append(0xA9) }
            if rng.next() % 7 == 0, let other = terms.last { t = other + t }
            let id = t.withUnsafeBufferPointer { table.intern($0) }
            if id == terms.count { terms.append(t) }
        }
        let expected = terms.indices.sorted { terms[$0].lexicographicallyPrecedes(terms[$1]) }.map(Int32.init)
        #expect(table.sortedIDs() == expected)
    }

    @Test func radixSortSortsAndCarriesValues() {
        var rng = SplitMix(seed: 5)
        var keys = (0..<5000).map { i in i % 3 == 0 ? rng.next() : rng.next() % 300 }
        var values = keys.indices.map { Int32($0) }
        let expected = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
        TermHashTable.radixSort(&keys, &values)
        #expect(values.map { Int($0) } == expected)
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
    }
}
