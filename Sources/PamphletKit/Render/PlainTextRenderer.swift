/// Renders a document (or one section of it) as wrapped plain text, for `pamphlet show` and printing.
///
/// Links read `text <url>`, cross-references `text [see doc-id#section]`, checklist items `[ ] item`;
/// tables become aligned columns shrunk to the width; code blocks are kept as written. An id or an
/// address is never broken across lines (it is copied from here): wider than the line, it gets a line
/// of its own and overflows.
public enum PlainTextRenderer {
    /// The narrowest width laid out as asked; narrower widths are rendered at this one (room for a
    /// nested list marker and a word of a few letters). `pamphlet show --width` refuses less.
    public static let minimumWidth = 8

    /// The text of `document`, or only of `section` when given, at most `width` cells wide
    /// (except code lines and clusters wider than the line). Ends with a newline.
    /// With `contact`, a whole `contact` document starts with the clinic's details from site.yaml,
    /// as the browser's Contact page does (see `ContactCard`).
    /// With `library`, "See also" lists each related page as its title and id, `Title [see id]`, as
    /// cross-references read; without it, by id only.
    public static func render(document: Document, section: Section? = nil, width: Int, contact: ContactInfo? = nil,
                              library: Library? = nil) -> String {
        let width = max(Self.minimumWidth, width)
        var parts: [[String]] = []
        var header = heading(document.title, underline: "=", width: width)
        if let section { header += [""] + heading(section.heading, underline: "-", width: width) }
        parts.append(header)

        if let section {
            parts += section.blocks.map { lines(for: $0, width: width) }
        } else {
            if document.kind == .contact, let contact { parts += ContactCard.plainText(contact, width: width) }
            if document.kind == .treatment, !document.conditions.isEmpty {
                parts.append(TextWrap.wrap("Conditions treated: " + document.conditions.joined(separator: ", "), width: width))
            }
            let intro = document.intro.isEmpty && !document.summary.isEmpty ? [Block.paragraph([.text(document.summary)])] : document.intro
            parts += intro.map { lines(for: $0, width: width) }
            if let checklist = document.checklist { parts += self.checklist(checklist, title: document.title, width: width) }
            for s in document.sections {
                parts.append(heading(s.heading, underline: s.level <= 2 ? "-" : nil, width: width))
                parts += s.blocks.map { lines(for: $0, width: width) }
            }
            if !document.related.isEmpty {
                if let library {
                    parts.append(["See also:"] + document.related.flatMap { ref -> [String] in
                        let title = library.resolve(ref).map { found in
                            found.section.map { "\(found.document.title) \u{203A} \($0.heading)" } ?? found.document.title
                        }
                        let entry = title.map { "\($0) [see \(ref)]" } ?? ref
                        return hang(wrap(entry, width: width - 2, keeping: [ref]), first: "• ", rest: "  ")
                    })
                } else {
                    parts.append(wrap("See also: " + document.related.joined(separator: ", "), width: width, keeping: document.related))
                }
            }
        }
        if let footer = reviewFooter(document.review) { parts.append(TextWrap.wrap(footer, width: width)) }

        return parts.filter { !$0.isEmpty }
            .map { $0.map(trimTrailing).joined(separator: "\n") }
            .joined(separator: "\n\n") + "\n"
    }

    /// "Reviewed by …, last reviewed …, next review …" or nil when there is no review metadata.
    public static func reviewFooter(_ review: ReviewInfo) -> String? {
        var parts: [String] = []
        if let by = review.reviewedBy { parts.append("Reviewed by \(by)") }
        if let last = review.lastReviewed { parts.append((parts.isEmpty ? "Last reviewed " : "last reviewed ") + last.description) }
        if let next = review.nextReview { parts.append((parts.isEmpty ? "Next review " : "next review ") + next.description) }
        return parts.isEmpty ? nil : parts.joined(separator: ", ") + "."
    }

    // MARK: Blocks

    static func heading(_ text: String, underline: Character?, width: Int) -> [String] {
        let wrapped = TextWrap.wrap(text, width: width)
        guard let underline else { return wrapped }
        let w = min(width, wrapped.map { DisplayWidth.of($0) }.max() ?? 0)
        return wrapped + [String(repeating: underline, count: max(1, w))]
    }

