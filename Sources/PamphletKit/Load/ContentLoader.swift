import Foundation

/// The outcome of loading a content folder: everything that loaded, and every problem found.
public struct LoadResult: Sendable {
    /// Every document that loaded (files with errors that prevent reading them are left out).
    public var library: Library
    /// Every problem in the folder, sorted by path, line and column, except that a problem caused
    /// by a file that did not load (a link to it) follows that file's own problems.
    public var diagnostics: [Diagnostic]
    /// The files that were read, as shown in diagnostics (`site.yaml` and every `.md`).
    public var files: [String]
    /// For a single `.md` file loaded without its folder: how many of its links and `related:`
    /// entries name another page, and so could not be checked.
    public var uncheckedReferences = 0

    public init(library: Library, diagnostics: [Diagnostic], files: [String] = []) {
        self.library = library
        self.diagnostics = diagnostics
        self.files = files
    }
}

/// Loads and validates a content folder: `site.yaml` plus `content/**/*.md`.
///
/// Nothing here throws or crashes on bad input: every problem becomes a `Diagnostic` with the
/// file's path (as given, joined with the file's relative path) and its line and column.
public enum ContentLoader {
    /// Loads `directory` (a folder holding `site.yaml` and `content/`, a single `.md` file, or a
    /// single `site.yaml`, which gives a library with that site and no documents).
    ///
    /// Without a `content/` subfolder, Markdown files are looked for in `directory` itself.
    public static func load(directory: String) -> LoadResult {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            return LoadResult(library: emptyLibrary, diagnostics: [.error(directory, "no such file or folder")])
        }
        if !isDirectory.boolValue { return loadSingleFile(directory) }

        let prefix = displayPrefix(directory)
        func display(_ relative: String) -> String { prefix + relative }
        var diagnostics: [Diagnostic] = []
        var files: [String] = []

        // site.yaml
        var site: Site?
        let sitePath = (directory as NSString).appendingPathComponent("site.yaml")
        if fm.fileExists(atPath: sitePath) {
            files.append(display("site.yaml"))
            if let text = read(sitePath, shownAs: display("site.yaml"), into: &diagnostics) {
                let (parsed, problems) = SiteParser.parse(decoded: text, path: display("site.yaml"))
                site = parsed
                diagnostics += problems
            }
        } else {
            // No line or column: there is no file to open at 1:1.
            diagnostics.append(Diagnostic(path: display("site.yaml"), line: 0, column: 0, message:
                "missing site.yaml: the content folder needs one with at least 'name: <clinic name>'", hasPosition: false))
        }

        // content/**/*.md
        let contentPath = (directory as NSString).appendingPathComponent("content")
        var contentIsDirectory: ObjCBool = false
        let hasContentFolder = fm.fileExists(atPath: contentPath, isDirectory: &contentIsDirectory) && contentIsDirectory.boolValue
        let walkRoot = hasContentFolder ? contentPath : directory
        let found = ContentWalker.markdownFiles(in: walkRoot, relative: hasContentFolder ? "content" : "",
                                                display: display, diagnostics: &diagnostics)
        var parsed: [ParsedDocument] = []
        // The ids the files that did not load would have had (-> their paths as shown): a link to
        // one is not "no document with id" but a knock-on of that file's own errors.
        var unloaded: [String: String] = [:]
        for file in found {
            let shown = display(file.relativePath)
            files.append(shown)
            guard let text = read(file.absolutePath, shownAs: shown, into: &diagnostics) else {
                for id in intendedIDs(of: file.relativePath, text: nil) where unloaded[id] == nil { unloaded[id] = shown }
                continue
            }
            let (document, problems) = DocumentParser.parse(decoded: text, path: shown)
            diagnostics += problems
            if document == nil {
                for id in intendedIDs(of: file.relativePath, text: text) where unloaded[id] == nil { unloaded[id] = shown }
            }
            if var document {
                document.document.sourcePath = file.relativePath
                parsed.append(document)
            }
        }
        if found.isEmpty {
            // An error: `check` passed such a folder and the kiosk then refused to start (review E 10).
            // Named as a folder, with no line or column (it had read `content:1:1`; review F 9).
            let consequence = "the browser has nothing to show and a kiosk will not start"
            diagnostics.append(hasContentFolder
                ? .folder(display("content"), "no content files (.md) in this folder: \(consequence)")
                : .folder(displayFolder(directory), "no content files (.md) in this folder, and no content/ folder in it: \(consequence)"))
        }

