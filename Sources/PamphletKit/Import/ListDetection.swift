/// Bullet and numbered list markers in plain text: `*`, `-`, `+`, `•`, `o`, `1.`, `2)`.
enum ListDetection {
    struct Marker: Equatable {
        var ordered: Bool
        var number: Int
        /// The item's text after the marker.
        var rest: String
        /// Columns the marker and its spaces take (where the item's own text starts).
        var width: Int
    }

    static let bullets: Set<Character> = ["*", "-", "+", "•", "◦", "▪", "·", "‣", "o", "–"]

    static func marker(_ text: String) -> Marker? {
        guard let first = text.first else { return nil }
        if bullets.contains(first) {
            let afterMarker = text.dropFirst()
            let spaces = afterMarker.prefix { $0 == " " }.count
            let rest = afterMarker.dropFirst(spaces)
            guard spaces >= 1, !rest.isEmpty else { return nil }
            // "o" is a bullet only before a word ("o read lines ..."), never "o'clock" or "o 5".
            if first == "o", !(rest.first?.isLetter ?? false) { return nil }
            return Marker(ordered: false, number: 1, rest: String(rest), width: 1 + spaces)
        }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count) else { return nil }
        let afterDigits = text.dropFirst(digits.count)
        guard let delimiter = afterDigits.first, delimiter == "." || delimiter == ")" else { return nil }
        let afterDelimiter = afterDigits.dropFirst()
        let spaces = afterDelimiter.prefix { $0 == " " }.count
        let rest = afterDelimiter.dropFirst(spaces)
        guard spaces >= 1, !rest.isEmpty, let number = Int(digits) else { return nil }
        return Marker(ordered: true, number: number, rest: String(rest), width: digits.count + 1 + spaces)
    }
}

/// Tells indented program text from indented prose.
enum CodeDetection {
    static let codeCharacters: Set<Character> = ["{", "}", "$", "=", ";", "<", ">", "|", "\\", "`", "@", "_"]

    /// Code when any line has a character prose rarely uses, starts like a prompt or comment,
    /// or every line is a few words with no sentence ending (a command, a path).
    static func looksLikeCode(_ group: LineGroup) -> Bool {
        for line in group.lines {
            if line.text.contains(where: { codeCharacters.contains($0) }) { return true }
            if let first = line.text.first, "#%$>".contains(first) { return true }
        }
        let shortLines = group.lines.allSatisfy { $0.wordCount < 4 }
        let endsSentence = group.lines.last.map { ".!?:".contains($0.text.last ?? " ") } ?? false
        return shortLines && !endsSentence
    }

    /// The group's lines with their common indentation removed.
    static func dedented(_ lines: [SourceLine], by indent: Int) -> [String] {
        lines.map { String($0.raw.dropFirst(min(indent, $0.indent))) }
    }
}
