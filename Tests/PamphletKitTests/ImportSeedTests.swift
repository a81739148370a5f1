import Foundation
import Testing
@testable import PamphletKit

/// The clinic's own page (the seed) imported as a real user would: `pamphlet import seed.txt`.
@Suite(.enabled(if: ImportTestSupport.seedExists, "the seed ../shared/seeds/000_5aeca17a0480db8f.txt is not beside the repository"))
struct ImportSeedTests {
    let result: ImportResult

    init() throws {
        let data = try Data(contentsOf: ImportTestSupport.seed)
        result = PlainTextImporter.importData(data, sourceName: "000_5aeca17a0480db8f.txt")
    }

    var article: Document { result.documents[0].document }

    @Test func makesTheArticleAndTheSelfCheck() {
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.map(\.relativePath) == [
            "content/articles/is-ketamine-an-opiate.md",
            "content/checklists/could-tms-therapy-be-right-for-you.md",
        ])
        #expect(article.kind == .article)
        #expect(article.title == "Is Ketamine an Opiate?")
        #expect(article.id == "is-ketamine-an-opiate")
    }

    @Test func findsTheSixHeadingsExactly() {
        #expect(article.sections.map(\.heading) == [
            "Ketamine Effects",
            "Ketamine Drug Trials",
            "The Difference Between Ketamine & Opiates",
            "Is Ketamine Addictive?",
            "Ketamine Efficacy in TRD",
            "Ketamine Treatment for Depression is Available",
        ])
        #expect(article.sections.map(\.id).contains("is-ketamine-addictive"))
        #expect(article.sections.allSatisfy { $0.level == 2 })
        #expect(article.sections.map(\.blocks.count) == [1, 2, 1, 1, 1, 1])
    }

    @Test func leadParagraphIsTheIntro() {
        #expect(article.intro == [.paragraph([.text(
            "With the dangers of ketamine in recreational use but the benefits with psychiatric treatment, what is the truth about Ketamine?")])])
    }

    @Test(arguments: [
        "Leave a Reply", "Your email address will not be published", "Get in touch", "Contact Us",
        "Call Us Today", "•", "Mental Health, Reimagined.",
    ])
    func dropsBoilerplate(_ boilerplate: String) {
        for imported in result.documents {
            #expect(!imported.markdown.contains(boilerplate), "\(imported.relativePath) contains \(boilerplate)")
        }
        #expect(result.droppedLines.contains { $0.contains(boilerplate) })
    }

    @Test func paragraphsAreReflowed() {
        let paragraphs = ImportTestSupport.paragraphs(article)
        #expect(paragraphs.count == 8)
        for p in paragraphs {
            #expect(!p.contains("  ") && !p.contains("\n") && !p.contains("\u{A0}"), "\(p.prefix(60))")
            #expect(p == p.trimmingCharacters(in: .whitespaces))
        }
        // Typographic quotes and apostrophes survive as they are.
        #expect(paragraphs.contains { $0.contains("Dr. Schatzberg suspected ketamine’s effects could be opioid related") })
        #expect(paragraphs.contains { $0.contains("called the results of this study “the beginning of a conversation” and said") })
    }

    @Test func liftsTheSelfCheckOutOfTheArticle() throws {
        let checklistDoc = result.documents[1].document
        #expect(checklistDoc.kind == .checklist)
        let checklist = try #require(checklistDoc.checklist)
        #expect(checklist.question == "Could TMS Therapy Be Right For You?")
        #expect(checklist.items.map(\.text) == [
            "I struggle with depression, OCD or anxiety.",
            "I am experiencing sadness, low energy, difficulty sleeping, poor concentration, appetite changes, irritability or weight gain/loss.",
            "I have tried, or am currently on, 1 or more antidepressant medications.",
            "I have tried talk therapy",
            "Has your doctor/therapist suggested you try TMS?",
        ])
        #expect(!checklist.outcomes.isEmpty)
        #expect(!result.documents[0].markdown.contains("I struggle with"))
        #expect(!result.documents[0].markdown.contains("Could TMS Therapy"))
        // The two files point at each other.
        #expect(article.related == ["could-tms-therapy-be-right-for-you"])
        #expect(checklistDoc.related == ["is-ketamine-an-opiate"])
    }

    @Test func roundTripsThroughTheLoader() throws {
        ImportTestSupport.expectRoundTrip(result)
        let loaded = try ImportTestSupport.loadAsFolder(result)
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics)")
        #expect(loaded.library.documents.count == 2)
        #expect(loaded.library.resolve("is-ketamine-an-opiate#is-ketamine-addictive") != nil)
    }

    @Test func idsAreStable() throws {
        let again = PlainTextImporter.importData(try Data(contentsOf: ImportTestSupport.seed), sourceName: "other-name.txt")
        #expect(again.documents.map(\.document.id) == result.documents.map(\.document.id))
        #expect(again.documents.map(\.document.sections) == result.documents.map(\.document.sections))
    }
}
