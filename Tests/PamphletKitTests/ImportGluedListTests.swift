import Foundation
import Testing
@testable import PamphletKit

/// A bullet list right after a paragraph line (no blank line between) was flowed into the
/// paragraph: "They consist of the following tests: - Compilation ... - Compilation ..." (review B,
/// finding 20, on zstd's TESTING imported as text).
@Suite struct ImportGluedListTests {
    func document(_ text: String) throws -> Document {
        let result = PlainTextImporter.importData(Data(text.utf8), sourceName: "page.txt")
        ImportTestSupport.expectRoundTrip(result)
        return try #require(result.documents.first?.document)
    }

    @Test func listAfterAColonLine() throws {
        let doc = try document("""
            Tests

            Short Tests
            -----------
            Short tests run on every commit.
            They consist of the following tests:
            - Compilation on all supported targets
            - Small tests on x64
              with a wrapped line

            Done.
            """)
        let blocks = try #require(doc.sections.first?.blocks)
        #expect(blocks.first == .paragraph([.text("Short tests run on every commit. They consist of the following tests:")]))
        guard case .list(let ordered, _, let items) = blocks[1] else {
            Issue.record("no list: \(blocks)")
            return
        }
        #expect(!ordered)
        #expect(items.map(\.plainText) == ["Compilation on all supported targets", "Small tests on x64 with a wrapped line"])
    }

    @Test func nestedBulletsInsideTheRun() throws {
        let doc = try document("Title\n\nThey are:\n- Entire suite on:\n  - x86 with UBsan\n  - ARM\n- Fuzzer with Tsan\n")
        guard case .list(_, _, let items)? = doc.intro.last else {
            Issue.record("no list: \(doc.intro)")
            return
        }
        #expect(items.count == 2)
        #expect(items[0].first == .paragraph([.text("Entire suite on:")]))
        guard case .list(_, _, let nested)? = items[0].last else {
            Issue.record("no nested list: \(items[0])")
            return
        }
        #expect(nested.map(\.plainText) == ["x86 with UBsan", "ARM"])
    }

    /// bash's COMPAT: a term over a tab-indented list whose items wrap; the list starts at its first
    /// item, not at a later one (an earlier version of this change split there and glued the first).
    @Test func termOverAnIndentedListStartsAtTheFirstItem() throws {
        let doc = try document("Title\n\ncompat43\n\t- the shell does not print a warning\n\t  when asked.\n\t- word expansion errors\n\t  are non-fatal\n\t- loop state is kept\n")
        #expect(doc.intro.first == .paragraph([.text("compat43")]))
        guard case .list(_, _, let items)? = doc.intro.last else {
            Issue.record("no list: \(doc.intro)")
            return
        }
        #expect(items.map(\.plainText) == ["the shell does not print a warning when asked.", "word expansion errors are non-fatal",
                                           "loop state is kept"])
    }

    /// A wrapped sentence with one line that happens to start with "- " stays prose.
    @Test func aLoneDashLineIsProse() throws {
        let doc = try document("Title\n\nThe valid range is 1\n- 5 for most settings.\n")
        #expect(doc.intro == [.paragraph([.text("The valid range is 1 - 5 for most settings.")])])
    }

    /// The real document, as Debian ships it (zstd), imported as text.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/doc/zstd/TESTING.md")))
    func zstdTesting() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: "/usr/share/doc/zstd/TESTING.md"))
        let result = PlainTextImporter.importData(data, sourceName: "TESTING.txt")
        ImportTestSupport.expectRoundTrip(result)
        let doc = try #require(result.documents.first?.document)
        let short = try #require(doc.sections.first { $0.heading == "Short Tests" })
        guard case .list(_, _, let items) = short.blocks.last else {
            Issue.record("no list in Short Tests: \(short.blocks)")
            return
        }
        #expect(items.count == 4)
        #expect(!ImportTestSupport.paragraphs(doc).contains { $0.contains("following tests: -") })
    }
}
