import Foundation
import Yams

/// A document as parsed from one file, with what the library-wide checks need to find in it again.
struct ParsedDocument {
    var document: Document
    /// `pamphlet:` links in the body, with their file positions.
    var links: [LocatedLink]
    /// `related:` entries with their file positions.
    var related: [LocatedLink]
    /// Where the id is declared (the `id:` value, or line 1 when it comes from the file name).
    var idLine: Int
    var idColumn: Int
}

/// Parses one content file: front matter (Yams) + Markdown body (cmark-gfm) -> `Document`.
enum DocumentParser {
    static let frontMatterKeys = [
        "id", "kind", "title", "summary", "tags", "language", "url", "review", "conditions", "related",
        "question", "items", "outcomes", "disclaimer",
    ]
    static let checklistKeys = ["question", "items", "outcomes", "disclaimer"]
    /// A content file larger than this gets a warning: pages are laid out whole.
    static let largePageBytes = 4 << 20

    /// Parses `text`; `path` names the file in diagnostics and gives the default id (file name
    /// without `.md`), or with `idFromTitle` the title's slug (text with no file name: standard input).
    static func parse(text: String, path: String, idFromTitle: Bool = false) -> (ParsedDocument?, [Diagnostic]) {
        let (decoded, problems) = SourceText.decode(Data(text.utf8), path: path)
        guard let decoded else { return (nil, problems) }
        return parse(decoded: decoded, path: path, idFromTitle: idFromTitle)
    }

