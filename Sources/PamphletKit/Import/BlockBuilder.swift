/// What plain text turned into, in reading order, before it is split into sections.
enum TextElement: Equatable {
    case heading(String, HeadingDetection.Style, line: Int)
    case block(Block, line: Int)
}

/// Turns groups of lines into headings, paragraphs, lists and code blocks.
struct BlockBuilder {
    private var queue: [LineGroup]
    private let base: Int
    private(set) var elements: [TextElement] = []
    /// True when `Q:`/`A:` pairs were found (the document is then an FAQ).
    private(set) var sawQuestionAnswer = false

    /// Whether a question line with its answer right under it becomes a heading (see `GluedQuestions`).
    private let splitsGluedQuestions: Bool
    /// The group that holds the answer left after its question was split off: its first line
    /// is answer text, never a heading ("Can I drive after a session?" / "Yes").
    private var answerGroup: Int?

    /// `isFAQ`: the text is imported as an FAQ (`--kind faq`).
    static func build(_ groups: [LineGroup], isFAQ: Bool = false) -> BlockBuilder {
        var builder = BlockBuilder(groups: groups, splitsGluedQuestions: GluedQuestions.shouldSplit(groups, isFAQ: isFAQ))
        builder.run()
        return builder
    }

    private init(groups: [LineGroup], splitsGluedQuestions: Bool = false) {
        queue = groups
        base = groups.map(\.minIndent).min() ?? 0
        self.splitsGluedQuestions = splitsGluedQuestions
    }

    private mutating func run() {
        var i = 0
        while i < queue.count {
            i = step(i)
        }
    }