        let (documents, duplicateProblems) = removeDuplicates(parsed, display: display)
        diagnostics += duplicateProblems
        let library = Library(site: site ?? Site(name: "Pamphlet"), documents: documents.map(\.document))
        var knockOns: [(Diagnostic, cause: String)] = []
        // A file skipped as a duplicate is not checked further: its links are reported with the kept
        // file's, and a copied file would otherwise read as twice the problems (review G 6).
        diagnostics += checkReferences(documents, in: library, display: display, unloaded: unloaded, knockOns: &knockOns)
        return LoadResult(library: library, diagnostics: ordered(diagnostics, knockOns: knockOns), files: files)
    }

    /// `diagnostics` sorted by path, line and column, and each of `knockOns` (a problem caused by the
    /// file `cause` not loading) just after that file's own problems: sorted by path alone, the links
    /// to a broken file came before its own error, which is the one to fix (review E 8). The
    /// knock-ons of one file keep their sorted order.
    static func ordered(_ diagnostics: [Diagnostic], knockOns: [(Diagnostic, cause: String)]) -> [Diagnostic] {
        guard !knockOns.isEmpty else { return diagnostics.sorted() }
        let causes = Set(diagnostics.map(\.path))
        var base = diagnostics
        var byCause: [String: [Diagnostic]] = [:]
        for (diagnostic, cause) in knockOns {
            // A cause with no problem of its own (not expected: it did not load) leaves them in place.
            if causes.contains(cause) { byCause[cause, default: []].append(diagnostic) } else { base.append(diagnostic) }
        }
        base.sort()
        var out: [Diagnostic] = []
        out.reserveCapacity(base.count + knockOns.count)
        for (i, diagnostic) in base.enumerated() {
            out.append(diagnostic)
            if i + 1 == base.count || base[i + 1].path != diagnostic.path,
               let group = byCause.removeValue(forKey: diagnostic.path) {
                out += group.sorted()
            }
        }
        return out
    }

    /// The ids a content file that failed to load was meant to have: its file name without `.md`,
    /// and the `id:` line of its front matter when one can be read (the YAML may be what is broken,
    /// so the lines are scanned, not parsed).
    static func intendedIDs(of relativePath: String, text: String?) -> [String] {
        let name = (relativePath as NSString).lastPathComponent
        var ids = [name.hasSuffix(".md") ? String(name.dropLast(3)) : name]
        if let text, let id = FrontMatter.rawValue(of: "id", in: text), !ids.contains(id) { ids.append(id) }
        return ids
    }

    /// Parses one content file's text. `path` is used in diagnostics and gives the default id
    /// (with `idFromTitle`, for text with no file name, the title does).
    /// Cross-references are not checked here (that needs the whole library; `load` does it).
    public static func parseDocument(text: String, path: String, idFromTitle: Bool = false) -> (document: Document?, diagnostics: [Diagnostic]) {
        let (parsed, diagnostics) = DocumentParser.parse(text: text, path: path, idFromTitle: idFromTitle)
        return (parsed?.document, diagnostics.sorted())
    }

    /// Parses the text of a `site.yaml`.
    public static func parseSite(text: String, path: String) -> (Site?, [Diagnostic]) {
        let (site, diagnostics) = SiteParser.parse(text: text, path: path)
        return (site, diagnostics.sorted())
    }

    // MARK: Steps

    static let emptyLibrary = Library(site: Site(name: "Pamphlet"), documents: [])

    /// The folder `directory` as named in a diagnostic: "Assets/" -> "Assets", "" -> ".", "/" -> "/".
    static func displayFolder(_ directory: String) -> String {
        let prefix = displayPrefix(directory)
        if prefix.isEmpty { return "." }
        return prefix == "/" ? prefix : String(prefix.dropLast())
    }

    /// "Assets/" -> "Assets/", "Assets" -> "Assets/", "." -> "" (so paths read `content/x.md`).
    public static func displayPrefix(_ directory: String) -> String {
        var d = directory
        while d.count > 1 && d.hasSuffix("/") { d.removeLast() }
        if d == "." || d == "./" || d.isEmpty { return "" }
        return d == "/" ? "/" : d + "/"
    }

    /// Reads and decodes a file; nil (and a diagnostic) if it cannot be used as text.
    static func read(_ path: String, shownAs shown: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(.error(shown, "cannot read file (permissions?)"))
            return nil
        }
        let (text, problems) = SourceText.decode(data, path: shown)
        diagnostics += problems
        return text
    }

    static func loadSingleFile(_ path: String) -> LoadResult {
        // The synonyms file is checked line by line, not as Markdown without front matter.
        if (path as NSString).lastPathComponent == "synonyms.txt" {
            return LoadResult(library: emptyLibrary, diagnostics: SynonymTable.problems(inFileAt: path, shownAs: path), files: [path])
        }
        var diagnostics: [Diagnostic] = []
        guard let text = read(path, shownAs: path, into: &diagnostics) else {
            return LoadResult(library: emptyLibrary, diagnostics: diagnostics, files: [path])
        }
        // A site file is checked as one, not as Markdown without front matter.
        let name = (path as NSString).lastPathComponent
        if name == "site.yaml" {
            let (site, problems) = SiteParser.parse(decoded: text, path: path)
            return LoadResult(library: Library(site: site ?? Site(name: "Pamphlet"), documents: []),
                              diagnostics: (diagnostics + problems).sorted(), files: [path])
        }
        if ["yaml", "yml"].contains((name as NSString).pathExtension.lowercased()) {
            diagnostics.append(.error(path, "not a content file: give a .md file, a site.yaml, or the content folder"))
            return LoadResult(library: emptyLibrary, diagnostics: diagnostics.sorted(), files: [path])
        }
        let (parsed, problems) = DocumentParser.parse(decoded: text, path: path)
        diagnostics += problems
        let documents = parsed.map { [$0] } ?? []
        let library = Library(site: Site(name: "Pamphlet"), documents: documents.map(\.document))
        // Only references within the file can be checked without its folder, and the malformed
        // `pamphlet:#section` (no document id), which is wrong whatever the folder holds.
        func checkable(_ link: LocatedLink, in doc: ParsedDocument) -> Bool {
            let id = ContentReference(link.target).documentID
            return id.isEmpty || id == doc.document.id
        }
        let local = documents.map { doc in
            var d = doc
            d.links = d.links.filter { checkable($0, in: doc) }
            d.related = d.related.filter { checkable($0, in: doc) }
            return d
        }
        var none: [(Diagnostic, cause: String)] = []   // one file: nothing else failed to load
        diagnostics += checkReferences(local, in: library, display: { $0 }, unloaded: [:], knockOns: &none)
        var result = LoadResult(library: library, diagnostics: diagnostics.sorted(), files: [path])
        result.uncheckedReferences = zip(documents, local).reduce(0) { total, pair in
            total + pair.0.links.count + pair.0.related.count - pair.1.links.count - pair.1.related.count
        }
        return result
    }

    /// The content folder a `.md` file belongs to, as `load(directory:)` reads it: the nearest
    /// folder above the file that holds a `site.yaml`, with the file under its `content/` (or
    /// anywhere below it when it has no `content/`). `directory` keeps the spelling of `file`
    /// where it can (`r2/content/faq.md` -> `r2`); `shownPath` is the file's path as the folder's
    /// diagnostics show it. Nil when the file sits in no such folder.
    public struct EnclosingFolder: Sendable, Equatable {
        public var directory: String
        public var shownPath: String
    }

    public static func enclosingFolder(of file: String) -> EnclosingFolder? {
        let fm = FileManager.default
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        let parts = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 2 else { return nil }
        for cut in stride(from: parts.count - 1, through: 0, by: -1) {
            let folder = "/" + parts[..<cut].joined(separator: "/")
            guard fm.fileExists(atPath: (folder as NSString).appendingPathComponent("site.yaml")) else { continue }
            let relative = Array(parts[cut...])
            var isDirectory: ObjCBool = false
            let contentPath = (folder as NSString).appendingPathComponent("content")
            if fm.fileExists(atPath: contentPath, isDirectory: &isDirectory), isDirectory.boolValue,
               relative.first != "content" {
                return nil // beside the content folder, not in it: the loader never reads this file
            }
            // The folder as `file` names it, when `file` ends with the relative path.
            let given = file.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            var directory = folder
            if given.count >= relative.count, Array(given.suffix(relative.count)) == relative {
                let head = given.dropLast(relative.count)
                if head.isEmpty { directory = "." }
                else if head.allSatisfy(\.isEmpty) { directory = "/" }
                else { directory = head.joined(separator: "/") }
            }
            return EnclosingFolder(directory: directory,
                                   shownPath: displayPrefix(directory) + relative.joined(separator: "/"))
        }
        return nil
    }

    /// Keeps one document of each id: the one whose file is named after the id, else the first;
    /// every clash is reported in both files. (A stale "Copy of ketamine-faq.md" sorts before
    /// "ketamine-faq.md" and had been the one shown.) The kept ones stay in the walk's order.
    static func removeDuplicates(_ parsed: [ParsedDocument], display: (String) -> String) -> ([ParsedDocument], [Diagnostic]) {
        func isNamedAfterItsID(_ doc: ParsedDocument) -> Bool {
            ((doc.document.sourcePath as NSString).lastPathComponent as NSString).deletingPathExtension == doc.document.id
        }
        var winner: [String: Int] = [:]
        for (i, doc) in parsed.enumerated() {
            let id = doc.document.id
            if let w = winner[id], isNamedAfterItsID(parsed[w]) || !isNamedAfterItsID(doc) { continue }
            winner[id] = i
        }
        var kept: [ParsedDocument] = []
        var diagnostics: [Diagnostic] = []
        for (i, doc) in parsed.enumerated() {
            let id = doc.document.id
            guard let w = winner[id], w != i else { kept.append(doc); continue }
            let first = parsed[w]
            let firstPath = display(first.document.sourcePath), path = display(doc.document.sourcePath)
            diagnostics.append(.error(path, line: doc.idLine, column: doc.idColumn,
                "duplicate document id '\(id)': also used by \(firstPath):\(first.idLine); this file is skipped"))
            diagnostics.append(.error(firstPath, line: first.idLine, column: first.idColumn,
                "duplicate document id '\(id)': also used by \(path):\(doc.idLine)"))
        }
        return (kept, diagnostics)
    }

    /// Every `pamphlet:` link and `related:` entry must name a document, and a section of it if one is given.
    /// `unloaded`: the ids of files that did not load (-> their paths), named instead of "no document with id".
    /// Those go to `knockOns`, each with the path of the file that did not load, not in the result.
    static func checkReferences(_ parsed: [ParsedDocument], in library: Library, display: (String) -> String,
                                unloaded: [String: String], knockOns: inout [(Diagnostic, cause: String)]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let ids = library.documents.map(\.id)
        for doc in parsed {
            let path = display(doc.document.sourcePath)
            let checks = doc.links.map { ($0, "cross-reference") } + doc.related.map { ($0, "related entry") }
            for (link, what) in checks {
                guard let problem = referenceProblem(link.target, in: library, ids: ids) else { continue }
                let documentID = ContentReference(link.target).documentID
                if library.document(documentID) == nil, let file = unloaded[documentID] {
                    knockOns.append((.error(path, line: link.line, column: link.column,
                                            "broken \(what) '\(link.target)': \(file) did not load (its errors are listed with it)"),
                                     cause: file))
                    continue
                }
                diagnostics.append(.error(path, line: link.line, column: link.column, "broken \(what) '\(link.target)': \(problem)"))
            }
        }
        return diagnostics
    }

    /// Why `target` does not resolve, or nil if it does.
    static func referenceProblem(_ target: String, in library: Library, ids: [String]) -> String? {
        let ref = ContentReference(target)
        if ref.documentID.isEmpty { return "no document id before '#' (write pamphlet:doc-id#section)" }
        guard let document = library.document(ref.documentID) else {
            var message = "no document with id '\(ref.documentID)'"
            let guesses = Suggestions.closest(to: ref.documentID, in: ids)
            if !guesses.isEmpty { message += " (did you mean \(guesses.map { "'\($0)'" }.joined(separator: ", "))?)" }
            return message
        }
        guard let slug = ref.sectionID, document.section(slug) == nil else { return nil }
        var message = "document '\(document.id)' has no section '\(slug)'"
        let slugs = document.sections.map(\.id)
        let guesses = Suggestions.closest(to: slug, in: slugs)
        if !guesses.isEmpty {
            message += " (did you mean \(guesses.map { "'\($0)'" }.joined(separator: ", "))?)"
        } else if slugs.isEmpty {
            message += "; it has no sections"
        } else if slugs.count <= 8 {
            message += "; its sections are \(slugs.joined(separator: ", "))"
        }
        return message
    }
}
