import Foundation
import Testing
@testable import PamphletKit

/// The loader on a small, valid content folder that uses every block type.
@Suite struct LoadValidTests {
    let result = ContentLoader.load(directory: LoadFixtures.valid)

    @Test func loadsWithoutProblems() {
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.library.documents.map(\.id) == [
            "ketamine-basics", "tms-self-check", "contact", "common-questions", "iv-ketamine",
        ])
        #expect(result.files.count == 6)
    }

    @Test func site() {
        let site = result.library.site
        #expect(site.name == "Riverside Clinic")
        #expect(site.tagline == "Care that listens")
        #expect(site.theme == "high-contrast")
        #expect(site.contact.phone == "555 0100")
        #expect(site.contact.email == "front@riverside.example")
        #expect(site.contact.address == nil)
        #expect(site.kiosk == KioskSettings(idleTimeoutSeconds: 90, countdownSeconds: 5, pinHash: nil, allowExit: false))
    }

    @Test func articleMetadataAndSections() throws {
        let doc = try #require(result.library.document("ketamine-basics"))
        #expect(doc.kind == .article)
        #expect(doc.title == "Ketamine Basics")
        #expect(doc.summary == "What ketamine is and how it is used.")
        #expect(doc.tags == ["ketamine", "depression"])
        #expect(doc.language == "en")
        #expect(doc.review.reviewedBy == "Dr. A. Example")
        #expect(doc.review.lastReviewed == CalendarDate(year: 2026, month: 1, day: 15))
        #expect(doc.review.nextReview == CalendarDate(year: 2027, month: 1, day: 15))
        #expect(doc.related == ["common-questions#is-it-addictive"])
        #expect(doc.sourcePath == "content/articles/ketamine-basics.md")
        // Duplicate headings get -2; ### is its own section; #### stays inside one.
        #expect(doc.sections.map(\.id) == ["how-it-works", "doses", "safety", "safety-2"])
        #expect(doc.sections.map(\.level) == [2, 3, 2, 2])
        #expect(doc.sections.map(\.line) == [17, 34, 49, 53])
    }

    @Test func introHasInlineSpans() throws {
        let doc = try #require(result.library.document("ketamine-basics"))
        #expect(doc.intro == [.paragraph([
            .text("Ketamine is an "), .emphasis([.text("anesthetic")]), .text(" with "), .strong([.text("fast")]),
            .text(" effects. See the "), .link(target: "pamphlet:common-questions", [.text("FAQ")]), .text(" or "),
            .link(target: "https://riverside.example/ketamine", [.text("the clinic site")]), .text("."),
        ])])
    }

    @Test func everyBlockType() throws {
        let doc = try #require(result.library.document("ketamine-basics"))
        let howItWorks = doc.sections[0].blocks
        #expect(howItWorks.count == 4)
        #expect(howItWorks[0] == .paragraph([.text("It acts on "), .code("NMDA"), .text(" receptors."), .lineBreak,
                                             .text("A second line after a hard break.")]))
        #expect(howItWorks[1] == .list(ordered: false, start: 1, items: [
            [.paragraph([.text("First point")])],
            [.paragraph([.text("Second point")]), .list(ordered: true, start: 1, items: [
                [.paragraph([.text("nested one")])], [.paragraph([.text("nested two")])],
            ])],
        ]))
        #expect(howItWorks[2] == .list(ordered: true, start: 3, items: [
            [.paragraph([.text("Third step")])], [.paragraph([.text("Fourth step")])],
        ]))
        #expect(howItWorks[3] == .quote([.paragraph([.text("A quote from a patient.")]),
                                         .paragraph([.text("Second quote paragraph.")])]))

        let doses = doc.sections[1].blocks
        #expect(doses == [
            .table(Table(alignments: [.left, .center, .right],
                         header: [[.text("Dose")], [.text("Time")], [.text("Notes")]],
                         rows: [[[.text("Low")], [.text("40 min")], [.text("Most common")]],
                                [[.text("High")], [.text("60 min")], [.text("Rare")]]])),
            .heading(level: 4, [.text("Fine print")]),
            .code(language: "swift", text: "let dose = 0.5"),
            .rule,
        ])
    }

    @Test func faqSectionsAreQuestions() throws {
        let faq = try #require(result.library.document("common-questions"))
        #expect(faq.kind == .faq)
        #expect(faq.sections.map(\.heading) == ["Is ketamine an opiate?", "Is it addictive?", "How fast does it work?"])
        #expect(faq.sections.map(\.id) == ["is-ketamine-an-opiate", "is-it-addictive", "how-fast-does-it-work"])
        #expect(faq.intro == [.paragraph([.text("Answers to what patients ask most.")])])
    }

    @Test func treatmentAndChecklistAndContact() throws {
        let treatment = try #require(result.library.document("iv-ketamine"))
        #expect(treatment.conditions == ["Depression", "PTSD"])
        #expect(treatment.related == ["ketamine-basics", "tms-self-check"])

        let check = try #require(result.library.document("tms-self-check")?.checklist)
        #expect(check.question == "Do any of these apply to you?")
        #expect(check.items.map(\.id) == ["item-1", "side-effects", "item-3"])
        #expect(check.items[1].text == "I could not tolerate medication side effects.")
        #expect(check.outcomes == [ChecklistOutcome(minimumChecked: 0, text: "TMS may not be the first option for you."),
                                   ChecklistOutcome(minimumChecked: 2, text: "TMS could be right for you. Ask at the front desk.")])
        #expect(check.disclaimer == "This is not a diagnosis.")
        #expect(check.outcome(checkedCount: 3)?.minimumChecked == 2)

        let contact = try #require(result.library.document("contact"))
        #expect(contact.kind == .contact)
    }

    @Test func crossReferencesResolve() {
        #expect(result.library.resolve("pamphlet:iv-ketamine#what-to-expect")?.section?.heading == "What to expect")
        #expect(result.library.resolve("ketamine-basics#safety-2")?.section?.blocks.count == 1)
    }
}
