import Foundation
import Yams

/// Reads typed values out of composed YAML nodes and reports every problem at the node's place in the file.
///
/// Yams marks are 1-based lines within the YAML text; `lineOffset` turns them into file lines
/// (front matter starts on the file's second line).
struct YAMLReader {
    let path: String
    let lineOffset: Int
    var diagnostics: [Diagnostic] = []

    /// A mapping's entries by key, with the mapping's own position for "missing key" reports.
    struct Fields {
        var entries: [String: (key: Node, value: Node)]
        var line: Int
        var column: Int
        subscript(_ key: String) -> (key: Node, value: Node)? { entries[key] }
    }

    init(path: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
    }

    // MARK: Positions and reports

    func position(_ node: Node?) -> (line: Int, column: Int) {
        guard let mark = node?.mark else { return (max(1, lineOffset), 1) }
        return (mark.line + lineOffset, mark.column)
    }

    mutating func error(_ node: Node?, _ message: String) {
        let (line, column) = position(node)
        diagnostics.append(.error(path, line: line, column: column, message))
    }

    mutating func warning(_ node: Node?, _ message: String) {
        let (line, column) = position(node)
        diagnostics.append(.warning(path, line: line, column: column, message))
    }

    // MARK: Composing

    /// Parses YAML into a node tree; malformed YAML becomes one error at the place libyaml stopped.
    /// Returns nil for malformed or empty YAML (`isEmpty` tells which).
    ///
    /// A key repeated in a mapping is reported, then the repeat (with its value) is left out and the
    /// rest is composed again, keeping the first value: one duplicate must not hide every other
    /// problem in the file.
    mutating func compose(_ yaml: String, what: String) -> (node: Node?, isEmpty: Bool) {
        var text = yaml
        // Each round removes one repeated entry; the bound only guards against a scan that cannot progress.
        for _ in 0..<100 {
            do {
                let node = try Yams.compose(yaml: text)
                if let node {
                    warnAboutControlCharacters(in: node)
                    warnAboutCutValues(in: text)
                }
                return (node, node == nil)
            } catch let error as YamlError {
                report(error, yaml: text, what: what)
                guard case let .duplicatedKeysInMapping(duplicates, context) = error, let key = duplicates.first,
                      let repeated = Self.repeatedKey(key, after: context.mark.line, column: context.mark.column, in: text)
                else { return (nil, false) }
                text = Self.removingEntry(atLine: repeated.line, column: repeated.column, in: text)
            } catch {
                diagnostics.append(.error(path, line: max(1, lineOffset), column: 1, "malformed \(what): \(error)"))
                return (nil, false)
            }
        }
        return (nil, false)
    }

    /// `yaml` with the block-mapping entry whose key starts at `line`:`column` blanked out: the key's
    /// line and the lines of its value (blank, more indented, or `- ` items at the key's indentation).
    /// Lines are emptied, not removed, so every later line keeps its number.
    static func removingEntry(atLine line: Int, column: Int, in yaml: String) -> String {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard line >= 1, line <= lines.count else { return yaml }
        let indent = column - 1
        lines[line - 1] = ""
        var index = line
        while index < lines.count {
            let text = lines[index]
            let spaces = text.prefix { $0 == " " }.count
            let rest = text.dropFirst(spaces)
            let blank = rest.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
            let item = spaces == indent && (rest == "-" || rest.hasPrefix("- ") || rest.hasPrefix("-\r"))
            guard blank || spaces > indent || item else { break }
            lines[index] = ""
            index += 1
        }
        return lines.joined(separator: "\n")
    }