    /// Consumes one or more groups starting at `i`; returns the next index to look at.
    /// A group can also be replaced by its remainder (after a heading line was taken from it).
    private mutating func step(_ i: Int) -> Int {
        let g = queue[i]
        let text = g.first.text
        let isAnswer = answerGroup == i
        answerGroup = nil

        // Underlined heading: "Introduction" over "============".
        if g.lines.count >= 2, let c = HeadingDetection.underline(g.lines[1], under: g.first), text.count <= 100,
           ListDetection.marker(text) == nil || HeadingDetection.numbered(text) != nil {
            elements.append(.heading(HeadingDetection.strippingNumber(Reflow.collapseSpaces(text)), .underline(c), line: g.first.number))
            return replace(i, dropping: 2)
        }
        // A rule on its own ("-----") separates; it carries no text.
        if HeadingDetection.isRule(text) { return replace(i, dropping: 1) }

        // Q: / A: pairs.
        if let question = HeadingDetection.question(text) {
            var lines = [question]
            var k = 1
            while k < g.lines.count, HeadingDetection.answer(g.lines[k].text) == nil {
                lines.append(g.lines[k].text)
                k += 1
            }
            elements.append(.heading(Reflow.join(lines), .question, line: g.first.number))
            sawQuestionAnswer = true
            return replace(i, dropping: k)
        }
        if let answer = HeadingDetection.answer(text) {
            var lines = g.lines
            lines[0].text = answer
            if answer.isEmpty { lines.removeFirst() }
            if lines.isEmpty { return i + 1 }
            elements.append(.block(.paragraph([.text(Reflow.join(lines.map(\.text)))]), line: g.first.number))
            return i + 1
        }

        // "1. Introduction" alone before a paragraph is a heading, not a one-item list.
        if !isAnswer, g.isSingleLine, g.first.indent < base + 4, let (depth, rest) = HeadingDetection.numbered(text),
           HeadingDetection.isHeadingLike(rest), numberedHeadingContinues(after: i, depth: depth) {
            elements.append(.heading(rest, .numbered(depth: depth), line: g.first.number))
            return i + 1
        }

        if ListDetection.marker(text) != nil {
            let (list, next) = parseList(from: i)
            elements.append(.block(list, line: g.first.number))
            return next
        }

        if g.minIndent >= base + 4, CodeDetection.looksLikeCode(g) {
            var next = i
            var groups: [LineGroup] = []
            while next < queue.count, queue[next].minIndent >= base + 4,
                  ListDetection.marker(queue[next].first.text) == nil, CodeDetection.looksLikeCode(queue[next]) {
                groups.append(queue[next])
                next += 1
            }
            elements.append(.block(codeBlock(groups), line: g.first.number))
            return next
        }

        if !isAnswer, g.first.indent < base + 4, HeadingDetection.isHeadingLike(text) {
            if g.isSingleLine, followedByContent(i) {
                elements.append(.heading(Reflow.collapseSpaces(text), .plain, line: g.first.number))
                return i + 1
            }
            // "Does TMS hurt?" directly over its answer.
            if splitsGluedQuestions, GluedQuestions.isQuestionOverAnswer(g, base: base) {
                elements.append(.heading(Reflow.collapseSpaces(text), .plain, line: g.first.number))
                answerGroup = i
                // Pairs with no blank line between them ("Can I eat before?" / "Yes, a light
                // meal." / "Is there parking?" / ...): the answer ends where the next pair starts.
                if let k = g.lines.indices.dropFirst(2).first(where: {
                    GluedQuestions.isQuestionOverAnswer(LineGroup(lines: Array(g.lines[$0...])), base: base)
                }) {
                    queue[i] = LineGroup(lines: Array(g.lines[1..<k]))
                    queue.insert(LineGroup(lines: Array(g.lines[k...])), at: i + 1)
                    return i
                }
                return replace(i, dropping: 1)
            }
            // "JOB CONTROL" directly over its text.
            if !g.isSingleLine, HeadingDetection.isAllCaps(text) {
                elements.append(.heading(Reflow.collapseSpaces(text), .plain, line: g.first.number))
                return replace(i, dropping: 1)
            }
        }

        // A term directly over an indented list ("compat31" / "\t- the < and > operators ..."), or
        // "They consist of the following tests:" directly over "- Compilation ..." (no blank line):
        // the text before the list is a paragraph, the list is parsed on its own.
        if let k = g.lines.indices.dropFirst().first(where: {
            (g.lines[$0].indent > g.lines[$0 - 1].indent && ListDetection.marker(g.lines[$0].text) != nil)
                || startsGluedList(g.lines, at: $0)
        }) {
            elements.append(.block(.paragraph([.text(Reflow.join(g.lines[..<k].map(\.text)))]), line: g.first.number))
            return replace(i, dropping: k)
        }

        elements.append(.block(.paragraph([.text(Reflow.join(g.lines.map(\.text)))]), line: g.first.number))
        return i + 1
    }

    /// A `- ` or `* ` bullet at line `k` of a paragraph, not indented deeper than the line before,
    /// that really starts a list: the line before ends with a colon, or another line at the same
    /// indentation carries the same bullet. A wrapped sentence with one "- 5" line stays prose.
    private func startsGluedList(_ lines: [SourceLine], at k: Int) -> Bool {
        let line = lines[k], previous = lines[k - 1]
        guard let bullet = line.text.first, bullet == "-" || bullet == "*", let marker = ListDetection.marker(line.text),
              !marker.ordered, line.indent <= previous.indent, ListDetection.marker(previous.text) == nil else { return false }
        if previous.text.hasSuffix(":") { return true }
        return lines[(k + 1)...].contains { $0.indent == line.indent && $0.text.first == bullet && ListDetection.marker($0.text) != nil }
    }

    /// Drops the first `count` lines of group `i`; returns where to continue.
    private mutating func replace(_ i: Int, dropping count: Int) -> Int {
        let rest = Array(queue[i].lines.dropFirst(count))
        if rest.isEmpty { return i + 1 }
        queue[i] = LineGroup(lines: rest)
        return i
    }

    /// A plain heading must lead something that is not itself a heading candidate.
    private func followedByContent(_ i: Int) -> Bool {
        guard i + 1 < queue.count else { return false }
        let next = queue[i + 1]
        if next.lines.count >= 2, HeadingDetection.underline(next.lines[1], under: next.first) != nil { return false }
        if next.isSingleLine, HeadingDetection.isHeadingLike(next.first.text),
           ListDetection.marker(next.first.text) == nil, HeadingDetection.question(next.first.text) == nil {
            return false
        }
        return true
    }

