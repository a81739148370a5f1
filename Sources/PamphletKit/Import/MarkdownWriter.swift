/// Writes a `Document` as a Pamphlet content file: YAML front matter, then CommonMark.
public enum MarkdownWriter {
    /// The whole file. `comment` (one or more lines) goes into the front matter as YAML comments.
    public static func write(_ document: Document, comment: String? = nil) -> String {
        frontMatter(document, comment: comment) + "\n" + body(document)
    }

    /// The `---` delimited YAML front matter.
    public static func frontMatter(_ document: Document, comment: String? = nil) -> String {
        let y = MarkdownEscaping.yaml
        var lines = ["---"]
        if let comment {
            lines += comment.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }
        }
        lines.append("id: \(y(document.id))")
        lines.append("kind: \(document.kind.rawValue)")
        lines.append("title: \(y(document.title))")
        if !document.summary.isEmpty { lines.append("summary: \(y(document.summary))") }
        if !document.tags.isEmpty { lines.append("tags: [\(document.tags.map(y).joined(separator: ", "))]") }
        lines.append("language: \(y(document.language))")
        if let url = document.url { lines.append("url: \(y(url))") }
        let review = document.review
        if review.reviewedBy != nil || review.lastReviewed != nil || review.nextReview != nil {
            lines.append("review:")
            if let by = review.reviewedBy { lines.append("  reviewed_by: \(y(by))") }
            if let d = review.lastReviewed { lines.append("  last_reviewed: \(d)") }
            if let d = review.nextReview { lines.append("  next_review: \(d)") }
        }
        if !document.conditions.isEmpty {
            lines.append("conditions:")
            lines += document.conditions.map { "  - \(y($0))" }
        }
        if !document.related.isEmpty {
            lines.append("related:")
            lines += document.related.map { "  - \(y($0))" }
        }
        if let checklist = document.checklist {
            lines.append("question: \(y(checklist.question))")
            lines.append("items:")
            for item in checklist.items {
                lines.append("  - id: \(y(item.id))")
                lines.append("    text: \(y(item.text))")
            }
            lines.append("outcomes:")
            for outcome in checklist.outcomes {
                lines.append("  - min: \(outcome.minimumChecked)")
                lines.append("    text: \(y(outcome.text))")
            }
            if !checklist.disclaimer.isEmpty { lines.append("disclaimer: \(y(checklist.disclaimer))") }
        }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The Markdown body: intro blocks, then each section under a `##`/`###` heading.
    public static func body(_ document: Document) -> String {
        var chunks: [String] = []
        var previousList: Bool?
        func add(_ b: Block) {
            var ordered: Bool?
            if case .list(let o, _, _) = b { ordered = o }
            // Two lists of one type in a row would merge when read back; an HTML comment keeps them apart.
            if let ordered, ordered == previousList { chunks.append("<!-- -->") }
            chunks.append(block(b, indent: ""))
            previousList = ordered
        }
        document.intro.forEach(add)
        for section in document.sections {
            let level = min(max(section.level, 2), 6)
            chunks.append(String(repeating: "#", count: level) + " " + MarkdownEscaping.inline(section.heading, heading: true))
            previousList = nil
            section.blocks.forEach(add)
        }
        return chunks.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    /// One block, every line prefixed with `indent` except the first (the caller places it).
    static func block(_ block: Block, indent: String) -> String {
        let text: String
        switch block {
        case .paragraph(let inlines):
            text = inline(inlines)
        case .heading(let level, let inlines):
            text = String(repeating: "#", count: min(max(level, 1), 6)) + " " + inline(inlines, heading: true)
        case .list(let ordered, let start, let items):
            text = list(ordered: ordered, start: start, items: items)
        case .quote(let blocks):
            text = blocks.map { Self.block($0, indent: "") }.joined(separator: "\n\n")
                .split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> " + $0 }
                .joined(separator: "\n")
        case .table(let table):
            text = self.table(table)
        case .code(let language, let code):
            let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: code) + 1))
            text = fence + (language ?? "") + "\n" + code + "\n" + fence
        case .rule:
            text = "***"
        }
        guard !indent.isEmpty else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 || $0.element.isEmpty ? String($0.element) : indent + $0.element }
            .joined(separator: "\n")
    }

    private static func list(ordered: Bool, start: Int, items: [[Block]]) -> String {
        let tight = items.allSatisfy { $0.count <= 1 && ($0.first.map(isParagraph) ?? true) }
        var out: [String] = []
        for (n, blocks) in items.enumerated() {
            let marker = ordered ? "\(start + n). " : "- "
            let pad = String(repeating: " ", count: marker.count)
            let parts = blocks.map { block($0, indent: pad) }
            var item = marker + (parts.first ?? "")
            for part in parts.dropFirst() { item += "\n\n" + pad + part }
            out.append(item)
        }
        return out.joined(separator: tight ? "\n" : "\n\n")
    }

    private static func isParagraph(_ block: Block) -> Bool {
        if case .paragraph = block { return true }
        return false
    }

    private static func table(_ table: Table) -> String {
        func row(_ cells: [[Inline]]) -> String {
            "| " + cells.map { inline($0).replacingPipes() }.joined(separator: " | ") + " |"
        }
        let delimiter = "| " + table.alignments.map { alignment -> String in
            switch alignment {
            case .none: "---"
            case .left: ":--"
            case .center: ":-:"
            case .right: "--:"
            }
        }.joined(separator: " | ") + " |"
        return ([row(table.header), delimiter] + table.rows.map(row)).joined(separator: "\n")
    }

    /// Inline spans as CommonMark.
    static func inline(_ inlines: [Inline], heading: Bool = false) -> String {
        var out = ""
        for (index, span) in inlines.enumerated() {
            switch span {
            case .text(let s):
                // Only the first span sits at a line start.
                out += index == 0 ? MarkdownEscaping.inline(s, heading: heading) : escapedWithoutLineStart(s, heading: heading)
            case .emphasis(let c): out += "*" + inline(c, heading: heading) + "*"
            case .strong(let c): out += "**" + inline(c, heading: heading) + "**"
            case .code(let s):
                let ticks = String(repeating: "`", count: longestRun(of: "`", in: s) + 1)
                let pad = s.hasPrefix("`") || s.hasSuffix("`") ? " " : ""
                out += ticks + pad + s + pad + ticks
            case .link(let target, let c):
                let safeTarget = target.contains(where: { $0 == " " || $0 == "(" || $0 == ")" }) ? "<\(target)>" : target
                out += "[" + inline(c, heading: heading) + "](" + safeTarget + ")"
            case .lineBreak:
                out += "\\\n"
            }
        }
        return out
    }

    private static func escapedWithoutLineStart(_ text: String, heading: Bool) -> String {
        // Prefix a letter so the line-start rules do not fire, then remove it.
        String(MarkdownEscaping.inline("x" + text, heading: heading).dropFirst())
    }

    private static func longestRun(of c: Character, in text: String) -> Int {
        var best = 0, run = 0
        for ch in text {
            run = ch == c ? run + 1 : 0
            best = max(best, run)
        }
        return best
    }
}

private extension String {
    func replacingPipes() -> String {
        var out = ""
        for c in self { if c == "|" { out += "\\|" } else { out.append(c) } }
        return out
    }
}
