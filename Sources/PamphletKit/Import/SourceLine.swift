/// One line of the input, with its indentation measured and its text trimmed.
struct SourceLine: Sendable, Equatable {
    /// 1-based line number in the input (for diagnostics and section lines).
    var number: Int
    /// Leading indentation in columns (a tab advances to the next multiple of 8).
    var indent: Int
    /// The line without leading/trailing white space; no-break and other Unicode spaces count as space.
    var text: String
    /// The line with tabs expanded and trailing space removed, indentation kept (for code blocks).
    var raw: String

    var isBlank: Bool { text.isEmpty }

    /// Number of space-separated words.
    var wordCount: Int { text.split(separator: " ").count }

    static func split(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            lines.append(make(String(rawLine), number: number))
        }
        // A file ending in a newline has no extra empty line.
        if let last = lines.last, last.isBlank, text.hasSuffix("\n") { lines.removeLast() }
        return lines
    }

    static func make(_ line: String, number: Int) -> SourceLine {
        // Plain ASCII without tabs (most lines) needs no expansion.
        let expanded = line.utf8.contains { $0 == 9 || $0 >= 0x80 || $0 == 0x0B || $0 == 0x0C } ? expandingTabs(line) : line
        let end = expanded.lastIndex { $0 != " " }.map { expanded.index(after: $0) } ?? expanded.startIndex
        let raw = String(expanded[..<end])
        let indent = raw.prefix { $0 == " " }.count
        return SourceLine(number: number, indent: indent, text: String(raw.dropFirst(indent)), raw: raw)
    }

    /// Tabs advance to the next multiple of 8; other white space (no-break space ...) becomes a space.
    private static func expandingTabs(_ line: String) -> String {
        var expanded = ""
        expanded.reserveCapacity(line.utf8.count)
        var column = 0
        for ch in line {
            if ch == "\t" {
                let next = (column / 8 + 1) * 8
                expanded += String(repeating: " ", count: next - column)
                column = next
            } else if ch.isWhitespace {
                expanded.append(" ")
                column += 1
            } else {
                expanded.append(ch)
                column += 1
            }
        }
        return expanded
    }
}

/// A run of non-blank lines: the unit paragraphs, headings and lists are recognised from.
struct LineGroup: Sendable, Equatable {
    var lines: [SourceLine]

    var first: SourceLine { lines[0] }
    var isSingleLine: Bool { lines.count == 1 }
    var minIndent: Int { lines.map(\.indent).min() ?? 0 }

    /// Groups the lines, blank lines separating groups.
    static func groups(_ lines: [SourceLine]) -> [LineGroup] {
        var groups: [LineGroup] = []
        var current: [SourceLine] = []
        for line in lines {
            if line.isBlank {
                if !current.isEmpty { groups.append(LineGroup(lines: current)); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { groups.append(LineGroup(lines: current)) }
        return groups
    }
}
