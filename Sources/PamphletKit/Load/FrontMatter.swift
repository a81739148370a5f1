import Foundation

/// A content file cut into its YAML front matter and its Markdown body, with the line numbers
/// needed to report problems in either part against the file.
struct FrontMatter {
    /// The YAML between the `---` lines.
    var yaml: String
    /// 1-based file line of the YAML's first line (the line after the opening `---`).
    var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    var body: String
    /// 1-based file line of the body's first line.
    var bodyFirstLine: Int

    enum Failure: Error, Equatable {
        /// The file does not start with `---`.
        case missing
        /// The opening `---` has no closing `---` (or `...`).
        case unterminated
    }

    /// The value of a top-level `key:` line of the front matter as written, quotes and a trailing
    /// ` # comment` removed, read line by line without YAML: for a file whose YAML may be broken
    /// (the id a file that did not load meant to have) or is not parsed yet (import's `--kind`).
    /// Blank lines before the opening `---` are skipped. Nil when the line is missing or empty.
    static func rawValue(of key: String, in text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        while let line = lines.next() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard trimmed == "---" else { return nil }
            break
        }
        while let line = lines.next(), line.trimmingCharacters(in: .whitespacesAndNewlines) != "---" {
            guard line.hasPrefix(key + ":") else { continue }
            var value = line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
            if let comment = value.range(of: " #") { value = String(value[..<comment.lowerBound]) }
            value = value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\"'"))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Splits `text` (LF line ends) at the front matter fences. Scans bytes only up to the closing
    /// fence, so a body of many megabytes costs nothing here.
    static func split(_ text: String) -> Result<FrontMatter, Failure> {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var yamlStart = utf8.startIndex
        while true {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = text[lineStart..<lineEnd]
            if lineNumber == 1 {
                guard isFence(line, closing: false) else { return .failure(.missing) }
                yamlStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
            } else if isFence(line, closing: true) {
                var yaml = String(text[yamlStart..<lineStart])
                if yaml.hasSuffix("\n") { yaml.removeLast() }
                let body = lineEnd == utf8.endIndex ? "" : String(text[utf8.index(after: lineEnd)...])
                return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: lineNumber + 1))
            }
            if lineEnd == utf8.endIndex { return .failure(.unterminated) }
            lineStart = utf8.index(after: lineEnd)
            lineNumber += 1
        }
    }

    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        guard line.utf8.count <= 64 else { return false }
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (closing && trimmed == "...")
    }
}
