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

    /// An unknown kind had also given four "'question' is only used by checklists" warnings
    /// (review D 8): the kind is what is wrong, and the checklist's keys say which one was meant.
    @Test func anUnknownKindOverChecklistKeysSuggestsChecklistWithoutWarnings() {
        let text = """
            ---
            kind: self-check
            title: Could TMS help?
            question: Which apply to you?
            items:
              - I feel low
            outcomes:
              none: Nothing ticked.
            disclaimer: Not a diagnosis.
            ---
            """
        let (document, diagnostics) = ContentLoader.parseDocument(text: text + "\n", path: "c.md")
        #expect(document == nil)
        #expect(diagnostics.map(\.description) == [
            "c.md:2:7: error: unknown kind 'self-check'; valid kinds are article, faq, treatment, checklist, contact (did you mean 'checklist'?)",
        ])
    }

    /// `conditions` is a treatment's key; a kind spelled close to another still gets that one.
    @Test func anUnknownKindSuggestsByKeysThenBySpelling() {
        let treatment = ContentLoader.parseDocument(text: "---\nkind: therapy\ntitle: T\nconditions: [depression]\n---\n", path: "t.md")
        #expect(treatment.diagnostics.map(\.description) == [
            "t.md:2:7: error: unknown kind 'therapy'; valid kinds are article, faq, treatment, checklist, contact (did you mean 'treatment'?)",
        ])
        let spelled = ContentLoader.parseDocument(text: "---\nkind: artcle\ntitle: T\n---\n", path: "a.md")
        #expect(spelled.diagnostics.map(\.description).first?.hasSuffix("(did you mean 'article'?)") == true, "\(spelled.diagnostics)")
        // A known kind still hears that checklist keys do nothing there.
        let article = ContentLoader.parseDocument(text: "---\nkind: article\ntitle: T\nquestion: Q?\n---\n\nBody.\n", path: "b.md")
        #expect(article.diagnostics.map(\.description) == ["b.md:4:1: warning: 'question' is only used by checklists; it is ignored"])
    }
}
