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
    static func collapseSpaces(_ text: String) -> String {
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
