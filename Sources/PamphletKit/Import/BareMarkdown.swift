import CCMarkGFM
import Foundation

/// Imports Markdown that has no front matter (a README.md, a page saved as Markdown): the front
/// matter is written for it and the body is kept as Markdown, not escaped.
///
/// The title is the first `#` heading (its line leaves the body), else the first heading of any
/// level, else the first line. HTML comments (a leading `<!-- vim: ... -->` line) are never the
/// title and leave the body (readers never see them). When the file uses `#` for its sections too,
/// every heading moves one level down, so `#` sections become `##` sections and `##` become `###`.
/// The kind is `article`, or `faq` when most sections are questions (as for plain text).
enum BareMarkdown {
    /// One top-level block of the source: where it is and what it is.
    struct Block {
        var isHeading: Bool
        var level: Int
        var isHTMLComment: Bool
        /// Raw HTML (a comment or not).
        var isHTML: Bool
        /// 1-based source lines, inclusive.
        var lines: ClosedRange<Int>
    }

    static func importText(_ text: String, sourceName: String, options: ImportOptions) -> ImportResult {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        // cmark counts lines as `lines` does (the text is normalised to LF); a block past the end is ignored.
        let blocks = outline(text).filter { $0.lines.upperBound <= max(lines.count, 1) && $0.lines.lowerBound <= lines.count }
        var dropped = Set<Int>()
        var replaced: [Int: String] = [:]

        for block in blocks where block.isHTMLComment { dropped.formUnion(block.lines) }
        let content = blocks.filter { !$0.isHTMLComment }

        // The title: the first `#` heading, else the first heading, else the first line.
        var title: String?
        let titleHeading = content.first { $0.isHeading && $0.level == 1 } ?? content.first.flatMap { $0.isHeading ? $0 : nil }
        if let heading = titleHeading {
            title = plainText(headingSource(heading, lines: lines))
            dropped.formUnion(heading.lines)
        } else if let first = content.first(where: { !$0.isHTML }) {
            // The first line of the first text block (a logo in raw HTML says nothing), without a
            // trailing comma or colon where the line wraps.
            let line = lines[first.lines.lowerBound - 1]
            title = plainText(line).trimmingCharacters(in: CharacterSet(charactersIn: ",;: "))
            // A one-line first paragraph that reads like a title is the title, not the intro.
            if first.lines.count == 1, PlainTextImporter.isTitleLike(title ?? "") { dropped.formUnion(first.lines) }
        }
        if let given = options.title { title = given }
        let documentTitle = title.flatMap { $0.isEmpty || $0.count > 120 ? nil : $0 } ?? PlainTextImporter.baseName(sourceName)

        // `#` used for sections as well as the title: everything moves one level down.
        let shift = content.contains { $0.isHeading && $0.level == 1 && $0.lines != titleHeading?.lines } ? 1 : 0
        if shift > 0 {
            for heading in content where heading.isHeading && heading.lines != titleHeading?.lines {
                let level = min(heading.level + shift, 6)
                replaced[heading.lines.lowerBound] = String(repeating: "#", count: level) + " " + headingSource(heading, lines: lines)
                dropped.formUnion(heading.lines.dropFirst())
            }
        }

        // The body with each line's source line number, for diagnostics.
        var body: [(text: String, line: Int)] = []
        for (index, line) in lines.enumerated() where !dropped.contains(index + 1) {
            body.append((replaced[index + 1] ?? line, index + 1))
        }
        while body.first.map({ $0.text.trimmingCharacters(in: .whitespaces).isEmpty }) == true { body.removeFirst() }

        var document = Document(id: options.id ?? Slug.make(documentTitle), kind: options.kind ?? .article, title: documentTitle)
        if document.kind == .checklist {
            return ImportResult(diagnostics: [.error(sourceName,
                "--kind checklist: a self-check needs front matter (question, items, outcomes); Markdown without it cannot be one")])
        }
        let comment = "Imported from \(PlainTextImporter.commentName(sourceName)) by `pamphlet import` (Markdown without front matter).\n"
            + "Check the text, then add review dates (review: {last_reviewed, next_review}) before publishing."
        let bodyText = body.map(\.text).joined(separator: "\n") + "\n"

        // Parse once to learn the sections and intro (kind and summary), then write the final file.
        var (parsed, diagnostics) = parse(document, comment: comment, body: bodyText, sourceName: sourceName, bodyLines: body.map(\.line))
        if let first = parsed {
            if options.kind == nil { document.kind = PlainTextImporter.inferredKind(sections: first.sections, sawQuestionAnswer: false) }
            document.summary = PlainTextImporter.summary(of: first.intro)
            (parsed, diagnostics) = parse(document, comment: comment, body: bodyText, sourceName: sourceName, bodyLines: body.map(\.line))
        }
        guard var parsed, !diagnostics.hasErrors else {
            var problems = diagnostics
            if !problems.hasErrors { problems.append(.error(sourceName, "could not be read as Markdown")) }
            return ImportResult(diagnostics: problems)
        }
        let relativePath = "content/\(parsed.kind.folderName)/\(parsed.id).md"
        parsed.sourcePath = relativePath
        let markdown = MarkdownWriter.frontMatter(document, comment: comment) + "\n" + bodyText
        return ImportResult(documents: [ImportedDocument(document: parsed, markdown: markdown, relativePath: relativePath)],
                            diagnostics: diagnostics, droppedLines: dropped.sorted().map { lines[$0 - 1] })
    }

