import Foundation
import Testing
@testable import PamphletKit

/// An unclosed `[` or `{` in front matter: libyaml stops at the closing `---`; the report points
/// where the list was opened and says so plainly (review G 7).
@Suite struct YAMLUnclosedBracketTests {
    func problems(_ frontMatter: String) -> [Diagnostic] {
        ContentLoader.parseDocument(text: "---\nkind: article\ntitle: T\n" + frontMatter + "---\n\nText.\n", path: "a.md").diagnostics
    }

    @Test func anUnclosedListPointsAtItsBracket() throws {
        let found = try #require(problems("summary: S\nrelated: [could-tms, it's-fine\nlanguage: en\n").first)
        #expect(found.line == 5 && found.column == 10, "\(found)")
        #expect(found.message.hasSuffix("; a '[' opened on line 5 is never closed with ']'"), "\(found.message)")
    }

    @Test func anUnclosedMappingPointsAtItsBrace() throws {
        let found = try #require(problems("review: {last_reviewed: 2026-01-01\n").first)
        #expect(found.line == 4 && found.column == 9, "\(found)")
        #expect(found.message.hasSuffix("; a '{' opened on line 4 is never closed with '}'"), "\(found.message)")
    }

    @Test func aListOverSeveralLinesIsFine() {
        #expect(problems("tags: [one,\n  two]\n").isEmpty)
    }
}
