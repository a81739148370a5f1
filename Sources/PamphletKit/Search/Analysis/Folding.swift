import Foundation

/// Case and diacritic folding of one Unicode scalar into UTF-8 bytes ("É" -> "e", "ß" -> "ss").
///
/// ASCII is folded inline by the tokenizer; this handles the rest. Latin ranges (U+0080-U+024F and
/// U+1E00-U+1EFF, where almost all accented letters of European languages live) come from a table built
/// once with Foundation's folding; other scripts are lowercased through the scalar's own properties.
enum ScalarFolding {
    private static let tableLow: UInt32 = 0x80
    private static let tableHigh: UInt32 = 0x24F
    private static let extLow: UInt32 = 0x1E00
    private static let extHigh: UInt32 = 0x1EFF

    /// Folded bytes for U+0080...U+024F and U+1E00...U+1EFF (built on first use; thread-safe static).
    private static let table: [[UInt8]] = {
        var out: [[UInt8]] = []
        let ranges = [tableLow...tableHigh, extLow...extHigh]
        for range in ranges {
            for v in range {
                guard let s = Unicode.Scalar(v) else { out.append([]); continue }
                let folded = String(Character(s)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                out.append(Array(folded.lowercased().utf8))
            }
        }
        return out
    }()

    /// Appends the folded form of `s` (not ASCII) to `out`.
    @inline(__always)
    static func append(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        let v = s.value
        if v >= tableLow && v <= tableHigh {
            out.append(contentsOf: table[Int(v - tableLow)])
        } else if v >= extLow && v <= extHigh {
            out.append(contentsOf: table[Int(v - extLow + tableHigh - tableLow + 1)])
        } else if s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .enclosingMark {
            // A combining accent: diacritic folding drops it.
        } else if s.properties.changesWhenLowercased {
            for l in s.properties.lowercaseMapping.unicodeScalars { appendScalar(l, to: &out) }
        } else {
            appendScalar(s, to: &out)
        }
    }

    @inline(__always)
    static func appendScalar(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        for b in UTF8.encode(s)! { out.append(b) }
    }

    /// True for scalars that belong inside a word: letters, digits, marks.
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Apostrophes that may join a word (’ ‘ ʼ ′ and ASCII ').
    @inline(__always)
    static func isApostrophe(_ v: UInt32) -> Bool {
        v == 0x27 || v == 0x2019 || v == 0x2018 || v == 0x02BC || v == 0x2032
    }
}
