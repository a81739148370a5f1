import Testing
@testable import PamphletKit

/// Whatever text the importer writes must read back as the same text through cmark-gfm.
@Suite struct ImportMarkdownWriterTests {
    @Test(arguments: [
        "*not emphasis* and **not strong**", "snake_case_name and _under_", "[not a link](x) or ![no image](y)",
        "<b>not html</b> <!-- nor a comment -->", "# not a heading", "1. not a list", "2) nor this", "- not a bullet",
        "+ plus", "> not a quote", "&amp; stays as typed, & too", "a `tick` and ``two``", "back\\slash\\",
        "~~no strike~~", "=== not an underline", "| a | b |", "Ketamine & Opiates: 90% “quoted” ketamine’s",
        "trailing hash #", "http://example.com/a_b*c",
    ])
    func textRoundTrips(_ text: String) throws {
        let doc = Document(id: "t", kind: .article, title: "T: \"quoted\" # title",
                           intro: [.paragraph([.text(text)])],
                           sections: [Section(id: Slug.make(text), heading: text, level: 2, blocks: [.paragraph([.text("Body.")])])])
        let markdown = MarkdownWriter.write(doc)
        let (parsed, diagnostics) = ContentLoader.parseDocument(text: markdown, path: "t.md")
        #expect(!diagnostics.hasErrors, "\(diagnostics)\n\(markdown)")
        let p = try #require(parsed)
        #expect(p.title == doc.title)
        #expect(p.intro.plainText == text, "\(markdown)")
        #expect(p.sections.first?.heading == text, "\(markdown)")
    }

    @Test func listsCodeAndNestingRoundTrip() throws {
        let blocks: [Block] = [
            .list(ordered: true, start: 3, items: [
                [.paragraph([.text("first")]), .code(language: nil, text: "make\n```\nmake install")],
                [.paragraph([.text("second")]), .list(ordered: false, start: 1, items: [[.paragraph([.text("inner")])]])],
            ]),
            .list(ordered: true, start: 1, items: [[.paragraph([.text("a separate list")])]]),
        ]
        let doc = Document(id: "t", kind: .article, title: "T", intro: blocks)
        let (parsed, diagnostics) = ContentLoader.parseDocument(text: MarkdownWriter.write(doc), path: "t.md")
        #expect(!diagnostics.hasErrors)
        #expect(parsed?.intro == blocks, "\(MarkdownWriter.write(doc))")
    }
}