    /// A numbered heading is followed by text, or by a deeper numbered heading ("1 Intro" / "1.1 Scope"),
    /// never by its next sibling ("1. Apples" / "2. Pears" is a list).
    private func numberedHeadingContinues(after i: Int, depth: Int) -> Bool {
        guard i + 1 < queue.count else { return false }
        let next = queue[i + 1]
        if let (nextDepth, rest) = HeadingDetection.numbered(next.first.text), next.isSingleLine,
           HeadingDetection.isHeadingLike(rest) {
            return nextDepth > depth
        }
        if ListDetection.marker(next.first.text)?.ordered == true { return false }
        return true
    }

    private func codeBlock(_ groups: [LineGroup]) -> Block {
        let indent = groups.map(\.minIndent).min() ?? 0
        let text = groups.map { CodeDetection.dedented($0.lines, by: indent).joined(separator: "\n") }
            .joined(separator: "\n\n")
        return .code(language: nil, text: text)
    }

    /// Parses a list starting at group `start`: items at the first marker's indentation, their
    /// wrapped lines, and indented groups after them (paragraphs, code, nested lists).
    private func parseList(from start: Int) -> (Block, Int) {
        let firstLine = queue[start].first
        guard let firstMarker = ListDetection.marker(firstLine.text) else {
            return (.paragraph([.text(firstLine.text)]), start + 1)
        }
        let markerIndent = firstLine.indent
        var contentColumn = markerIndent + firstMarker.width
        var items: [[Block]] = []
        var itemBlocks: [Block] = []
        var itemLines: [String] = []
        var open = false

        func isSibling(_ line: SourceLine) -> ListDetection.Marker? {
            guard let m = ListDetection.marker(line.text), m.ordered == firstMarker.ordered,
                  abs(line.indent - markerIndent) <= 1 else { return nil }
            return m
        }
        func flushLines() {
            if !itemLines.isEmpty { itemBlocks.append(.paragraph([.text(Reflow.join(itemLines))])) }
            itemLines = []
        }
        func closeItem() {
            flushLines()
            if open { items.append(itemBlocks) }
            itemBlocks = []
            open = false
        }

        var i = start
        while i < queue.count {
            let g = queue[i]
            if i != start, isSibling(g.first) == nil {
                // Not a new item: indented content belongs to the open item; anything else ends the list.
                guard open, g.minIndent > markerIndent + 1 else { break }
                flushLines()
                if ListDetection.marker(g.first.text) != nil {
                    let (nested, next) = parseList(from: i)
                    itemBlocks.append(nested)
                    i = next
                    continue
                }
                if g.minIndent >= contentColumn + 4 {
                    itemBlocks.append(codeBlock([g]))
                } else {
                    itemBlocks.append(.paragraph([.text(Reflow.join(g.lines.map(\.text)))]))
                }
                i += 1
                continue
            }
            var k = 0
            while k < g.lines.count {
                let line = g.lines[k]
                if let m = isSibling(line) {
                    closeItem()
                    open = true
                    itemLines = [m.rest]
                    contentColumn = line.indent + m.width
                } else if open, line.indent > markerIndent + 1, let m = ListDetection.marker(line.text), !m.ordered {
                    // A deeper bullet list inside the same run of lines ("- tests:" / "  - fuzzer"):
                    // its lines are parsed as a list of their own and nest in the open item.
                    var end = k + 1
                    while end < g.lines.count, g.lines[end].indent > markerIndent + 1 { end += 1 }
                    flushLines()
                    itemBlocks.append(BlockBuilder(groups: [LineGroup(lines: Array(g.lines[k..<end]))]).parseList(from: 0).0)
                    k = end
                    continue
                } else {
                    itemLines.append(line.text)
                }
                k += 1
            }
            flushLines()
            i += 1
        }
        closeItem()
        return (.list(ordered: firstMarker.ordered, start: firstMarker.number, items: items), i)
    }
}
