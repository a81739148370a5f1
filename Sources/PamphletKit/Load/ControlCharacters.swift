import Yams

/// Warnings for control characters in content (other than tab and newline): printed as they are,
/// ESC and its kin drive the terminal of whoever reads the content with `pamphlet show` (a stray
/// ESC `[2J` clears the screen). The commands and the browser show them as U+FFFD or `?`; `check`
/// says where they are so they can be removed.
enum ControlCharacters {
    /// Lines reported per file; the rest are counted in one more warning.
    static let reportedLines = 5

    /// One warning per line of `body` holding a control character (at the first one), up to `reportedLines`.
    static func check(body: String, firstLine: Int, path: String) -> [Diagnostic] {
        guard TerminalSafeText.containsControl(body) else { return [] }
        var diagnostics: [Diagnostic] = []
        var more = 0
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let offset = TerminalSafeText.firstControl(in: line) else { continue }
            guard diagnostics.count < reportedLines else { more += 1; continue }
            let scalar = line.unicodeScalars[line.unicodeScalars.index(line.unicodeScalars.startIndex, offsetBy: offset)]
            diagnostics.append(.warning(path, line: firstLine + index, column: offset + 1, message(scalar, in: "the text")))
        }
        if more > 0 {
            diagnostics.append(.warning(path, line: firstLine, column: 1,
                                        "control characters on \(more) more line\(more == 1 ? "" : "s") of the text"))
        }
        return diagnostics
    }

    /// "control character U+001B in the text: …".
    static func message(_ scalar: Unicode.Scalar, in place: String) -> String {
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        return "control character \(code) in \(place): a terminal would act on it (pamphlet shows it as \u{FFFD}); remove it"
    }
}

extension YAMLReader {
    /// Warns at every scalar (key or value) of `node` holding a control character other than tab and
    /// newline: a YAML escape such as "\e" in a double-quoted title decodes to ESC.
    mutating func warnAboutControlCharacters(in node: Node, key: String? = nil) {
        switch node {
        case .scalar(let scalar):
            if let offset = TerminalSafeText.firstControl(in: scalar.string) {
                let character = scalar.string.unicodeScalars.dropFirst(offset).first ?? "\u{0}"
                warning(node, ControlCharacters.message(character, in: key.map { "'\(TerminalSafeText.clean($0))'" } ?? "this value"))
            }
        case .sequence(let sequence):
            for item in sequence { warnAboutControlCharacters(in: item, key: key) }
        case .mapping(let mapping):
            for (k, value) in mapping {
                warnAboutControlCharacters(in: k)
                warnAboutControlCharacters(in: value, key: k.scalar?.string)
            }
        case .alias:
            break
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