    private mutating func report(_ error: YamlError, yaml: String, what: String) {
        var line = 1, column = 1
        var message = "malformed \(what)"
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            (line, column) = (mark.line, mark.column)
            message += ": \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            if let context, let bracket = Self.unclosedBracket(problem: problem, opened: context.mark, stopped: mark, in: yaml) {
                // libyaml stops at the closing `---`; the mistake is where the list was opened (review G 7).
                (line, column) = (context.mark.line, context.mark.column)
                message += "; a '\(bracket.open)' opened on line \(line + lineOffset) is never closed with '\(bracket.close)'"
            } else if let hint = Self.hint(for: problem, atLine: mark.line, in: yaml) {
                message += "; \(hint)"
            }
        case let .reader(problem, offset, _, yaml):
            if let offset {
                let prefix = yaml.prefix(offset)
                line = prefix.filter { $0 == "\n" }.count + 1
                column = prefix.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.unicodeScalars.count + 1 } ?? 1
            }
            message += ": \(problem)"
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams marks the first occurrence (of the alphabetically first duplicated key); the
            // mistake to fix is the repeat, so point there and name the first one's line.
            // When the repeat is found, only its key is named: `compose` drops it and reports the others next.
            (line, column) = (context.mark.line, context.mark.column)
            if let key = duplicates.first,
               let repeated = Self.repeatedKey(key, after: context.mark.line, column: context.mark.column, in: yaml) {
                message += ": duplicate key '\(key)' (first on line \(line + lineOffset))"
                (line, column) = repeated
            } else {
                message += ": duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))"
            }
        default:
            message += ": \(error)"
        }
        diagnostics.append(.error(path, line: line + lineOffset, column: max(1, column), message))
    }

    /// For libyaml's "did not find expected ',' or ']'" (or '}'): the bracket, when the flow list or
    /// mapping opened at `opened` is still open where libyaml stopped (brackets counted outside
    /// quotes). Nil when it was closed: then the mistake is inside it (a missing comma), not the end.
    static func unclosedBracket(problem: String, opened: Mark, stopped: Mark, in yaml: String) -> (open: Character, close: Character)? {
        let pair: (open: Character, close: Character)
        switch problem {
        case "did not find expected ',' or ']'": pair = ("[", "]")
        case "did not find expected ',' or '}'": pair = ("{", "}")
        default: return nil
        }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard opened.line >= 1, opened.line <= lines.count, stopped.line >= opened.line else { return nil }
        var depth = 0
        var quote: Character?
        var previous: Character = ","
        for index in (opened.line - 1)..<min(stopped.line, lines.count) {
            var text = lines[index]
            if index == opened.line - 1 { text = text.dropFirst(max(0, opened.column - 1)) }
            if index == stopped.line - 1 && index != opened.line - 1 { text = text.prefix(max(0, stopped.column - 1)) }
            for ch in text {
                defer { if !ch.isWhitespace { previous = ch } }
                if let q = quote {
                    if ch == q { quote = nil }
                } else if ch == "\"" || ch == "'", "[{,:".contains(previous) {
                    quote = ch // a quote starts a value only at its start (not the "'" in "it's")
                } else if ch == "[" || ch == "{" {
                    depth += 1
                } else if ch == "]" || ch == "}" {
                    depth -= 1
                    if depth == 0 { return nil }
                }
            }
        }
        guard depth > 0, lines[opened.line - 1].dropFirst(max(0, opened.column - 1)).first == pair.open else { return nil }
        return pair
    }

    /// Plain words after the three libyaml messages staff meet most (review D 7); libyaml points
    /// where it gave up, which is often a line after the mistake.
    static func hint(for problem: String, atLine line: Int, in yaml: String) -> String? {
        switch problem {
        case "did not find expected key":
            return "is a quote opened above and never closed, or a line above indented differently?"
        case "found character that cannot start any token":
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            guard line >= 1, line <= lines.count, lines[line - 1].contains("\t") else { return nil }
            return "this line has a tab: indent with spaces, not tabs"
        case "found a tab character that violates indentation":
            return "indent with spaces, not tabs"
        case "mapping values are not allowed in this context":
            // A key line indented unlike the ones above (a stray space) reads as a value going on.
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            if line >= 1, line <= lines.count {
                let indent = { (l: Substring) in l.prefix { $0 == " " }.count }
                let previous = lines[..<(line - 1)].last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                if let previous, indent(lines[line - 1]) != indent(previous), !previous.hasSuffix(":") {
                    return "this line is indented differently from the line above: line the keys up"
                }
            }
            return "put a value that contains ': ' in quotes"
        case "could not find expected ':'":
            return "write a space after each key's colon ('title: Text'), and close every quote"
        default:
            return nil
        }
    }

    /// Warnings for plain (unquoted) values that a ` #` cuts short: YAML reads the rest as a
    /// comment, so `title: TMS #1 therapy` is "TMS" (review E 8). Only a `#` glued to what follows
    /// ("#1", "Suite #4") after a single space: `idle_timeout: 120   # seconds` is a comment.
    mutating func warnAboutCutValues(in yaml: String) {
        for (i, raw) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "-" }
            guard let colon = line.range(of: ": "), !line.hasPrefix("#") else { continue }
            let value = line[colon.upperBound...].drop { $0 == " " }
            guard let first = value.first, !"\"'#|>[{&*!".contains(first),
                  let hash = value.range(of: " #"), hash.upperBound < value.endIndex,
                  !value[hash.upperBound].isWhitespace,
                  hash.lowerBound > value.startIndex, value[value.index(before: hash.lowerBound)] != " " else { continue }
            let kept = value[..<hash.lowerBound].trimmingCharacters(in: .whitespaces)
            let key = line[..<colon.lowerBound]
            diagnostics.append(.warning(path, line: i + 1 + lineOffset, column: raw.count - value.count + 1,
                "'\(key)' is read as '\(kept)': in YAML ' #' starts a comment; put the value in quotes to keep the rest"))
        }
    }

    /// Where `key` appears again in the block mapping whose first occurrence of it is at
    /// `line`:`column` (1-based, in `yaml`): the next line at the same indentation that starts with
    /// `key:` (plain or quoted), before the mapping ends (a less indented line). Nil for flow
    /// mappings and anything else this simple scan cannot place.
    static func repeatedKey(_ key: String, after line: Int, column: Int, in yaml: String) -> (line: Int, column: Int)? {
        let indent = column - 1
        guard indent >= 0 else { return nil }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line < lines.count else { return nil }
        for index in line..<lines.count {
            let text = lines[index]
            let spaces = text.prefix { $0 == " " }.count
            let rest = text.dropFirst(spaces)
            if rest.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) || rest.hasPrefix("#") { continue }
            if spaces < indent { return nil }
            guard spaces == indent else { continue }
            for spelling in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(spelling) {
                let after = rest.dropFirst(spelling.count).drop { $0 == " " || $0 == "\t" }
                if after.hasPrefix(":") { return (index + 1, column) }
            }
        }
        return nil
    }

    // MARK: Typed values

    /// The entries of a mapping node; keys not in `known` are warned about (with a suggestion, or
    /// `hints[key]` when that says better where the key belongs).
    mutating func fields(_ node: Node, known: [String], in context: String, hints: [String: String] = [:]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(node, "\(context) must be a mapping of `key: value` lines, not \(describe(node))")
            return nil
        }
        let (line, column) = position(node)
        var fields = Fields(entries: [:], line: line, column: column)
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error(key, "\(context) keys must be plain words")
                continue
            }
            let name = scalar.string
            if !known.contains(name) {
                var message = "unknown key '\(name)' in \(context)"
                if let hint = hints[name] {
                    message += " (\(hint))"
                } else if let guess = Suggestions.closest(to: name, in: known).first {
                    message += " (did you mean '\(guess)'?)"
                }
                message += "; it is ignored"
                warning(key, message)
            }
            fields.entries[name] = (key, value)
        }
        return fields
    }

    /// A scalar's text; nil (no report) for a missing or null value, nil with an error for a list or mapping.
    mutating func string(_ entry: (key: Node, value: Node)?, _ name: String) -> String? {
        guard let entry else { return nil }
        switch entry.value {
        case .scalar(let scalar):
            if entry.value.null != nil && scalar.style == .plain { return nil }
            return scalar.string
        default:
            error(entry.value, "'\(name)' must be text, not \(describe(entry.value))")
            return nil
        }
    }

    /// Like `string`, but a missing, null or blank value is an error at the key (or at `fields`).
    mutating func requiredString(_ fields: Fields, _ name: String, in context: String) -> String? {
        guard let entry = fields[name] else {
            diagnostics.append(.error(path, line: fields.line, column: fields.column,
                                      "missing required key '\(name)' in \(context)"))
            return nil
        }
        guard let value = string(entry, name) else {
            if case .scalar = entry.value { error(entry.key, "'\(name)' is empty") }
            return nil
        }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            error(entry.value, "'\(name)' is empty")
            return nil
        }
        return trimmed
    }

    /// A list of scalars. A single scalar or a mapping is a type error.
    mutating func stringList(_ entry: (key: Node, value: Node)?, _ name: String) -> [(text: String, node: Node)]? {
        guard let entry else { return nil }
        if case .scalar(let scalar) = entry.value, entry.value.null != nil, scalar.style == .plain { return [] }
        guard case .sequence(let sequence) = entry.value else {
            error(entry.value, "'\(name)' must be a list (lines starting with '- '), not \(describe(entry.value))")
            return nil
        }
        var out: [(String, Node)] = []
        for item in sequence {
            guard case .scalar(let scalar) = item else {
                error(item, "each entry of '\(name)' must be text, not \(describe(item))")
                continue
            }
            let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { error(item, "empty entry in '\(name)'") } else { out.append((text, item)) }
        }
        return out
    }

    /// A whole number; anything else is an error naming the key.
    mutating func int(_ entry: (key: Node, value: Node)?, _ name: String) -> Int? {
        guard let entry else { return nil }
        if case .scalar(let scalar) = entry.value, let n = Int(scalar.string.trimmingCharacters(in: .whitespaces)) {
            return n
        }
        error(entry.value, "'\(name)' must be a whole number, not \(describe(entry.value))")
        return nil
    }

    /// `true`/`false` (YAML's yes/no spellings too).
    mutating func bool(_ entry: (key: Node, value: Node)?, _ name: String) -> Bool? {
        guard let entry else { return nil }
        if case .scalar = entry.value, let b = entry.value.bool { return b }
        error(entry.value, "'\(name)' must be true or false, not \(describe(entry.value))")
        return nil
    }

    /// A `YYYY-MM-DD` date.
    mutating func date(_ entry: (key: Node, value: Node)?, _ name: String) -> CalendarDate? {
        guard let text = string(entry, name), let entry else { return nil }
        if let date = CalendarDate(iso: text.trimmingCharacters(in: .whitespaces)) { return date }
        error(entry.value, "'\(name)' must be a date written YYYY-MM-DD (e.g. 2026-03-01), not '\(text)'")
        return nil
    }

    /// A short description of a node for messages ("a list", "a mapping", "'abc'").
    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): s.string.isEmpty ? "nothing" : "'\(s.string.prefix(40))'"
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .alias: "an alias"
        }
    }
}
