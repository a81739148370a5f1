import Foundation
import Testing
@testable import PamphletKit

/// `FoldingTable` is generated ahead of time from Foundation's folding; it must still be that.
@Suite struct FoldingTableTests {
    static let scalars = Array(FoldingTable.firstRange) + Array(FoldingTable.secondRange)

    @Test func everyEntryIsFoundationsFolding() {
        #expect(FoldingTable.offsets.count == Self.scalars.count + 1)
        var mismatches: [String] = []
        for v in Self.scalars {
            var got: [UInt8] = []
            var expected: [UInt8] = []
            if let s = Unicode.Scalar(v) {
                ScalarFolding.append(s, to: &got)
                let folded = String(Character(s)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                expected = Array(folded.lowercased().utf8)
            }
            if got != expected { mismatches.append(String(v, radix: 16)) }
        }
        #expect(mismatches.isEmpty,
                "U+\(mismatches.prefix(10).joined(separator: ", U+")) differ: run swift scripts/generate-folding-table.swift > Sources/PamphletKit/Search/Analysis/FoldingTable.swift")
    }

    /// Letters with a stroke or ligatures have no decomposition: they only lose their case.
    @Test(arguments: [("É", "e"), ("ß", "ss"), ("ñ", "n"), ("Ł", "ł"), ("Ǆ", "ǆ"), ("ẞ", "ss"), ("ệ", "e")])
    func examples(letter: String, folded: String) {
        var out: [UInt8] = []
        ScalarFolding.append(letter.unicodeScalars.first!, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == folded)
    }
}
