/// Decides which lines of plain text are headings, and of what style (the style later gives the level).
enum HeadingDetection {
    /// How a heading was marked in the text; styles map to Markdown levels per document.
    enum Style: Hashable {
        /// Followed by a line of `=`, `-`, `*`, `~`, ... (the character tells the rank).
        case underline(Character)
        /// "1. Introduction" (depth 1), "1.2 Foo" (depth 2).
        case numbered(depth: Int)
        /// A short line standing alone before a paragraph ("Ketamine Effects", "JOB CONTROL").
        case plain
        /// A `Q:` line of a question-and-answer FAQ.
        case question
    }

    static let maxCharacters = 80
    static let maxWords = 12
    /// Words a heading does not end with (an English sentence broken before its object).
    static let trailingFunctionWords: Set<String> = [
        "a", "an", "the", "is", "to", "of", "and", "or", "with", "by", "as",
        "that", "for", "in", "on", "from", "at", "if", "than", "which",
    ]
    static let underlineCharacters: Set<Character> = ["=", "-", "*", "~", "^", "#", "+", ".", "_"]

    /// Short, starts with a capital or digit, no sentence-ending punctuation (a trailing `?` is a
    /// question heading), and not an address, a telephone number or a list item.
    static func isHeadingLike(_ text: String) -> Bool {
        guard text.utf8.count <= maxCharacters * 4 else { return false }
        let words = text.split(separator: " ")
        guard !words.isEmpty, words.count <= maxWords, text.count <= maxCharacters,
              let first = text.first, let last = text.last else { return false }
        guard first.isUppercase || first.isNumber || (first.isLetter && !first.isLowercase) else { return false }
        guard !".!:;,".contains(last) else { return false }
        guard text.contains(where: \.isLetter) else { return false }
        if text.contains("@") || text.contains("://") || text.hasPrefix("* ") { return false }
        // "Phone: (555) 123-4567" is a contact detail, not a title.
        if PhoneNumber.contains(text) { return false }
        // "The recommended form to use for a coprocess is": a sentence running on, not a title.
        if let lastWord = words.last, trailingFunctionWords.contains(lastWord.lowercased()) { return false }
        return true
    }

    /// All cased letters upper case, at least two letters: "GETTING STARTED".
    static func isAllCaps(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy { !$0.isLowercase } && letters.contains(where: \.isUppercase)
    }

    /// The character of an underline under `text`: at least 3 of one character, about as long as the text.
    static func underline(_ line: SourceLine, under text: SourceLine) -> Character? {
        guard let c = line.text.first, underlineCharacters.contains(c),
              line.text.count >= 3, line.text.allSatisfy({ $0 == c }) else { return nil }
        guard line.text.count * 2 >= text.text.count, line.text.count <= text.text.count * 2 + 4 else { return nil }
        return c
    }

    /// A line made only of one rule character ("-----", "*****"): a separator, not text.
    static func isRule(_ text: String) -> Bool {
        guard let c = text.first, underlineCharacters.contains(c), text.count >= 3 else { return false }
        return text.allSatisfy { $0 == c || $0 == " " }
    }

    /// "1.2 Foo" -> (depth 2, "Foo"); "3. Results" -> (1, "Results"); nil when no number leads the line.
    static func numbered(_ text: String) -> (depth: Int, rest: String)? {
        var index = text.startIndex
        var depth = 0
        while index < text.endIndex {
            let digits = text[index...].prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 3 else { break }
            depth += 1
            index = text.index(index, offsetBy: digits.count)
            if index < text.endIndex, text[index] == "." {
                index = text.index(after: index)
                continue
            }
            break
        }
        guard depth > 0, index < text.endIndex, text[index] == " " else { return nil }
        let rest = text[index...].drop { $0 == " " }
        guard !rest.isEmpty, rest.first.map({ !$0.isNumber }) ?? false else { return nil }
        return (depth, String(rest))
    }

    /// The heading text without a leading section number: "1.1 What is Bash?" -> "What is Bash?",
    /// "B.1 Differences" -> "Differences", "Appendix A Reporting Bugs" -> "Reporting Bugs".
    static func strippingNumber(_ text: String) -> String {
        if let (_, rest) = numbered(text), isHeadingLike(rest) { return rest }
        let words = text.split(separator: " ", maxSplits: 2).map(String.init)
        if words.count == 3, ["Appendix", "Chapter", "Part", "Section"].contains(words[0]),
           words[1].count <= 4, words[1].allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "." }), isHeadingLike(words[2]) {
            return words[2]
        }
        if words.count >= 2, let letter = words[0].first, letter.isUppercase, words[0].count >= 3,
           words[0].dropFirst().first == ".", words[0].dropFirst(2).allSatisfy({ $0.isNumber || $0 == "." }) {
            let rest = text.dropFirst(words[0].count + 1).drop { $0 == " " }
            if isHeadingLike(String(rest)) { return String(rest) }
        }
        return text
    }

    /// `Q: ...`, `Q. ...`, `Question: ...` -> the question; nil otherwise.
    static func question(_ text: String) -> String? {
        for prefix in ["Q:", "Q.", "Question:", "Q "] where text.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count).drop { $0 == " " }
            if prefix == "Q " && !rest.hasSuffix("?") { continue }
            return rest.isEmpty ? nil : String(rest)
        }
        return nil
    }

    /// `A: ...`, `A. ...`, `Answer: ...` -> the answer text; nil otherwise.
    static func answer(_ text: String) -> String? {
        for prefix in ["A:", "Answer:"] where text.hasPrefix(prefix) {
            return String(text.dropFirst(prefix.count).drop { $0 == " " })
        }
        return nil
    }
}
