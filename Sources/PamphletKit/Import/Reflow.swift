/// Joins hard-wrapped lines into one paragraph and tidies its spacing.
enum Reflow {
    /// Joins lines with single spaces. A line ending in a word-hyphen ("well-") joins the next
    /// without a space, so a wrapped compound ("well-\nbeing") stays one word. Runs of spaces
    /// (including no-break spaces) collapse to one.
    static func join(_ lines: [String]) -> String {
        var out = ""
        for line in lines {
            let piece = collapseSpaces(line)
            guard !piece.isEmpty else { continue }
            if out.isEmpty {
                out = piece
            } else if endsWithWordHyphen(out) {
                out += piece
            } else {
                out += " " + piece
            }
        }
        return out
    }

    /// Collapses every run of white space to one space and trims the ends.
    /// Works on UTF-8 bytes: ASCII space and tab, and the multi-byte Unicode spaces
    /// (no-break space U+00A0, U+1680, U+2000-U+200A, U+2028/9, U+202F, U+205F, U+3000).
    static func collapseSpaces(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            let width = whitespaceWidth(bytes, at: i)
            if width > 0 {
                pendingSpace = !out.isEmpty
                i += width
                continue
            }
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Length in bytes of the white space character at `i`, or 0.
    private static func whitespaceWidth(_ b: [UInt8], at i: Int) -> Int {
        switch b[i] {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return 1
        case 0xC2 where i + 1 < b.count && (b[i + 1] == 0xA0 || b[i + 1] == 0x85): return 2
        case 0xE1 where i + 2 < b.count && b[i + 1] == 0x9A && b[i + 2] == 0x80: return 3
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80:
            let c = b[i + 2]
            return (0x80...0x8A).contains(c) || c == 0xA8 || c == 0xA9 || c == 0xAF ? 3 : 0
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x81 && b[i + 2] == 0x9F: return 3
        case 0xE3 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80: return 3
        default: return 0
        }
    }

    /// Character-based reference for `collapseSpaces` (tests compare the two).
    static func collapseSpacesByCharacter(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for ch in text {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
    }

    /// "self-" yes; "--", " -" or "5-" no (a dash or a range, where a space was probably meant).
    static func endsWithWordHyphen(_ text: String) -> Bool {
        guard text.hasSuffix("-") else { return false }
        let before = text.dropLast().last
        return before.map { $0.isLetter } ?? false
    }
}
