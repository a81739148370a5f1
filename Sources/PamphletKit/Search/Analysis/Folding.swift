/// Case and diacritic folding of one Unicode scalar into UTF-8 bytes ("É" -> "e", "ß" -> "ss").
///
/// ASCII is folded inline by the tokenizer; this handles the rest. Latin ranges (U+0080-U+024F and
/// U+1E00-U+1EFF, where almost all accented letters of European languages live) come from
/// `FoldingTable`, Foundation's folding worked out ahead of time (building it at first use cost the
/// first search meeting an accented letter ~1.2 ms); fullwidth digits and letters are folded to
/// ASCII (NFKC's mapping for them); other scripts are lowercased through the scalar's own properties.
enum ScalarFolding {
    /// Appends the folded form of `s` (not ASCII) to `out`.
    @inline(__always)
    static func append(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        let v = s.value
        if FoldingTable.firstRange.contains(v) {
            appendTableEntry(Int(v - FoldingTable.firstRange.lowerBound), to: &out)
        } else if FoldingTable.secondRange.contains(v) {
            appendTableEntry(FoldingTable.firstRange.count + Int(v - FoldingTable.secondRange.lowerBound), to: &out)
        } else if (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v) {
            // Fullwidth digits and letters (a CJK input method's "ＴＭＳ") are ASCII's.
            let ascii = UInt8(v - 0xFEE0)
            out.append(ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii)
        } else if s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .enclosingMark {
            // A combining accent: diacritic folding drops it.
        } else if s.properties.changesWhenLowercased {
            for l in s.properties.lowercaseMapping.unicodeScalars { appendScalar(l, to: &out) }
        } else {
            appendScalar(s, to: &out)
        }
    }

    @inline(__always)
    private static func appendTableEntry(_ i: Int, to out: inout [UInt8]) {
        out.append(contentsOf: FoldingTable.bytes[Int(FoldingTable.offsets[i])..<Int(FoldingTable.offsets[i + 1])])
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
