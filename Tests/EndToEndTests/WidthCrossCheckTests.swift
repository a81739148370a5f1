import CNCursesW
import Foundation
import Glibc
import PamphletKit
import PamphletTerminal
import Testing

/// The views measure text with a pure Swift table; the terminal measures with libc's `wcwidth`.
/// Where they disagree the painter substitutes, so check they agree on the scripts that matter.
@Suite("Width table against libc")
struct WidthCrossCheckTests {
    static let ranges: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0xA0...0x2FF,  // Latin
        0x300...0x36F,  // combining diacritics
        0x370...0x3FF, 0x400...0x4FF,  // Greek, Cyrillic
        0x3041...0x3096, 0x30A1...0x30FA,  // kana
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xAC00...0xD7A3,  // Hangul syllables
        0xFF01...0xFF60,  // fullwidth forms
    ]

    @Test func agrees() throws {
        let locale = try #require(newlocale(LC_CTYPE_MASK, "C.UTF-8", nil), "C.UTF-8 locale missing")
        defer { freelocale(locale) }
        let old = uselocale(locale)
        defer { uselocale(old) }
        var mismatches: [String] = []
        for range in Self.ranges {
            for v in range {
                // Unassigned code points: libc says -1 (unprintable), the table 1; neither is text.
                guard let scalar = Unicode.Scalar(v), scalar.properties.generalCategory != .unassigned else { continue }
                let ours = DisplayWidth.of(scalar: scalar)
                let libc = Int(wcwidth(wchar_t(v)))
                if ours != libc { mismatches.append(String(format: "U+%04X ours %d libc %d", v, ours, libc)) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }
}