    /// Parses text already checked by `SourceText.decode` (UTF-8, LF line ends, not empty).
    static func parse(decoded text: String, path: String, idFromTitle: Bool = false) -> (ParsedDocument?, [Diagnostic]) {
        let split: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let s): split = s
        case .failure(.missing):
            // Blank lines before the '---' hide it from the front matter's reader; say so.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if let first = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
               first > 0, lines[first].trimmingCharacters(in: .whitespaces) == "---" {
                return (nil, [.error(path, line: first + 1, "front matter must start on line 1: remove the "
                                     + "\(first == 1 ? "blank line" : "\(first) blank lines") before this '---'")])
            }
            return (nil, [.error(path, "missing front matter: a content file starts with a '---' line, "
                                 + "then 'kind:' and 'title:' lines, then '---'")])
        case .failure(.unterminated):
            return (nil, [.error(path, "unterminated front matter: the '---' on line 1 has no closing '---' line")])
        }

        var yaml = YAMLReader(path: path, lineOffset: split.yamlFirstLine - 1)
        let (root, isEmpty) = yaml.compose(split.yaml, what: "front matter YAML")
        var header = Header()
        if let root {
            if let fields = yaml.fields(root, known: frontMatterKeys, in: "front matter") {
                header = readHeader(fields, path: path, idFromTitle: idFromTitle, yaml: &yaml)
            }
        } else if isEmpty {
            yaml.diagnostics.append(.error(path, "front matter is empty: 'kind' and 'title' are required"))
        }
        var diagnostics = yaml.diagnostics
        diagnostics += ControlCharacters.check(body: split.body, firstLine: split.bodyFirstLine, path: path)

        var markdown = MarkdownReader(path: path, firstLine: split.bodyFirstLine)
        let elements = markdown.read(split.body)
        diagnostics += markdown.diagnostics
        let (intro, sections) = SectionBuilder.build(elements, path: path, diagnostics: &diagnostics)

        guard let kind = header.kind, let title = header.title, let id = header.id else { return (nil, diagnostics) }
        var document = Document(
            id: id, kind: kind, title: title, summary: header.summary, tags: header.tags,
            language: header.language, url: header.url, review: header.review,
            intro: intro, sections: sections, conditions: header.conditions,
            related: header.related.map(\.target), checklist: header.checklist, sourcePath: path)
        diagnostics += kindChecks(&document, header: header, path: path)
        if text.utf8.count > largePageBytes {
            // Review H 2: each width and each search highlight of a 20 MB page took seconds and
            // hundreds of megabytes to lay out.
            let mb = (Double(text.utf8.count) / 1_048_576 * 10).rounded() / 10
            diagnostics.append(.warning(path, "very large page (\(mb) MB): the browser lays it out slowly; split it into smaller pages"))
        }
        let parsed = ParsedDocument(document: document, links: markdown.links, related: header.related,
                                    idLine: header.idLine, idColumn: header.idColumn)
        return (parsed, diagnostics)
    }

    // MARK: Front matter

    /// Front matter values, read leniently: every problem is reported, what can be used is kept.
    struct Header {
        var id: String?
        var idLine = 1, idColumn = 1
        var kind: DocumentKind?
        var title: String?
        var summary = ""
        var tags: [String] = []
        var language = "en"
        var url: String?
        var review = ReviewInfo()
        var conditions: [String] = []
        var hasConditions = false
        var related: [LocatedLink] = []
        var checklist: Checklist?
        var checklistLine = 1
    }

    static func readHeader(_ f: YAMLReader.Fields, path: String, idFromTitle: Bool = false, yaml: inout YAMLReader) -> Header {
        var h = Header()
        let fileName = (path as NSString).lastPathComponent
        let fallbackID = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        if let entry = f["id"] {
            (h.idLine, h.idColumn) = yaml.position(entry.value)
            h.id = yaml.string(entry, "id")?.trimmingCharacters(in: .whitespaces)
            if h.id?.isEmpty ?? true { yaml.error(entry.key, "'id' is empty"); h.id = nil }
        } else if !idFromTitle {
            h.id = fallbackID
        }
        if let id = h.id, let bad = id.first(where: { $0.isWhitespace || "#:/?".contains($0) }) {
            yaml.diagnostics.append(.error(path, line: h.idLine, column: h.idColumn,
                "document id '\(id)' contains '\(bad)'; use letters, digits, '-' and '_' (e.g. '\(Slug.make(id))')"))
            h.id = nil
        }

        if let kindText = yaml.requiredString(f, "kind", in: "front matter") {
            if let kind = DocumentKind(rawValue: kindText.lowercased()) {
                h.kind = kind
            } else {
                let valid = DocumentKind.allCases.map(\.rawValue)
                var message = "unknown kind '\(kindText)'; valid kinds are \(valid.joined(separator: ", "))"
                // Keys only one kind uses say more than the spelling: `kind: self-check` over
                // question/items/outcomes is a checklist.
                let kindByKeys: DocumentKind? = checklistKeys.contains(where: { f[$0] != nil }) ? .checklist
                    : f["conditions"] != nil ? .treatment : nil
                if let guess = kindByKeys?.rawValue ?? Suggestions.closest(to: kindText, in: valid).first {
                    message += " (did you mean '\(guess)'?)"
                }
                yaml.error(f["kind"]?.value, message)
            }
        }
        h.title = yaml.requiredString(f, "title", in: "front matter")
        if idFromTitle, f["id"] == nil, let title = h.title { h.id = Slug.make(title) }
        h.summary = yaml.string(f["summary"], "summary")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        h.tags = yaml.stringList(f["tags"], "tags")?.map(\.text) ?? []
        if let language = yaml.string(f["language"], "language")?.trimmingCharacters(in: .whitespaces) {
            if language.isEmpty || !language.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) {
                yaml.error(f["language"]?.value, "'language' must be a language code such as 'en' or 'es', not '\(language)'")
            } else {
                h.language = language.lowercased()
                // Not an error (the page still loads and is found by exact words), but search
                // quality drops silently without stems, so say so.
                if Stemmer.algorithm(for: h.language) == nil {
                    yaml.warning(f["language"]?.value, "language '\(language)' has no stemmer; its words are matched unstemmed (exact forms only)")
                }
            }
        }
        if let url = yaml.string(f["url"], "url")?.trimmingCharacters(in: .whitespaces), !url.isEmpty {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                yaml.warning(f["url"]?.value, "'url' should be a web address starting with https://")
            }
            h.url = url
        }
        if let review = f["review"] { h.review = readReview(review.value, yaml: &yaml) }
        if let conditions = yaml.stringList(f["conditions"], "conditions") {
            h.conditions = conditions.map(\.text)
            h.hasConditions = true
        }
        if let related = yaml.stringList(f["related"], "related") {
            h.related = related.map { entry in
                let (line, column) = yaml.position(entry.node)
                return LocatedLink(target: entry.text, line: line, column: column)
            }
        }
        if h.kind == .checklist {
            h.checklist = readChecklist(f, path: path, yaml: &yaml)
        } else if h.kind != nil {
            // With the kind unknown (or missing), which keys it uses cannot be known: no warnings
            // that the checklist's keys are ignored under the kind error (the error suggests one).
            for key in checklistKeys { if let entry = f[key] { yaml.warning(entry.key, "'\(key)' is only used by checklists; it is ignored") } }
        }
        if h.kind != .treatment && h.kind != nil, let entry = f["conditions"] {
            yaml.warning(entry.key, "'conditions' is only used by treatments; it is ignored")
        }
        return h
    }

    static func readReview(_ node: Node, yaml: inout YAMLReader) -> ReviewInfo {
        guard let f = yaml.fields(node, known: ["reviewed_by", "last_reviewed", "next_review"], in: "review") else {
            return ReviewInfo()
        }
        var review = ReviewInfo()
        review.reviewedBy = yaml.string(f["reviewed_by"], "reviewed_by")?.trimmingCharacters(in: .whitespaces)
        if review.reviewedBy?.isEmpty == true { review.reviewedBy = nil }
        review.lastReviewed = yaml.date(f["last_reviewed"], "last_reviewed")
        review.nextReview = yaml.date(f["next_review"], "next_review")
        if let last = review.lastReviewed, let next = review.nextReview, next < last {
            yaml.warning(f["next_review"]?.value, "'next_review' (\(next)) is before 'last_reviewed' (\(last))")
        }
        return review
    }

    static func readChecklist(_ f: YAMLReader.Fields, path: String, yaml: inout YAMLReader) -> Checklist? {
        let question = yaml.string(f["question"], "question")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let disclaimer = yaml.string(f["disclaimer"], "disclaimer")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""

        var items: [ChecklistItem] = []
        var itemsOK = true
        if let entry = f["items"] {
            if case .sequence(let sequence) = entry.value {
                var seen: Set<String> = []
                for (index, node) in sequence.enumerated() {
                    var item: ChecklistItem?
                    switch node {
                    case .scalar(let s):
                        let text = s.string.trimmingCharacters(in: .whitespacesAndNewlines)
                        if text.isEmpty { yaml.error(node, "empty checklist item") } else { item = ChecklistItem(id: "item-\(index + 1)", text: text) }
                    case .mapping:
                        if let itemFields = yaml.fields(node, known: ["id", "text"], in: "checklist item"),
                           let text = yaml.requiredString(itemFields, "text", in: "checklist item") {
                            let id = yaml.string(itemFields["id"], "id")?.trimmingCharacters(in: .whitespaces)
                            item = ChecklistItem(id: (id?.isEmpty ?? true) ? "item-\(index + 1)" : id ?? "", text: text)
                        }
                    default:
                        yaml.error(node, "a checklist item must be text or a mapping with 'id' and 'text'")
                    }
                    guard let item else { continue }
                    if !seen.insert(item.id).inserted { yaml.error(node, "duplicate checklist item id '\(item.id)'") }
                    items.append(item)
                }
                if sequence.isEmpty { yaml.error(entry.value, "checklist 'items' is empty; list the statements a reader can tick") }
            } else {
                yaml.error(entry.value, "'items' must be a list (lines starting with '- '), not \(yaml.describe(entry.value))")
                itemsOK = false
            }
        } else {
            yaml.diagnostics.append(.error(path, line: f.line, column: f.column,
                                           "checklist has no 'items': list the statements a reader can tick"))
            itemsOK = false
        }

        var outcomes: [ChecklistOutcome] = []
        if let entry = f["outcomes"] {
            if case .sequence(let sequence) = entry.value {
                for node in sequence {
                    guard let o = yaml.fields(node, known: ["min", "text"], in: "checklist outcome") else { continue }
                    let min = yaml.int(o["min"], "min")
                    if o["min"] == nil { yaml.error(node, "checklist outcome needs 'min' (the number of ticked items it starts at)") }
                    if let min, min < 0 { yaml.error(o["min"]?.value, "'min' must be 0 or more") }
                    let text = yaml.requiredString(o, "text", in: "checklist outcome")
                    if let min, min >= 0, let text { outcomes.append(ChecklistOutcome(minimumChecked: min, text: text)) }
                }
                if sequence.isEmpty { yaml.error(entry.value, "checklist 'outcomes' is empty; say what a reader's ticks mean") }
            } else {
                yaml.error(entry.value, "'outcomes' must be a list of `min:`/`text:` entries, not \(yaml.describe(entry.value))")
            }
        } else {
            yaml.diagnostics.append(.error(path, line: f.line, column: f.column,
                                           "checklist has no 'outcomes': add entries with 'min' (ticked items) and 'text'"))
        }
        if !outcomes.isEmpty, let lowest = outcomes.map(\.minimumChecked).min(), lowest > 0 {
            yaml.warning(f["outcomes"]?.value, "no outcome applies when fewer than \(lowest) items are ticked; add one with 'min: 0'")
        }
        if itemsOK, !items.isEmpty, let over = outcomes.first(where: { $0.minimumChecked > items.count }) {
            yaml.warning(f["outcomes"]?.value, "an outcome needs \(over.minimumChecked) ticks but there are only \(items.count) items")
        }
        if question.isEmpty, f["question"] == nil {
            yaml.diagnostics.append(.warning(path, line: f.line, column: f.column,
                                             "checklist has no 'question' (the prompt shown above its items)"))
        }
        return Checklist(question: question, items: items, outcomes: outcomes, disclaimer: disclaimer)
    }

    // MARK: Kind-specific checks

    static func kindChecks(_ document: inout Document, header: Header, path: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        switch document.kind {
        case .treatment where header.conditions.isEmpty:
            out.append(.warning(path, "treatment lists no 'conditions' (the conditions it treats)"))
        case .faq where document.sections.isEmpty:
            out.append(.warning(path, "FAQ has no questions: write each question as a '## ' heading"))
        case .faq:
            // A question with nothing under it (a heading with deeper questions below is a group).
            let sections = document.sections
            for (i, section) in sections.enumerated() where section.blocks.isEmpty {
                if i + 1 < sections.count && sections[i + 1].level > section.level { continue }
                out.append(.warning(path, line: section.line, "question '\(section.heading)' has no answer"))
            }
        default:
            break
        }
        if document.intro.isEmpty && document.sections.isEmpty && document.kind != .checklist {
            out.append(.warning(path, "document has no body text"))
        }
        return out
    }
}
