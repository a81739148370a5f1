/// Greedy word wrapping by display width.
///
/// Breaks at spaces, keeps explicit newlines (an empty line stays an empty line), never splits a
/// grapheme cluster, and hard-breaks a word wider than the line cluster by cluster. A cluster wider
/// than the whole line (a CJK character at width 1) gets a line of its own.
public enum TextWrap {
    /// Lines of at most `width` cells (except lone clusters wider than `width`). `width` below 1 counts as 1.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrapLine(paragraph, width: width, into: &lines)
        }
        return lines
    }

    private static func wrapLine(_ paragraph: Substring, width: Int, into lines: inout [String]) {
        var line = ""
        var lineWidth = 0
        var produced = false

        func flush() {
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
            line = ""
            lineWidth = 0
            produced = true
        }

        for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let wordWidth = DisplayWidth.of(word)
            let gap = line.isEmpty ? 0 : 1
            if lineWidth + gap + wordWidth <= width {
                if gap == 1 { line.append(" ") }
                line += word
                lineWidth += gap + wordWidth
                continue
            }
            if wordWidth <= width {
                // Fits on a line of its own.
                if !line.isEmpty { flush() }
                line = String(word)
                lineWidth = wordWidth
                continue
            }
            // Wider than a whole line: fill what is left of this line, then break by cluster.
            if !line.isEmpty {
                if lineWidth + 2 <= width {
                    line.append(" ")
                    lineWidth += 1
                } else {
                    flush()
                }
            }
            for character in word {
                let w = DisplayWidth.of(character)
                if lineWidth + w > width && lineWidth > 0 { flush() }
                line.append(character)
                lineWidth += w
            }
        }
        if !line.isEmpty || !produced { lines.append(line) }
    }
}
