/// How many terminal cells text takes, measured per grapheme cluster (Swift `Character`).
///
/// A pure Swift table (libc `wcwidth` depends on the locale and lags Unicode): East Asian Wide and
/// Fullwidth characters take 2 cells, emoji presentation sequences (ZWJ families, flags, keycaps,
/// skin tones, `U+FE0F`) take 2, combining marks / zero-width characters / variation selectors add
/// nothing to their cluster, and control characters take 0.
public enum DisplayWidth {
    /// Cells taken by one grapheme cluster: 0, 1 or 2.
    @inline(__always)
    public static func of(_ character: Character) -> Int {
        let utf8 = character.utf8
        if utf8.count == 1, let byte = utf8.first {
            return byte >= 0x20 && byte < 0x7F ? 1 : 0
        }
        return cluster(character.unicodeScalars)
    }

    /// Cells taken by a string (the sum over its grapheme clusters).
    public static func of(_ text: some StringProtocol) -> Int {
        var ascii = true
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
            ascii = false
            break
        }
        if ascii { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Cells taken by one Unicode scalar on its own (0 for controls and zero-width scalars).
    public static func of(scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if isWide(v) {
            // Combining marks inside wide blocks (ideographic tone marks, kana voicing marks).
            return (0x302A...0x302F).contains(v) || (0x3099...0x309A).contains(v) ? 0 : 2
        }
        if isZeroWidth(scalar) { return 0 }
        return scalar.properties.isEmojiPresentation ? 2 : 1
    }

    /// Width of a multi-scalar (or non-ASCII) cluster: decided by its first visible scalar, widened to 2 for emoji sequences.
    static func cluster(_ scalars: Character.UnicodeScalarView) -> Int {
        guard let first = scalars.first else { return 0 }
        var hasEmojiSelector = false, hasTextSelector = false, hasJoiner = false, regionalIndicators = 0
        var count = 0
        for s in scalars {
            count += 1
            switch s.value {
            case 0xFE0F: hasEmojiSelector = true
            case 0xFE0E: hasTextSelector = true
            case 0x200D: hasJoiner = true
            case 0x1F1E6...0x1F1FF: regionalIndicators += 1
            case 0x1F3FB...0x1F3FF: hasEmojiSelector = true  // skin tone modifiers make an emoji sequence
            default: break
            }
        }
        if count == 1 { return of(scalar: first) }
        if regionalIndicators >= 2 { return 2 }  // a flag
        // The first scalar that takes space decides; the rest (marks, joiners, selectors) combine into it.
        guard let base = scalars.first(where: { of(scalar: $0) > 0 }) else { return 0 }
        let props = base.properties
        if props.isEmoji && (hasEmojiSelector || hasJoiner || scalars.contains(where: { $0.value == 0x20E3 })) {
            return 2
        }
        if hasTextSelector && !isWide(base.value) { return 1 }
        return of(scalar: base)
    }

    /// Combining marks, format characters (ZWJ, ZWNJ, ZWSP, bidi marks), variation selectors and
    /// Hangul medial vowels / final consonants (they join the preceding syllable block).
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1160...0x11FF, 0xD7B0...0xD7FF: return true
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF: return true
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF: return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, Unicode 15.1, merged where adjacent.
    /// Emoji with default emoji presentation are caught separately by `isEmojiPresentation`.
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var low = 0, high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if v < range.lowerBound { high = mid - 1 } else if v > range.upperBound { low = mid + 1 } else { return true }
        }
        return false
    }

    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693,
        0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE,
        0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA,
        0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728, 0x274C...0x274C,
        0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797, 0x27B0...0x27B0,
        0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E,   // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x3247,   // Hiragana, Katakana, Bopomofo, Hangul compatibility jamo, Kanbun, enclosed CJK
        0x3250...0x33FF,   // (U+3248–324F are ambiguous width: narrow here), enclosed CJK, CJK compatibility
        0x3400...0x4DBF,   // CJK extension A
        0x4DC0...0x4DFF,   // Yijing hexagram symbols
        0x4E00...0x9FFF,   // CJK unified ideographs
        0xA000...0xA4CF,   // Yi
        0xA960...0xA97F,   // Hangul Jamo extended-A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
        0xFF00...0xFF60,   // fullwidth forms
        0xFFE0...0xFFE6,   // fullwidth signs
        0x16FE0...0x16FE4, 0x16FF0...0x16FF1,
        0x17000...0x18CFF, // Tangut, Khitan
        0x18D00...0x18D08,
        0x1AFF0...0x1AFFE,
        0x1B000...0x1B2FF, // Kana supplement / extended, Nushu
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA,
        0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440,
        0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A,
        0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC,
        0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC,
        0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
        0x1FA70...0x1FAFF,
        0x20000...0x2FFFD, // CJK extensions B–F, compatibility supplement
        0x30000...0x3FFFD, // CJK extensions G–H
    ]
}

extension DisplayWidth {
    /// The longest prefix of `text` that fits in `width` cells (never splitting a cluster).
    public static func prefix(_ text: String, width: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let w = of(text[index])
            if used + w > width { break }
            used += w
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    /// `text` cut to `width` cells, ending in `ellipsis` when it had to be cut.
    public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let room = width - of(ellipsis)
        if room <= 0 { return prefix(ellipsis, width: width) }
        return prefix(text, width: room) + ellipsis
    }

    /// `text` padded with spaces to `width` cells (left-aligned), or unchanged if already as wide.
    public static func pad(_ text: String, to width: Int) -> String {
        let w = of(text)
        return w >= width ? text : text + String(repeating: " ", count: width - w)
    }
}
