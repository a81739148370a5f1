/// Greedy word wrapping by display width.
///
/// Breaks at spaces, keeps explicit newlines (an empty line stays an empty line), never splits a
/// grapheme cluster, and hard-breaks a word wider than the line cluster by cluster. A cluster wider
/// than the whole line (a CJK character at width 1) gets a line of its own.
public enum TextWrap {
    /// Lines of at most `width` cells (except lone clusters wider than `width`). `width` below 1 counts as 1.
    ///
    /// `keepWhole` is asked only about a word wider than the line: when it says yes (an id or an
    /// address someone copies), the word is not broken but starts a line of its own, wider than `width`.
    public static func wrap(_ text: String, width: Int, keepWhole: ((Substring) -> Bool)? = nil) -> [String] {
        let width = max(1, width)
        var text = text
        // Printable ASCII (the common case) wraps byte by byte: one cell per byte, no grapheme breaking.
        if let lines = text.withUTF8({ asciiWrap($0, width: width, keepWhole: keepWhole) }) { return lines }
        return clusterWrap(text, width: width, keepWhole: keepWhole)
    }

    /// The general algorithm, by grapheme cluster and display width.
    static func clusterWrap(_ text: String, width: Int, keepWhole: ((Substring) -> Bool)? = nil) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrapLine(paragraph, width: width, keepWhole: keepWhole, into: &lines)
        }
        return lines
    }

    private static func wrapLine(_ paragraph: Substring, width: Int, keepWhole: ((Substring) -> Bool)?,
                                 into lines: inout [String]) {
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
            if wordWidth <= width || keepWhole?(word) == true {
                // Fits on a line of its own (or must not be broken: then it is wider than the line).
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

    /// The same greedy algorithm over bytes; nil when the text is not printable ASCII (plus newlines and tabs).
    static func asciiWrap(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, keepWhole: ((Substring) -> Bool)? = nil) -> [String]? {
        for byte in bytes where byte >= 0x7F || (byte < 0x20 && byte != 0x0A && byte != 0x09) { return nil }
        let space: UInt8 = 0x20, tab: UInt8 = 0x09, newline: UInt8 = 0x0A
        let n = bytes.count
        var lines: [String] = []
        var line: [UInt8] = []
        line.reserveCapacity(width + 1)

        func flush() {
            while line.last == space { line.removeLast() }
            lines.append(String(decoding: line, as: UTF8.self))
            line.removeAll(keepingCapacity: true)
        }

        var start = 0
        while true {
            var end = start
            while end < n && bytes[end] != newline { end += 1 }
            let linesBefore = lines.count
            var i = start
            while i < end {
                while i < end && (bytes[i] == space || bytes[i] == tab) { i += 1 }
                let wordStart = i
                while i < end && bytes[i] != space && bytes[i] != tab { i += 1 }
                let length = i - wordStart
                guard length > 0 else { continue }
                let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<i])
                let gap = line.isEmpty ? 0 : 1
                if line.count + gap + length <= width {
                    if gap == 1 { line.append(space) }
                    line.append(contentsOf: word)
                } else if length <= width || keepWhole?(Substring(String(decoding: word, as: UTF8.self))) == true {
                    if !line.isEmpty { flush() }
                    line.append(contentsOf: word)
                } else {
                    if !line.isEmpty {
                        if line.count + 2 <= width { line.append(space) } else { flush() }
                    }
                    for byte in word {
                        if line.count + 1 > width && !line.isEmpty { flush() }
                        line.append(byte)
                    }
                }
            }
            if !line.isEmpty || lines.count == linesBefore { flush() }
            if end >= n { break }
            start = end + 1
        }
        return lines
    }
}