    /// The lines of one block at `width` cells.
    public static func lines(for block: Block, width: Int) -> [String] {
        let width = max(1, width)
        switch block {
        case .paragraph(let inlines), .heading(_, let inlines):
            var tokens: [String] = []
            let text = text(inlines, copyable: &tokens)
            return wrap(text, width: width, keeping: tokens)
        case .list(let ordered, let start, let items):
            let markers = items.indices.map { ordered ? "\(start + $0). " : "• " }
            let markerWidth = markers.map { DisplayWidth.of($0) }.max() ?? 2
            var out: [String] = []
            for (marker, item) in zip(markers, items) {
                let body = item.flatMap { lines(for: $0, width: width - markerWidth) }
                let lead = String(repeating: " ", count: markerWidth - DisplayWidth.of(marker)) + marker
                out += hang(body.isEmpty ? [""] : body, first: lead, rest: String(repeating: " ", count: markerWidth))
            }
            return out
        case .quote(let blocks):
            let inner = blocks.map { lines(for: $0, width: width - 2) }.joined(separator: [""])
            return inner.map { $0.isEmpty ? ">" : "> " + $0 }
        case .table(let table):
            return TableLayout.lines(for: table, width: width, text: text)
        case .code(_, let code):
            return code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        case .rule:
            return [String(repeating: "-", count: width)]
        }
    }

    static func checklist(_ checklist: Checklist, title: String, width: Int) -> [[String]] {
        var parts: [[String]] = []
        if !checklist.question.isEmpty, checklist.question != title { parts.append(TextWrap.wrap(checklist.question, width: width)) }
        parts.append(checklist.items.flatMap { item in
            hang(TextWrap.wrap(item.text, width: width - 4), first: "[ ] ", rest: "    ")
        })
        if !checklist.outcomes.isEmpty {
            var lines = TextWrap.wrap("What your answers mean:", width: width)
            let outcomes = checklist.outcomes.sorted(by: { $0.minimumChecked < $1.minimumChecked })
            for outcome in outcomes {
                // An outcome applies from its `min` up to just below the next higher one (`Checklist.outcome`).
                let next = outcomes.first { $0.minimumChecked > outcome.minimumChecked }?.minimumChecked
                let lead = tickedLabel(from: outcome.minimumChecked, below: next) + ": "
                lines += hang(TextWrap.wrap(lead + outcome.text, width: width - 2), first: "• ", rest: "  ")
            }
            parts.append(lines)
        }
        if !checklist.disclaimer.isEmpty { parts.append(TextWrap.wrap(checklist.disclaimer, width: width)) }
        return parts
    }

    /// How many ticked items an outcome covers: "None ticked", "1 ticked", "0-2 ticked",
    /// "3 or more ticked", or "Any number ticked" for the only outcome starting at 0.
    static func tickedLabel(from low: Int, below next: Int?) -> String {
        guard let next else { return low == 0 ? "Any number ticked" : "\(low) or more ticked" }
        let high = next - 1
        if high == low { return low == 0 ? "None ticked" : "\(low) ticked" }
        return "\(low)-\(high) ticked"
    }

    static func hang(_ lines: [String], first: String, rest: String) -> [String] {
        lines.enumerated().map { index, line in (index == 0 ? first : rest) + line }
    }

    // MARK: Inlines

    /// Inline content as plain text: links as `text <url>`, cross-references as `text [see id]`.
    public static func text(_ inlines: [Inline]) -> String {
        var copyable: [String] = []
        return text(inlines, copyable: &copyable)
    }

    /// `text(inlines)`, adding to `copyable` the ids and addresses in it (what wrapping must not break).
    static func text(_ inlines: [Inline], copyable: inout [String]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .emphasis(let c), .strong(let c): out += text(c, copyable: &copyable)
            case .lineBreak: out += "\n"
            case .link(let target, let c):
                let label = text(c, copyable: &copyable)
                if target.hasPrefix(ContentReference.scheme) {
                    let ref = ContentReference(target).description
                    out += label.isEmpty ? "[see \(ref)]" : "\(label) [see \(ref)]"
                    copyable.append(ref)
                } else if label.isEmpty || label == target || "mailto:" + label == target || "tel:" + label == target {
                    out += label.isEmpty ? target : label
                    copyable.append(label.isEmpty ? target : label)
                } else {
                    out += "\(label) <\(target)>"
                    copyable.append(target)
                }
            }
        }
        return out
    }

    /// `TextWrap.wrap`, except that a word holding one of `tokens` (an id or an address) is never
    /// broken: `show --width 40` had cut "[see ketami" / "ne-faq#does-the-clinic-offer-tms]" (review E 14).
    static func wrap(_ text: String, width: Int, keeping tokens: [String]) -> [String] {
        let tokens = tokens.filter { !$0.isEmpty }
        guard !tokens.isEmpty else { return TextWrap.wrap(text, width: width) }
        return TextWrap.wrap(text, width: width, keepWhole: { word in tokens.contains { word.contains($0) } })
    }

    static func trimTrailing(_ line: String) -> String {
        guard line.utf8.last == UInt8(ascii: " ") else { return line }
        var s = Substring(line)
        while let last = s.last, last == " " { s = s.dropLast() }
        return String(s)
    }
}
