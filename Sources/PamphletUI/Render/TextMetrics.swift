import PamphletKit

/// Display width of text in terminal cells, per grapheme cluster: PamphletKit's pure `DisplayWidth`
/// table (no locale, no libc `wcwidth`). Every width the UI needs goes through here.
enum TextMetrics {
    /// Cells a grapheme cluster occupies: 0 (lone combining mark, control), 1, or 2 (wide CJK, emoji).
    @inline(__always)
    static func width(_ ch: Character) -> Int { DisplayWidth.of(ch) }

    /// One grapheme cluster as `forEachCluster` gives it.
    enum Cluster {
        /// An ASCII byte that is a cluster of its own (any but CR, before more ASCII or the end).
        case ascii(UInt8)
        /// Any other cluster.
        case character(Character)
    }

    /// Calls `body` with each grapheme cluster of `s` in order, until it returns false. Text is
    /// mostly ASCII, and an ASCII byte before another ASCII byte is a cluster of its own (only
    /// CR LF pairs up), so those come straight from the bytes; the rest (non-ASCII, or ASCII that
    /// a combining mark may follow) through String's cluster rules. Walking the whole text through
    /// `String.UTF8View` indices instead cost ~100 instructions a character.
    @inline(__always)
    static func forEachCluster(in s: some StringProtocol, _ body: (Cluster) -> Bool) {
        let bytes = Array(s.utf8)
        bytes.withUnsafeBufferPointer { bytes in
            var k = 0
            while k < bytes.count {
                let b = bytes[k]
                if b < 0x80, b != 0x0D, k + 1 == bytes.count || bytes[k + 1] < 0x80 {
                    guard body(.ascii(b)) else { return }
                    k += 1
                    continue
                }
                // `k` is always at a cluster's start.
                let ch = s[s.utf8.index(s.utf8.startIndex, offsetBy: k)]
                guard body(.character(ch)) else { return }
                k += ch.utf8.count
            }
        }
    }

    /// Cells a whole string occupies: the sum over its grapheme clusters, as `DisplayWidth.of`.
    static func width(_ s: some StringProtocol) -> Int {
        var total = 0
        forEachCluster(in: s) { cluster in
            switch cluster {
            case .ascii(let b): total += b >= 0x20 && b < 0x7F ? 1 : 0
            case .character(let ch): total += DisplayWidth.of(ch)
            }
            return true
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
