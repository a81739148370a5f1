import Testing
@testable import PamphletKit

/// Messages for mistakes the generic ones hid (review B, finding 19).
@Suite struct LoadMessageTests {
    @Test func blankLinesBeforeTheFrontMatterAreNamed() {
        let (document, diagnostics) = ContentLoader.parseDocument(text: "\n\n---\nkind: article\ntitle: T\n---\n\nBody.\n", path: "a.md")
        #expect(document == nil)
        #expect(diagnostics.map(\.description) == ["a.md:3:1: error: front matter must start on line 1: remove the 2 blank lines before this '---'"])
    }

    @Test func anFAQQuestionWithoutAnAnswerIsWarned() {
        let text = """
            ---
            kind: faq
            title: Questions
            ---

            ## Visits

            ### When are you open?

            Weekdays.

            ### Where do I park?

            ## Is it safe?

            Yes.
            """
        let (_, diagnostics) = ContentLoader.parseDocument(text: text, path: "faq.md")
        #expect(diagnostics.map(\.description) == ["faq.md:12:1: warning: question 'Where do I park?' has no answer"])
    }
}
