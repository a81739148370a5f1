import Foundation
import Testing
@testable import PamphletKit

/// The loader on `Fixtures/broken`: one file per problem, each reported at its exact line.
@Suite struct LoadBrokenTests {
    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        var line: Int
        var severity: Diagnostic.Severity
        var fragment: String
        init(_ file: String, _ line: Int, _ severity: Diagnostic.Severity, _ fragment: String) {
            (self.file, self.line, self.severity, self.fragment) = (file, line, severity, fragment)
        }
        var description: String { "\(file):\(line) \(severity) \(fragment)" }
    }

    static let expected: [Expected] = [
        Expected("content/bad-date.md", 5, .error, "YYYY-MM-DD"),
        Expected("content/bad-related.md", 6, .error, "'ghost-page'"),
        Expected("content/binary.md", 5, .error, "NUL byte"),
        Expected("content/broken-xref.md", 9, .error, "no document with id 'no-such-doc'"),
        Expected("content/broken-xref.md", 10, .error, "document 'same-id' has no section 'nowhere'"),
        Expected("content/broken-xref.md", 12, .error, "did you mean 'links'?"),
        Expected("content/duplicate-a.md", 2, .error, "duplicate document id 'same-id': also used by"),
        Expected("content/duplicate-b.md", 4, .error, "duplicate document id 'same-id': also used by"),
        Expected("content/empty-checklist.md", 2, .error, "no 'items'"),
        Expected("content/empty-checklist.md", 2, .error, "no 'outcomes'"),
        Expected("content/empty.md", 1, .error, "empty file"),
        Expected("content/invalid-utf8.md", 5, .error, "invalid UTF-8 (byte 0xE9)"),
        Expected("content/level-one.md", 7, .warning, "level-1 heading"),
        Expected("content/malformed-yaml.md", 4, .error, "a '[' opened on line 4 is never closed"),
        Expected("content/missing-kind.md", 2, .error, "missing required key 'kind'"),
        Expected("content/no-conditions.md", 1, .warning, "no 'conditions'"),
        Expected("content/no-front-matter.md", 1, .error, "missing front matter"),
        Expected("content/not-a-mapping.md", 2, .error, "must be a mapping"),
        Expected("content/tags-not-list.md", 4, .error, "'tags' must be a list"),
        Expected("content/unknown-key.md", 4, .warning, "unknown key 'author'"),
        Expected("content/unknown-kind.md", 3, .error, "unknown kind 'blog'; valid kinds are article, faq, treatment, checklist, contact"),
        Expected("content/unterminated.md", 1, .error, "unterminated front matter"),
        Expected("site.yaml", 2, .warning, "unknown key 'colour'"),
        Expected("site.yaml", 4, .error, "'idle_timeout' must be a whole number"),
        Expected("site.yaml", 5, .error, "'allow_exit' must be true or false"),
    ]

    let result = ContentLoader.load(directory: LoadFixtures.broken)

    @Test(arguments: expected)
    func reportsProblemAtItsLine(_ e: Expected) {
        let path = LoadFixtures.broken + "/" + e.file
        let matches = result.diagnostics.filter {
            $0.path == path && $0.line == e.line && $0.severity == e.severity && $0.message.contains(e.fragment)
        }
        #expect(matches.count == 1, "expected \(e) among:\n\(result.diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test func reportsNothingElse() {
        #expect(result.diagnostics.count == Self.expected.count,
                "\(result.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(result.diagnostics == result.diagnostics.sorted())
    }

    @Test func duplicatesNameBothFiles() {
        let a = result.diagnostics.first { $0.path.hasSuffix("duplicate-a.md") }
        let b = result.diagnostics.first { $0.path.hasSuffix("duplicate-b.md") }
        #expect(a?.message.contains("duplicate-b.md:4") == true)
        #expect(b?.message.contains("duplicate-a.md:2") == true)
        #expect(result.library.documents.filter { $0.id == "same-id" }.map(\.title) == ["First"])
    }

    @Test func keepsWhatLoaded() {
        // Files whose only problems are warnings or broken links still load.
        let ids = Set(result.library.documents.map(\.id))
        #expect(ids.isSuperset(of: ["unknown-key", "level-one", "no-conditions", "broken-xref", "bad-related", "same-id"]))
        #expect(!ids.contains("unknown-kind"))
        #expect(result.library.site.name == "Broken Clinic")
        #expect(result.files.count == 20)
    }

    @Test func columnsPointAtTheValue() {
        let date = result.diagnostics.first { $0.path.hasSuffix("bad-date.md") }
        #expect(date.map { ($0.line, $0.column) } ?? (0, 0) == (5, 18))
        let xref = result.diagnostics.first { $0.path.hasSuffix("broken-xref.md") && $0.line == 10 }
        #expect(xref?.column == 10)
    }
}
