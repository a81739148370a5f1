import Foundation

/// Imports a file that already is Pamphlet Markdown (front matter + CommonMark): validated with
/// the loader and copied as it is. Files with errors are reported (path:line) and not imported.
/// Markdown without front matter (a README.md) gets front matter written for it (`BareMarkdown`).
public enum MarkdownImporter {
    public static func importData(_ data: Data, sourceName: String, options: ImportOptions = ImportOptions()) -> ImportResult {
        if let problem = BinaryCheck.problem(data, sourceName: sourceName) { return ImportResult(diagnostics: [problem]) }
        // A `.md` name on a saved web page: HTML, not Markdown (front matter means it is ours).
        if !startsWithFrontMatter(data), let problem = HTMLCheck.problem(data, sourceName: sourceName) {
            return ImportResult(diagnostics: [problem])
        }
        let (text, warnings) = TextDecoding.decode(data, sourceName: sourceName)
        return importText(text, sourceName: sourceName, warnings: warnings, options: options)
    }

    public static func importText(_ text: String, sourceName: String, warnings: [Diagnostic] = [],
                                  options: ImportOptions = ImportOptions()) -> ImportResult {
        if !hasFrontMatter(text) {
            var result = BareMarkdown.importText(TextDecoding.normalize(text), sourceName: sourceName, options: options)
            result.diagnostics = warnings + result.diagnostics
            return result
        }
        if options.title != nil || options.id != nil {
            return ImportResult(diagnostics: [.error(sourceName,
                "--title and --id are for text and Markdown without front matter; this file has front matter: edit its 'title:' and 'id:' lines")])
        }
        // --kind fills a front matter that has no kind (review E 9: --kind was ignored and the file
        // refused for its missing kind); one that has a kind keeps it, and says so.
        var text = text
        var notes: [Diagnostic] = []
        var insertedLine: Int?
        if let kind = options.kind {
            if let given = FrontMatter.rawValue(of: "kind", in: text), !["null", "~"].contains(given.lowercased()) {
                if given.lowercased() != kind.rawValue {
                    notes.append(.warning(sourceName, "--kind \(kind.rawValue) not used: the front matter says 'kind: \(given)'"))
                }
            } else {
                (text, insertedLine) = Self.settingKind(kind, in: text)
            }
        }
        // Standard input has no file name to give the id: the title's slug does (the file is written under it).
        var (document, diagnostics) = ContentLoader.parseDocument(text: text, path: sourceName,
                                                                  idFromTitle: !hasMarkdownName(sourceName))
        // Lines after an inserted `kind:` line are one further down than in the file given.
        if let insertedLine {
            for i in diagnostics.indices where diagnostics[i].line >= insertedLine { diagnostics[i].line -= 1 }
        }
        let all = warnings + notes + diagnostics
        guard let document, !all.hasErrors else {
            var problems = all
            if !problems.hasErrors { problems.append(.error(sourceName, "not a Pamphlet content file")) }
            return ImportResult(diagnostics: problems)
        }
        let markdown = text.hasSuffix("\n") ? text : text + "\n"
        return ImportResult(
            documents: [ImportedDocument(document: document, markdown: markdown,
                                         relativePath: "content/\(document.kind.folderName)/\(document.id).md")],
            diagnostics: all)
    }

    /// `text` with `kind: <kind>`: an empty `kind:` line (or `null`, `~`) gets the value in place
    /// (a second `kind:` line made the YAML refuse a duplicate key, review F 3), else a line goes
    /// last in the front matter, so the YAML's own messages keep their line numbers (review F 4),
    /// and its 1-based number is returned.
    static func settingKind(_ kind: DocumentKind, in text: String) -> (text: String, insertedLine: Int?) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let fence = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) else {
            return (text, nil)
        }
        var i = fence + 1
        while i < lines.count, lines[i].trimmingCharacters(in: .whitespacesAndNewlines) != "---" {
            if lines[i].hasPrefix("kind:") {
                lines[i] = "kind: \(kind.rawValue)"
                return (lines.joined(separator: "\n"), nil)
            }
            i += 1
        }
        let at = i < lines.count ? i : fence + 1   // before the closing fence, if there is one
        lines.insert("kind: \(kind.rawValue)", at: at)
        return (lines.joined(separator: "\n"), at + 1)
    }

    /// The first line that is not blank is a `---` fence: front matter (maybe broken; the loader says how).
    static func hasFrontMatter(_ text: String) -> Bool {
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { return trimmed == "---" }
        }
        return false
    }

    /// Markdown when the name ends in `.md`/`.markdown`, the text opens with front matter, or text
    /// with no name at all (`unnamed`: standard input) opens with a `# Title` line. Named files
    /// without an extension stay text: in /usr/share/doc those opening with `# ` are scripts and Makefiles.
    public static func isMarkdown(path: String, data: Data, unnamed: Bool = false) -> Bool {
        if hasMarkdownName(path) || startsWithFrontMatter(data) { return true }
        return unnamed && opensWithATXHeading(data)
    }

    static func hasMarkdownName(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    /// The first line that is not blank is a CommonMark ATX heading (`#` to `######`, a space, text),
    /// and not the start of a block of `#` comments (a script's or a config file's licence header).
    static func opensWithATXHeading(_ data: Data) -> Bool {
        // After a byte-order mark (Notepad writes one), as `startsWithFrontMatter` (review E 7).
        let body = data.droppingUTF8BOM
        let head = String(decoding: body.prefix(4096), as: UTF8.self)
        let lines = head.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) else { return false }
        let line = lines[index]
        if index + 1 < lines.count {
            let next = lines[index + 1].trimmingCharacters(in: .whitespaces)
            if next == "#" || next.hasPrefix("# ") { return false }
        }
        let trimmed = line.drop { $0 == " " }
        let hashes = trimmed.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.count - trimmed.count <= 3 else { return false }
        let rest = trimmed.dropFirst(hashes)
        return rest.first == " " && rest.contains { !$0.isWhitespace && $0 != "#" }
    }

    /// The data opens with a `---` line (after a byte-order mark).
    static func startsWithFrontMatter(_ data: Data) -> Bool {
        let body = data.droppingUTF8BOM
        return body.starts(with: Array("---\n".utf8)) || body.starts(with: Array("---\r\n".utf8))
    }
}

/// Refuses binary files (a NUL byte early on) with a clear message instead of importing noise.
enum BinaryCheck {
    static func problem(_ data: Data, sourceName: String) -> Diagnostic? {
        guard data.prefix(8192).contains(0) else { return nil }
        return .error(sourceName, "looks like a binary file (it contains NUL bytes); import takes text or Markdown")
    }
}
