import Foundation
import Testing
@testable import PamphletKit

/// `ContentLoader.parseDocument` / `parseSite` on single texts, and folder-level cases built in temp folders.
@Suite struct LoadParseTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var text: String
        var line: Int
        var fragment: String
        var severity: Diagnostic.Severity = .error
        var description: String { name }
    }

    static let problems: [Case] = [
        Case(name: "whitespace only", text: "  \n\n ", line: 1, fragment: "empty file"),
        Case(name: "empty front matter", text: "---\n---\nBody\n", line: 1, fragment: "front matter is empty"),
        Case(name: "empty kind", text: "---\nkind: \"\"\ntitle: T\n---\n", line: 2, fragment: "'kind' is empty"),
        Case(name: "null title", text: "---\nkind: faq\ntitle:\n---\n", line: 3, fragment: "'title' is empty"),
        Case(name: "title is a list", text: "---\nkind: faq\ntitle: [a, b]\n---\n", line: 3, fragment: "'title' must be text, not a list"),
        Case(name: "misspelt kind", text: "---\nkind: artcle\ntitle: T\n---\n", line: 2, fragment: "did you mean 'article'?"),
        Case(name: "misspelt key", text: "---\nkind: faq\ntitle: T\ntagz: [a]\n---\n", line: 4,
             fragment: "unknown key 'tagz' in front matter (did you mean 'tags'?)", severity: .warning),
        Case(name: "id with a space", text: "---\nid: my page\nkind: faq\ntitle: T\n---\n", line: 2, fragment: "contains ' '"),
        Case(name: "related not a list", text: "---\nkind: faq\ntitle: T\nrelated: other\n---\n", line: 4, fragment: "'related' must be a list"),
        Case(name: "review not a mapping", text: "---\nkind: faq\ntitle: T\nreview: yesterday\n---\n", line: 4, fragment: "review must be a mapping"),
        Case(name: "impossible date", text: "---\nkind: faq\ntitle: T\nreview:\n  next_review: 2026-02-30\n---\n", line: 5, fragment: "YYYY-MM-DD"),
        Case(name: "duplicate key", text: "---\nkind: faq\ntitle: A\ntitle: B\n---\n", line: 4,
             fragment: "duplicate key 'title' (first on line 3)"),
        Case(name: "duplicate key after others", text: "---\nkind: faq\ntitle: A\n# note\n\nkind: article\n---\n", line: 6,
             fragment: "duplicate key 'kind' (first on line 2)"),
        Case(name: "duplicate nested key", text: "---\nkind: faq\ntitle: A\nreview:\n  reviewed_by: X\n  \"reviewed_by\" : Y\n---\n",
             line: 6, fragment: "duplicate key 'reviewed_by' (first on line 5)"),
        Case(name: "language without a stemmer", text: "---\nkind: article\ntitle: T\nlanguage: xx\n---\nBody\n", line: 4,
             fragment: "language 'xx' has no stemmer", severity: .warning),
        Case(name: "tab indentation", text: "---\nkind: faq\ntitle: T\nreview:\n\tnext_review: x\n---\n", line: 5, fragment: "malformed front matter YAML"),
        Case(name: "negative outcome", text: "---\nkind: checklist\ntitle: T\nquestion: Q?\nitems: [a]\noutcomes:\n  - min: -1\n    text: x\n---\n",
             line: 7, fragment: "'min' must be 0 or more"),
        Case(name: "outcome min not a number", text: "---\nkind: checklist\ntitle: T\nquestion: Q?\nitems: [a]\noutcomes:\n  - min: lots\n    text: x\n---\n",
             line: 7, fragment: "'min' must be a whole number"),
        Case(name: "checklist items not a list", text: "---\nkind: checklist\ntitle: T\nitems: one\noutcomes: [{min: 0, text: x}]\n---\n",
             line: 4, fragment: "'items' must be a list"),
        Case(name: "checklist keys on an article", text: "---\nkind: article\ntitle: T\nitems: [a]\n---\nBody\n", line: 4,
             fragment: "only used by checklists", severity: .warning),
        Case(name: "raw HTML", text: "---\nkind: article\ntitle: T\n---\nText\n\n<div>x</div>\n", line: 7,
             fragment: "raw HTML", severity: .warning),
        Case(name: "FAQ without questions", text: "---\nkind: faq\ntitle: T\n---\nJust text.\n", line: 1,
             fragment: "FAQ has no questions", severity: .warning),
        Case(name: "file link", text: "---\nkind: article\ntitle: T\n---\nSee [a file](file:///etc/passwd).\n", line: 5,
             fragment: "link 'file:///etc/passwd' goes nowhere for readers", severity: .warning),
        Case(name: "relative link", text: "---\nkind: article\ntitle: T\n---\nText\n\n[rel](../../site.yaml)\n", line: 7,
             fragment: "link '../../site.yaml' goes nowhere", severity: .warning),
        Case(name: "script link", text: "---\nkind: article\ntitle: T\n---\n[js](javascript:alert(1))\n", line: 5,
             fragment: "link 'javascript:alert(1)' goes nowhere", severity: .warning),
        Case(name: "image path", text: "---\nkind: article\ntitle: T\n---\n![img](/etc/shadow)\n", line: 5,
             fragment: "link '/etc/shadow' goes nowhere", severity: .warning),
        Case(name: "empty link", text: "---\nkind: article\ntitle: T\n---\n[nothing]()\n", line: 5,
             fragment: "link without a target", severity: .warning),
    ]

    /// Addresses a reader can follow are not warned about.
    @Test func outsideAddressesAreFine() {
        let text = "---\nkind: article\ntitle: T\n---\n[w](https://example.org) [m](mailto:a@example.org) [t](tel:+15550100) [h](HTTP://example.org/x)\n"
        let (_, diagnostics) = ContentLoader.parseDocument(text: text, path: "x.md")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
    }

    @Test(arguments: problems)
    func reportsProblem(_ c: Case) {
        let (_, diagnostics) = ContentLoader.parseDocument(text: c.text, path: "x.md")
        let hit = diagnostics.first { $0.message.contains(c.fragment) }
        #expect(hit?.line == c.line, "\(diagnostics.map(\.description))")
        #expect(hit?.severity == c.severity)
        #expect(hit?.path == "x.md")
    }

    /// A duplicate key used to be the only thing reported for its file: after removing it, the
    /// other mistakes appeared one check later. Now the repeat is reported and the rest still checked.
    @Test(arguments: ["\n", "\r\n"])
    func duplicateKeyDoesNotHideOtherProblems(_ newline: String) {
        let text = [
            "---", "kind: article", "title: A", "tags:", "- x", "title: B", "tags:", "  - y", "  - z",
            "related: nowhere", "review:", "  last_reviewed: 2026-13-45", "---",
            "Intro with a [broken](pamphlet:missing) link.", "",
        ].joined(separator: newline)
        let (document, diagnostics) = ContentLoader.parseDocument(text: text, path: "x.md")
        let lines = diagnostics.map(\.line)
        #expect(diagnostics.contains { $0.line == 6 && $0.message.contains("duplicate key 'title' (first on line 3)") },
                "\(diagnostics.map(\.description))")
        #expect(diagnostics.contains { $0.line == 7 && $0.message.contains("duplicate key 'tags' (first on line 4)") },
                "\(diagnostics.map(\.description))")
        #expect(lines.contains(10) && lines.contains(12), "\(diagnostics.map(\.description))")
        #expect(document?.title == "A")
        #expect(document?.tags == ["x"])

        // The folder-level check of the body link needs the loader: the file is still parsed to the end.
        let site = "name: X\nname: Y\ntheme: purple\nkiosk:\n  idle_timeout: -5\n"
        let (_, siteDiagnostics) = ContentLoader.parseSite(text: site, path: "site.yaml")
        #expect(siteDiagnostics.map(\.line) == [2, 3, 5], "\(siteDiagnostics.map(\.description))")
    }

    @Test(arguments: ["en", "es-MX", "de", "pt-BR", "NB"])
    func stemmedLanguagesLoadQuietly(_ language: String) {
        let (doc, diagnostics) = ContentLoader.parseDocument(
            text: "---\nkind: faq\ntitle: T\nlanguage: \(language)\n---\n## Q?\nA.\n", path: "x.md")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(doc?.language == language.lowercased())
    }

    @Test func idDefaultsToFileName() throws {
        let (doc, diagnostics) = ContentLoader.parseDocument(text: "---\nkind: faq\ntitle: T\n---\n## Q?\nA.\n", path: "a/b/my-faq.md")
        #expect(diagnostics.isEmpty)
        #expect(doc?.id == "my-faq")
    }

    @Test func windowsLineEndsAndByteOrderMark() throws {
        let text = "\u{FEFF}---\r\nkind: faq\r\ntitle: T\r\n---\r\nIntro\r\n\r\n## Q one?\r\nA.\r\n"
        let (doc, diagnostics) = ContentLoader.parseDocument(text: text, path: "x.md")
        #expect(diagnostics.isEmpty)
        #expect(doc?.sections.first?.line == 7)
        #expect(doc?.sections.first?.id == "q-one")
    }

    @Test func sectionSlugsDeduplicate() throws {
        let text = "---\nkind: faq\ntitle: T\n---\n## Costs\na\n## Costs\nb\n### Costs\nc\n## Costs 2\nd\n"
        let (doc, _) = ContentLoader.parseDocument(text: text, path: "x.md")
        #expect(doc?.sections.map(\.id) == ["costs", "costs-2", "costs-3", "costs-2-2"])
    }

    @Test func manyDocumentsNeverCrash() {
        // Odd but possible inputs: every one gives diagnostics or a document, never a crash.
        let texts = ["---", "---\n", "---\n...\n", "---\n: :\n---\n", "---\n[\n---\n", "---\n&a x: *a\n---\n",
                     "---\nkind: faq\ntitle: T\n---", "---\nkind: faq\ntitle: !!binary x\n---\n", "\u{0}", "---\n- - -\n---\n",
                     "---\nkind: faq\ntitle: T\n---\n| a |\n|---|\n| b | c | d |\n", "---\nkind: [faq]\ntitle: {a: b}\n---\n"]
        for text in texts {
            let (doc, diagnostics) = ContentLoader.parseDocument(text: text, path: "odd.md")
            #expect(doc != nil || diagnostics.hasErrors, "\(text.debugDescription)")
        }
    }

    @Test func deepNestingIsFlattenedNotACrash() throws {
        let quotes = "---\nkind: article\ntitle: Deep\n---\n" + String(repeating: ">", count: 5000) + " deep\n"
        let (doc, diagnostics) = ContentLoader.parseDocument(text: quotes, path: "deep.md")
        #expect(diagnostics.map(\.line) == [5])
        #expect(diagnostics.first?.message.contains("flattened") == true)
        #expect(doc?.intro.plainText == "deep")
        let emphasis = "---\nkind: article\ntitle: Deep\n---\n" + String(repeating: "*a ", count: 3000) + "x"
            + String(repeating: " b*", count: 3000) + "\n"
        let (emphasized, _) = ContentLoader.parseDocument(text: emphasis, path: "deep.md")
        #expect(emphasized?.intro.plainText.contains("x") == true)
    }

    @Test func deepNestingWarningNamesTheFirstFlattenedLine() {
        // Review H 7: level31 (line 36) is still drawn with its bullet; level32 (line 37) is the
        // first item shown flattened.
        let list = (0..<50).map { String(repeating: "  ", count: $0) + "- level\($0)" }.joined(separator: "\n")
        let text = "---\nkind: article\ntitle: Deep\n---\n" + list + "\n"
        let (_, diagnostics) = ContentLoader.parseDocument(text: text, path: "nested.md")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 5 + 32)
        #expect(diagnostics.first?.column == 1 + 2 * 32)
        let shallow = "---\nkind: article\ntitle: Deep\n---\n" + list.split(separator: "\n").prefix(32).joined(separator: "\n") + "\n"
        #expect(ContentLoader.parseDocument(text: shallow, path: "nested.md").1.isEmpty, "nothing flattened, no warning")
    }

    @Test func veryLargePageIsWarnedAbout() {
        // Review H 2: a page is laid out whole, per width and per search highlight.
        let paragraph = String(repeating: "word ", count: 20) + "\n\n"
        let body = String(repeating: paragraph, count: (4 << 20) / paragraph.utf8.count + 1)
        let (doc, diagnostics) = ContentLoader.parseDocument(text: "---\nkind: article\ntitle: Big\n---\n" + body, path: "big.md")
        #expect(doc != nil)
        #expect(diagnostics.map(\.message) == ["very large page (4.0 MB): the browser lays it out slowly; split it into smaller pages"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func siteProblems() {
        let (site, diagnostics) = ContentLoader.parseSite(text: "name: [x]\ntagline: ok\n", path: "site.yaml")
        #expect(site == nil)
        #expect(diagnostics.map(\.line) == [1])
        let (_, malformed) = ContentLoader.parseSite(text: "name: A\ncontact:\n  phone: \"555\n", path: "site.yaml")
        #expect(malformed.first?.message.contains("malformed site.yaml") == true)
        let (kioskSite, kiosk) = ContentLoader.parseSite(
            text: "name: A\nkiosk:\n  idle_timeout: 0\n  countdown: -1\n  pin_hash: secret\n", path: "site.yaml")
        #expect(kiosk.map(\.line) == [3, 4, 5])
        #expect(kioskSite?.kiosk == KioskSettings())
        let (_, empty) = ContentLoader.parseSite(text: "\n", path: "site.yaml")
        #expect(empty.first?.message == "empty file")
    }

    /// `pamphlet hash-pin >> site.yaml` appends `pin_hash:` at the top level, where it does nothing.
    @Test func siteKioskKeyAtTopLevelSaysWhereItBelongs() {
        let (site, diagnostics) = ContentLoader.parseSite(
            text: "name: A\nkiosk:\n  idle_timeout: 60\npin_hash: \"$argon2id$v=19$x\"\nphone: 555\n", path: "site.yaml")
        #expect(site?.kiosk.pinHash == nil)
        #expect(diagnostics.map(\.description) == [
            "site.yaml:4:1: warning: unknown key 'pin_hash' in site.yaml (it belongs under 'kiosk:', indented two spaces); it is ignored",
            "site.yaml:5:1: warning: unknown key 'phone' in site.yaml (it belongs under 'contact:', indented two spaces); it is ignored",
        ])
    }

    @Test func missingSiteAndContent() throws {
        let folder = try LoadFixtures.temporaryFolder([:])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = ContentLoader.load(directory: folder)
        #expect(result.diagnostics.contains { $0.path == folder + "/site.yaml" && $0.message.hasPrefix("missing site.yaml") })
        #expect(result.diagnostics.contains { $0.severity == .error && $0.message.contains("no content files (.md)") })
        #expect(ContentLoader.load(directory: folder + "/nope").diagnostics.map(\.message) == ["no such file or folder"])
    }

    @Test func symbolicLinkLoopIsReportedNotFollowed() throws {
        let folder = try LoadFixtures.temporaryFolder([
            "site.yaml": LoadFixtures.minimalSite,
            "content/faq/a.md": Data("---\nkind: faq\ntitle: A\n---\n## Q?\nA.\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/content/faq/loop", withDestinationPath: "..")
        let result = ContentLoader.load(directory: folder + "/")
        #expect(result.library.documents.map(\.id) == ["a"])
        let loop = result.diagnostics.first { $0.message.contains("symbolic link loop") }
        #expect(loop?.path == folder + "/content/faq/loop")
        #expect(!result.diagnostics.hasErrors)
    }

    /// Special files and links that reach no file are named for what they are (review H 6: a FIFO
    /// and a device read "cannot read file (permissions?)", link loops "broken symbolic link").
    @Test func specialFilesAndDeadLinksSayWhatTheyAre() throws {
        let folder = try LoadFixtures.temporaryFolder([
            "site.yaml": LoadFixtures.minimalSite,
            "content/faq/a.md": Data("---\nkind: faq\ntitle: A\n---\n## Q?\nA.\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fm = FileManager.default
        let dir = folder + "/content/faq/"
        #expect(mkfifo(dir + "fifo.md", 0o644) == 0)
        try fm.createSymbolicLink(atPath: dir + "zero.md", withDestinationPath: "/dev/zero")
        try fm.createSymbolicLink(atPath: dir + "self.md", withDestinationPath: "self.md")
        try fm.createSymbolicLink(atPath: dir + "x.md", withDestinationPath: "y.md")
        try fm.createSymbolicLink(atPath: dir + "y.md", withDestinationPath: "x.md")
        try fm.createSymbolicLink(atPath: dir + "gone.md", withDestinationPath: "nowhere.md")
        let result = ContentLoader.load(directory: folder)
        #expect(result.library.documents.map(\.id) == ["a"])
        let messages = Dictionary(result.diagnostics.map { (($0.path as NSString).lastPathComponent, $0.message) },
                                  uniquingKeysWith: { a, _ in a })
        #expect(messages["fifo.md"] == "not a regular file (a FIFO); skipped")
        #expect(messages["zero.md"] == "not a regular file (a device); skipped")
        for loop in ["self.md", "x.md", "y.md"] {
            #expect(messages[loop] == "symbolic link loop (it leads back to itself, never to a file); skipped", "\(loop)")
        }
        #expect(messages["gone.md"] == "broken symbolic link (what it points to does not exist); skipped")
        #expect(!result.diagnostics.hasErrors)
    }

    @Test func foldersReachedByManyLinksAreReadOnce() throws {
        let folder = try LoadFixtures.temporaryFolder([
            "site.yaml": LoadFixtures.minimalSite,
            "content/level4/end.md": Data("---\nkind: article\ntitle: End\n---\nText.\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fm = FileManager.default
        // Two links to the next level at each of 4 levels: 16 paths to one file.
        for level in 0..<4 {
            let dir = folder + "/content/level\(level)"
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try fm.createSymbolicLink(atPath: dir + "/left", withDestinationPath: "../level\(level + 1)")
            try fm.createSymbolicLink(atPath: dir + "/right", withDestinationPath: "../level\(level + 1)")
        }
        try fm.createSymbolicLink(atPath: folder + "/content/alias.md", withDestinationPath: "level4/end.md")
        let result = ContentLoader.load(directory: folder)
        // Each file is read once, under its real name; links inside the folder are skipped with a warning.
        #expect(result.library.documents.map(\.id) == ["end"])
        #expect(result.library.documents.first?.sourcePath == "content/level4/end.md")
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        #expect(result.diagnostics.count == 9)
        #expect(result.diagnostics.contains {
            $0.path == folder + "/content/alias.md" && $0.message == "symbolic link to '\(folder)/content/level4/end.md', which is read there; skipped"
        })
    }

    @Test func singleFileChecksItsOwnReferences() throws {
        let folder = try LoadFixtures.temporaryFolder([
            "one.md": Data("---\nkind: faq\ntitle: A\n---\nSee [q](pamphlet:one#nope) and [x](pamphlet:other).\n\n## Q?\nA.\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = ContentLoader.load(directory: folder + "/one.md")
        #expect(result.diagnostics.map(\.line) == [5])
        #expect(result.diagnostics.first?.message.contains("'nope'") == true)
    }

    @Test func folderWithoutContentSubfolder() throws {
        let folder = try LoadFixtures.temporaryFolder([
            "site.yaml": LoadFixtures.minimalSite,
            "page.md": Data("---\nkind: article\ntitle: A\n---\nText.\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = ContentLoader.load(directory: folder)
        #expect(result.diagnostics.isEmpty)
        #expect(result.library.documents.first?.sourcePath == "page.md")
    }

    @Test(arguments: [("Assets/", "Assets/"), ("Assets", "Assets/"), (".", ""), ("./", ""), ("/", "/"), ("a//", "a/")])
    func displayPrefix(_ given: String, _ prefix: String) {
        #expect(ContentLoader.displayPrefix(given) == prefix)
    }

    @Test func suggestions() {
        #expect(Suggestions.closest(to: "ketamine-faqs", in: ["ketamine-faq", "contact", "tms-therapy"]) == ["ketamine-faq"])
        #expect(Suggestions.closest(to: "zzz", in: ["contact"]).isEmpty)
        #expect(Suggestions.closest(to: "tms", in: ["tms-therapy", "tms-self-check", "contact"]) == ["tms-self-check", "tms-therapy"])
    }
}
