import PamphletKit

/// Display width of text in terminal cells, per grapheme cluster: PamphletKit's pure `DisplayWidth`
/// table (no locale, no libc `wcwidth`). Every width the UI needs goes through here.
enum TextMetrics {
    /// Cells a grapheme cluster occupies: 0 (lone combining mark, control), 1, or 2 (wide CJK, emoji).
    @inline(__always)
    static func width(_ ch: Character) -> Int { DisplayWidth.of(ch) }

    /// Cells a whole string occupies. Printable ASCII (most titles and labels) is one cell a byte.
    static func width(_ s: some StringProtocol) -> Int {
        let utf8 = s.utf8
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
        return DisplayWidth.of(s)
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
