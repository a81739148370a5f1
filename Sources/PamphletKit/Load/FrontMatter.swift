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

    /// Splits `text` (LF line ends) at the front matter fences.
    static func split(_ text: String) -> Result<FrontMatter, Failure> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isFence(first, closing: false) else { return .failure(.missing) }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0], closing: true) }) else {
            return .failure(.unterminated)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: close + 2))
    }

    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (closing && trimmed == "...")
    }
}
