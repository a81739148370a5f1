import Foundation

/// Turns a web page saved as text (or any plain-text manual, README or FAQ) into content files.
///
/// The steps, each in its own file: decode and normalise (`TextDecoding`), split into lines
/// (`SourceLine`), drop page boilerplate (`Boilerplate`), lift out self-check forms
/// (`ChecklistDetection`), find headings, lists and code (`BlockBuilder`), split into sections
/// (`SectionAssembly`) and write Markdown (`MarkdownWriter`).
public enum PlainTextImporter {
    /// Imports raw bytes: UTF-8 decoded lossily (invalid bytes become a warning, never a failure).
    public static func importData(_ data: Data, sourceName: String, options: ImportOptions = ImportOptions()) -> ImportResult {
        if let problem = BinaryCheck.problem(data, sourceName: sourceName) { return ImportResult(diagnostics: [problem]) }
        if let problem = HTMLCheck.problem(data, sourceName: sourceName) { return ImportResult(diagnostics: [problem]) }
        let (text, warnings) = TextDecoding.decode(data, sourceName: sourceName)
        var result = importText(text, sourceName: sourceName, options: options)
        result.diagnostics = warnings + result.diagnostics
        return result
    }

    /// Imports text. `sourceName` names the input in diagnostics and in the files' header comment.
    public static func importText(_ text: String, sourceName: String, options: ImportOptions = ImportOptions()) -> ImportResult {
        let original = SourceLine.split(TextDecoding.normalize(text))
        var lines = original
        var dropped: [String] = []

        // 1. Boilerplate, line by line. Removed lines become blank so paragraphs stay apart.
        let verdicts = Boilerplate.classify(lines)
        var callToAction = [Bool](repeating: false, count: lines.count)
        for index in lines.indices where verdicts[index] != .content {
            dropped.append(lines[index].text)
            callToAction[index] = verdicts[index] == .callToAction
            lines[index] = blank(lines[index])
        }

        // Site chrome: the menu a saved page starts with, the legal lines it ends with.
        // Read on the lines as they were: "Contact Us" in the menu is already gone as a call to action.
        for index in PageChrome.leading(original) + PageChrome.trailing(original) where !lines[index].isBlank {
            dropped.append(lines[index].text)
            lines[index] = blank(lines[index])
        }

        for index in InfoNavigation.navigationLines(lines) where !lines[index].isBlank {
            dropped.append(lines[index].text)
            lines[index] = blank(lines[index])
        }

        // 2. Self-check forms come out before taglines are trimmed (their items are short lines too).
        var groups = LineGroup.groups(lines)
        let checklists = ChecklistDetection.find(in: groups)
        let checklistLines = Set(checklists.flatMap { found in
            found.groupIndices.flatMap { groups[$0].lines.map(\.number) }
        })
        for index in lines.indices where checklistLines.contains(lines[index].number) {
            lines[index] = blank(lines[index])
        }

        // 3. The page's footer: short lines that share a block with a call to action at the end.
        for index in Boilerplate.trailingTaglines(original: original, current: lines, callToAction: callToAction) {
            dropped.append(lines[index].text)
            lines[index] = blank(lines[index])
        }

        groups = LineGroup.groups(lines)
        guard !groups.isEmpty || !checklists.isEmpty else {
            return ImportResult(diagnostics: [.error(sourceName, "no text to import (the file is empty or only boilerplate)")],
                                droppedLines: dropped)
        }

        // 4. Title: the first line when it reads like one; its underline goes with it.
        var title: String?
        var titleUnderline: Character?
        if let first = groups.first?.lines.first, isTitleLike(first.text) {
            title = HeadingDetection.strippingNumber(Reflow.collapseSpaces(first.text))
            var rest = Array(groups[0].lines.dropFirst())
            if let next = rest.first, let c = HeadingDetection.underline(next, under: first) {
                titleUnderline = c
                rest.removeFirst()
            }
            if rest.isEmpty { groups.removeFirst() } else { groups[0] = LineGroup(lines: rest) }
        }

        let builder = BlockBuilder.build(groups, isFAQ: options.kind == .faq)
        let (intro, sections) = SectionAssembly.assemble(builder.elements, titleUnderline: titleUnderline)
        let documentTitle = options.title ?? title ?? sections.first?.heading ?? baseName(sourceName)

        var diagnostics: [Diagnostic] = []
        var documents: [Document] = []
        if !intro.isEmpty || !sections.isEmpty || checklists.isEmpty {
            let kind = options.kind ?? inferredKind(sections: sections, sawQuestionAnswer: builder.sawQuestionAnswer)
            documents.append(Document(
                id: options.id ?? Slug.make(documentTitle), kind: kind, title: documentTitle,
                summary: summary(of: intro), intro: intro, sections: sections))
            if sections.isEmpty && intro.isEmpty {
                diagnostics.append(.warning(sourceName, "only a title was found; the document has no text"))
            }
        }
        for found in checklists {
            documents.append(checklistDocument(found))
        }
        if options.kind == .checklist {
            documents.removeAll { $0.kind == .checklist && $0.checklist == nil }
            if documents.isEmpty {
                diagnostics.append(.error(sourceName, "--kind checklist: no checklist (a question followed by \"I ...\" statements) was found"))
            }
        }
        documents = uniqueIDs(documents)
        linkRelated(&documents)

        let comment = "Imported from \(commentName(sourceName)) by `pamphlet import`.\nCheck the text, then add review dates (review: {last_reviewed, next_review}) before publishing."
        let imported = documents.map { doc in
            var doc = doc
            doc.sourcePath = "content/\(doc.kind.folderName)/\(doc.id).md"
            let note = doc.checklist == nil ? comment : comment + "\n" + placeholderNote
            return ImportedDocument(document: doc, markdown: MarkdownWriter.write(doc, comment: note),
                             relativePath: doc.sourcePath)
        }
        return ImportResult(documents: imported, diagnostics: diagnostics, droppedLines: dropped)
    }

