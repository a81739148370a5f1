/// Escapes plain text so CommonMark + GFM reads it back as the same text, and quotes YAML scalars.
enum MarkdownEscaping {
    /// Characters that start emphasis, code, links, raw HTML or strikethrough anywhere in a line.
    private static let inlineSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", "~"]

    /// Bytes that may need a backslash somewhere (the specials, `&` and `#`).
    private static let needsLook: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in "\\`*_[]<~&#".utf8 { table[Int(c)] = true }
        return table
    }()

    /// Escapes `text` for use as one line of a paragraph, list item or heading.
    static func inline(_ text: String, heading: Bool = false) -> String {
        // Most text has nothing to escape: skip the per-character walk.
        if !text.utf8.contains(where: { needsLook[Int($0)] }) { return escapingLineStart(text) }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            if inlineSpecials.contains(c) || (heading && c == "#") {
                out.append("\\")
            } else if c == "&", isEntityStart(chars, at: i) {
                out.append("\\")
            }
            out.append(c)
        }
        return escapingLineStart(out)
    }

    /// A line starting with `#`, `>`, `-`, `+`, `=` or `1.`/`1)` would become a heading, quote or list.
    private static func escapingLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if "#>-+=".contains(first) { return "\\" + line }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let after = line.dropFirst(digits.count)
            if let d = after.first, d == "." || d == ")" {
                return String(digits) + "\\" + String(after)
            }
        }
        return line
    }

    /// `&name;` or `&#123;`: an entity reference CommonMark would decode.
    private static func isEntityStart(_ chars: [Character], at index: Int) -> Bool {
        var j = index + 1
        if j < chars.count, chars[j] == "#" { j += 1 }
        let start = j
        while j < chars.count, j - start <= 32, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber { j += 1 }
        return j > start && j < chars.count && chars[j] == ";"
    }

    /// A YAML scalar: bare when it is a simple id-like word, else double-quoted with escapes.
    static func yaml(_ text: String) -> String {
        let simple = !text.isEmpty && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        } && text.first != "-" && !["null", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(text)
            && !text.allSatisfy(\.isNumber)
        if simple { return text }
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if s.value < 0x20 || s.value == 0x7F || s.value == 0x85 || s.value == 0x2028 || s.value == 0x2029 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(s.value, radix: 16).count) + String(s.value, radix: 16)
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }
}
