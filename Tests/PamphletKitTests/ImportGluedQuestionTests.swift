import Foundation
import Testing
@testable import PamphletKit

/// FAQ pages saved as text often put each answer on the line right under its question, with no
/// blank line between; the questions were lost in their answers (review A, finding 17).
@Suite struct ImportGluedQuestionTests {
    func importText(_ text: String, kind: DocumentKind? = nil) -> ImportResult {
        PlainTextImporter.importData(Data(text.utf8), sourceName: "page.txt", options: ImportOptions(kind: kind))
    }

    func paragraph(_ text: String) -> Block { .paragraph([.text(text)]) }

    static let threeGlued = """
        Visiting the Clinic

        What should I bring?
        Your photo ID and your insurance card.

        Where do I park?
        Behind the building, in any space marked
        for patients.

        Can I bring my child?
        Yes, the waiting room has a corner for children.

        """

    @Test func aQuestionOverItsAnswerBecomesItsHeading() throws {
        for kind: DocumentKind? in [.faq, nil] {
            let result = importText(Self.threeGlued, kind: kind)
            let doc = try #require(result.documents.first?.document)
            #expect(doc.kind == .faq, "most headings are questions")
            #expect(doc.sections.map(\.heading) == ["What should I bring?", "Where do I park?", "Can I bring my child?"])
            #expect(doc.sections.map(\.blocks) == [
                [paragraph("Your photo ID and your insurance card.")],
                [paragraph("Behind the building, in any space marked for patients.")],
                [paragraph("Yes, the waiting room has a corner for children.")],
            ])
            ImportTestSupport.expectRoundTrip(result)
        }
    }

    /// In an article one or two such blocks are paragraphs that open with a question.
    @Test func anArticleNeedsSeveral() throws {
        let text = """
            Sleep and Mood

            Why does sleep matter?
            Because a tired brain reads every worry as a threat.

            Most adults need seven hours. Fewer, night after night, shows in the mood.

            What helps?
            A fixed time to get up, daylight in the morning, and no screens late.

            """
        let doc = try #require(importText(text).documents.first?.document)
        #expect(doc.kind == .article)
        #expect(doc.sections.isEmpty)
        #expect(doc.intro.first == paragraph("Why does sleep matter? Because a tired brain reads every worry as a threat."))
        // As an FAQ the same text has its two questions.
        let faq = try #require(importText(text, kind: .faq).documents.first?.document)
        #expect(faq.sections.map(\.heading) == ["Why does sleep matter?", "What helps?"])
    }

    /// A run of questions is a list (symptoms, a table of contents), not a question and its answer.
    @Test func runsOfQuestionsAreNotSplit() throws {
        let text = """
            Is It Depression?

            Do you feel sad most days?
            Do you sleep badly?
            Have you lost interest in things you enjoyed?

            1.1 What is lsof?
            1.2 Where do I get it

            """
        let doc = try #require(importText(text, kind: .faq).documents.first?.document)
        #expect(!doc.sections.map(\.heading).contains("Do you feel sad most days?"))
        #expect(!doc.sections.map(\.heading).contains("1.1 What is lsof?"))
        #expect(ImportTestSupport.paragraphs(doc).contains("Do you feel sad most days? Do you sleep badly? Have you lost interest in things you enjoyed?"))
    }

    /// The answer keeps its shape: a list stays a list, and a one-line answer is never a heading.
    @Test func theAnswerIsNeverAHeading() throws {
        let text = """
            Before Your Visit

            What should I bring?
            - Photo ID
            - Insurance card

            Can I drive home afterwards?
            Yes

            Does it hurt?
            Not usually

            """
        let result = importText(text, kind: .faq)
        let doc = try #require(result.documents.first?.document)
        try #require(doc.sections.map(\.heading) == ["What should I bring?", "Can I drive home afterwards?", "Does it hurt?"])
        #expect(doc.sections[0].blocks == [.list(ordered: false, start: 1, items: [[paragraph("Photo ID")], [paragraph("Insurance card")]])])
        #expect(doc.sections[1].blocks == [paragraph("Yes")])
        #expect(doc.sections[2].blocks == [paragraph("Not usually")])
        ImportTestSupport.expectRoundTrip(result)
    }

    /// "Q?" over "A: ..." without a Q: prefix: the A: is dropped as for Q:/A: pairs.
    @Test func anAnswerMarkedAIsKeptWithoutTheMarker() throws {
        let doc = try #require(importText("Parking FAQ\n\nIs parking free?\nA: Yes, for patients.\n", kind: .faq).documents.first?.document)
        #expect(doc.sections.map(\.heading) == ["Is parking free?"])
        #expect(doc.sections[0].blocks == [paragraph("Yes, for patients.")])
    }

    /// Pairs with no blank line between them at all (review C 8: one section held every answer
    /// and the next questions).
    @Test func pairsWithoutBlankLinesBetweenThemSplit() throws {
        let text = "Visit FAQ\n\nHow long is a visit?\nAbout an hour.\nCan I eat before?\nYes, a light meal.\n"
            + "Is there parking?\nYes, free parking.\nDo I need a referral?\nNo.\n"
        let result = PlainTextImporter.importText(text, sourceName: "q6.txt", options: ImportOptions(kind: .faq))
        let doc = try #require(result.documents.first?.document)
        #expect(doc.sections.map(\.heading) == ["How long is a visit?", "Can I eat before?", "Is there parking?", "Do I need a referral?"])
        #expect(doc.sections.map(\.blocks) == [["About an hour."], ["Yes, a light meal."], ["Yes, free parking."], ["No."]]
            .map { $0.map { Block.paragraph([.text($0)]) } })
        ImportTestSupport.expectRoundTrip(result)
    }
}