    private static func blank(_ line: SourceLine) -> SourceLine {
        SourceLine(number: line.number, indent: 0, text: "", raw: "")
    }

    /// A title may be a little longer than a heading, and may end in `?` or `!`.
    static func isTitleLike(_ text: String) -> Bool {
        guard text.utf8.count <= 480 else { return false }
        let t = Reflow.collapseSpaces(text)
        guard t.count <= 120, t.split(separator: " ").count <= 16, let last = t.last, !".:;,".contains(last) else { return false }
        return t.contains(where: \.isLetter) && ListDetection.marker(t) == nil
    }

    /// `faq` when `Q:` lines were found or most headings (at least three) are questions.
    static func inferredKind(sections: [Section], sawQuestionAnswer: Bool) -> DocumentKind {
        if sawQuestionAnswer { return .faq }
        let questions = sections.filter { $0.heading.hasSuffix("?") }.count
        return questions >= 3 && questions * 10 >= sections.count * 6 ? .faq : .article
    }

    /// The intro's first sentence (or its start), for lists and search results; empty when that
    /// sentence is the whole lead paragraph: the summary would only repeat it (the intro is indexed
    /// with its summary, so search snippets read the paragraph twice, review D 11). The text stays
    /// in the page either way.
    static func summary(of intro: [Block]) -> String {
        guard case .paragraph(let inlines)? = intro.first(where: { if case .paragraph = $0 { true } else { false } }) else { return "" }
        let text = inlines.plainText
        let paragraph = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var sentence = ""
        var previous: Character = " "
        for ch in text {
            // A sentence ends at . ? ! followed by a space ("version 5.2" goes on).
            if ch == " ", ".?!".contains(previous), sentence.count >= 20 { break }
            if sentence.count > 400 { break }
            sentence.append(ch)
            previous = ch
        }
        if sentence.trimmingCharacters(in: .whitespacesAndNewlines) == paragraph { return "" }
        if sentence.count > 200 {
            let cut = sentence.prefix(200)
            sentence = String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
        }
        return sentence
    }

    static func checklistDocument(_ found: ChecklistDetection.Found) -> Document {
        var used: [String: Int] = [:]
        let items = found.items.map { text -> ChecklistItem in
            let words = text.split(separator: " ").prefix(6).joined(separator: " ")
            let slug = Slug.make(words)
            let n = (used[slug] ?? 0) + 1
            used[slug] = n
            return ChecklistItem(id: n == 1 ? slug : "\(slug)-\(n)", text: text)
        }
        return Document(
            id: Slug.make(found.question), kind: .checklist, title: found.question,
            checklist: Checklist(question: found.question, items: items, outcomes: neutralOutcomes,
                                 disclaimer: "This self-check is not a diagnosis."))
    }

    /// The header comment of a self-check made from a page's text. `check` warns while a front
    /// matter comment still holds `placeholderMarker` (review G 12): the note is the importer's own
    /// mark, which staff delete once the texts are theirs.
    public static let placeholderNote = "The outcome texts and disclaimer are \(placeholderMarker): replace them with the clinic's own."
    public static let placeholderMarker = "neutral placeholders"

    /// The page gives no outcome texts, and the loader needs some: these say nothing medical,
    /// only where to ask. The file's header comment asks the clinic to replace them.
    static let neutralOutcomes = [
        ChecklistOutcome(minimumChecked: 0, text: "None of these describe you today. If anything changes, staff at the front desk can answer questions."),
        ChecklistOutcome(minimumChecked: 1, text: "One or more of these describe you. You may want to talk about this with the clinic’s staff."),
    ]

    /// Ids stay unique across the files one input makes (-2, -3 ...).
    private static func uniqueIDs(_ documents: [Document]) -> [Document] {
        var used: Set<String> = []
        return documents.map { doc in
            var doc = doc
            var candidate = doc.id
            var n = 1
            while used.contains(candidate) {
                n += 1
                candidate = "\(doc.id)-\(n)"
            }
            used.insert(candidate)
            doc.id = candidate
            return doc
        }
    }

    /// The page and the self-checks lifted out of it point at each other.
    private static func linkRelated(_ documents: inout [Document]) {
        guard documents.count > 1 else { return }
        let ids = documents.map(\.id)
        for index in documents.indices {
            documents[index].related = ids.filter { $0 != documents[index].id }
        }
    }

    /// "pages/faq.txt" -> "faq" (or "faq.txt").
    /// The source's file name for the written file's header comment: control characters and line
    /// breaks in a file name would break the YAML it sits in (review C 14: an ESC made the imported
    /// file fail `check`).
    static func commentName(_ path: String) -> String {
        TerminalSafeText.clean(baseName(path, keepExtension: true)).replacingOccurrences(of: "\n", with: " ")
    }

    static func baseName(_ path: String, keepExtension: Bool = false) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        guard !keepExtension, let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last.isEmpty ? "document" : last }
        return String(last[..<dot])
    }
}