    /// The file as the loader reads it; diagnostics point at the source's lines, not the new file's.
    private static func parse(_ document: Document, comment: String, body: String, sourceName: String,
                              bodyLines: [Int]) -> (Document?, [Diagnostic]) {
        let front = MarkdownWriter.frontMatter(document, comment: comment) + "\n"
        let offset = front.utf8.filter { $0 == UInt8(ascii: "\n") }.count
        let (parsed, diagnostics) = ContentLoader.parseDocument(text: front + body, path: sourceName)
        let mapped = diagnostics.map { d -> Diagnostic in
            var d = d
            let index = d.line - offset - 1
            d.line = bodyLines.indices.contains(index) ? bodyLines[index] : 1
            if !bodyLines.indices.contains(index) { d.column = 1 }
            return d
        }
        return (parsed, mapped)
    }

    /// A heading's text as Markdown source, without its `#` marks or setext underline.
    static func headingSource(_ block: Block, lines: [String]) -> String {
        let first = lines[block.lines.lowerBound - 1]
        let trimmed = first.drop { $0 == " " }
        if trimmed.hasPrefix("#") {
            var rest = trimmed.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            // A closing run of `#` ("## Title ##") is not part of the text.
            if let cut = rest.lastIndex(where: { $0 != "#" }), rest.hasSuffix("#"), rest[cut] == " " {
                rest = String(rest[..<cut]).trimmingCharacters(in: .whitespaces)
            } else if rest.allSatisfy({ $0 == "#" }) {
                rest = ""
            }
            return rest
        }
        // Setext: the lines above the `===` or `---` underline.
        var text: [String] = []
        for number in block.lines where number <= lines.count {
            let line = lines[number - 1].trimmingCharacters(in: .whitespaces)
            if let c = line.first, c == "=" || c == "-", line.allSatisfy({ $0 == c }) { break }
            text.append(line)
        }
        return text.joined(separator: " ")
    }

    /// Inline Markdown as the plain text a reader sees ("**Pamphlet** `v2`" -> "Pamphlet v2").
    static func plainText(_ markdown: String) -> String {
        var reader = MarkdownReader(path: "", firstLine: 1)
        let elements = reader.read(markdown)
        guard let first = elements.first else { return "" }
        let text: String
        switch first {
        case .heading(_, let inlines, _): text = inlines.plainText
        case .block(.paragraph(let inlines), _): text = inlines.plainText
        case .block(let block, _): text = [block].plainText
        }
        return Reflow.collapseSpaces(text)
    }

    /// The top-level blocks of `text` with their source lines (libcmark-gfm; memory freed here).
    static func outline(_ text: String) -> [Block] {
        MarkdownReader.withDocument(text, tables: false) { root in
            MarkdownReader.children(of: root).compactMap { node -> Block? in
                let start = Int(cmark_node_get_start_line(node)), end = Int(cmark_node_get_end_line(node))
                guard start > 0 else { return nil }
                let type = cmark_node_get_type(node)
                var isComment = false
                if type == CMARK_NODE_HTML_BLOCK {
                    let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                    let t = literal.trimmingCharacters(in: .whitespacesAndNewlines)
                    isComment = t.hasPrefix("<!--") && t.hasSuffix("-->")
                }
                return Block(isHeading: type == CMARK_NODE_HEADING, level: Int(cmark_node_get_heading_level(node)),
                             isHTMLComment: isComment, isHTML: type == CMARK_NODE_HTML_BLOCK, lines: start...max(start, end))
            }
        } ?? []
    }
}
