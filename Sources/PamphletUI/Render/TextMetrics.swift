import PamphletKit

/// Display width of text in terminal cells, per grapheme cluster: PamphletKit's pure `DisplayWidth`
/// table (no locale, no libc `wcwidth`). Every width the UI needs goes through here.
enum TextMetrics {
    /// Cells a grapheme cluster occupies: 0 (lone combining mark, control), 1, or 2 (wide CJK, emoji).
    @inline(__always)
    static func width(_ ch: Character) -> Int { DisplayWidth.of(ch) }

    /// Cells a whole string occupies: the sum over its grapheme clusters, as `DisplayWidth.of`,
    /// taking an ASCII byte followed by another ASCII byte (a cluster of its own) without the
    /// cluster machinery, so a title with one "›" in it is not measured the slow way throughout.
    static func width(_ s: some StringProtocol) -> Int {
        // The bytes read directly (see `Canvas.write`); `s` gives the grapheme clusters.
        let bytes = Array(s.utf8)
        var total = 0
        var k = 0
        while k < bytes.count {
            let byte = bytes[k]
            if byte < 0x80, byte != 0x0D, k + 1 == bytes.count || bytes[k + 1] < 0x80 {
                total += byte >= 0x20 && byte < 0x7F ? 1 : 0
                k += 1
                continue
            }
            let ch = s[s.utf8.index(s.utf8.startIndex, offsetBy: k)]
            total += DisplayWidth.of(ch)
            k += ch.utf8.count
        }
        return total
    }

    /// The longest prefix of `s` that fits in `width` cells, ending in the ellipsis when cut.
    static func truncate(_ s: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if self.width(s) <= width { return s }
        let room = width - self.width(ellipsis)
        guard room >= 0 else { return "" }
        var out = ""
        var used = 0
        for ch in s {
            let w = self.width(ch)
            if used + w > room { break }
            out.append(ch)
            used += w
        }
        return out + ellipsis
    }
}

extension String {
    /// The string without leading and trailing horizontal white space (tabs and Unicode space
    /// separators, as `CharacterSet.whitespaces`), in Swift: the search box trims its query on
    /// every keystroke, and Foundation's version bridges through NSString each time.
    var trimmingSpaces: String {
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            s == " " || s == "\t" || (s.value >= 0x80 && s.properties.generalCategory == .spaceSeparator)
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) }) ?? first
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}
