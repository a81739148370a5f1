import Foundation
import Testing
@testable import PamphletKit

/// "Call us today: (555) 123-4567" between an FAQ's answers became a section heading that took
/// the next answers under it (review A, finding 17). A call to action with a number is the site's
/// banner and goes like the other calls to action; a line with a number is never a heading.
@Suite struct ImportCallToActionTests {
    @Test(arguments: [
        "Call us today: (555) 123-4567", "Call Now 555-123-4567", "Call us today at (555) 123-4567",
        "CALL US TODAY - 555.123.4567", "Contact us: +44 20 7946 0958", "• Call Today (555) 123-4567 •",
    ])
    func bannerIsACallToAction(_ line: String) {
        #expect(Boilerplate.isCallToActionWithPhone(line))
        // Dropped when the page repeats it (a glyph-framed one already as a separator).
        #expect(Boilerplate.classify([SourceLine.make(line, number: 1), SourceLine.make(line, number: 5)]).allSatisfy { $0 != .content })
    }

    /// Text that gives the number, or a number alone, is the page's and stays.
    @Test(arguments: [
        "Questions? Call us today at (555) 123-4567 to book.", "Phone: (555) 123-4567", "Call us today",
        "(555) 123-4567", "Call the front desk on 555-123-4567",
    ])
    func textWithANumberIsNotABanner(_ line: String) {
        #expect(!Boilerplate.isCallToActionWithPhone(line))
    }

    @Test(arguments: [
        ("(555) 123-4567", true), ("555-123-4567", true), ("555.123.4567", true), ("+1 555 123 4567", true),
        ("+44 20 7946 0958", true), ("Tel (555)123-4567.", true),
        ("2024-01-01", false), ("1989, 1991, 2001", false), ("1989 1991 2001", false), ("ISBN 978-0-13-110362-7", false),
        ("version 10.2.10", false), ("36 sessions over 9 weeks", false), ("1 2 3 4 5 6 7 8 9 10", false),
        ("x5551234567", false), ("5551234567", false),
    ])
    func phoneNumbers(_ text: String, _ isPhone: Bool) {
        #expect(PhoneNumber.contains(text) == isPhone)
    }

    @Test func aRepeatedBannerBetweenAnswersIsDropped() throws {
        let text = """
            TMS FAQ

            How many sessions will I need?

            A typical course is 36 sessions over 9 weeks.

            Call us today: (555) 123-4567

            Is TMS covered by insurance?

            Most major insurers cover TMS for depression.

            Call us today: (555) 123-4567

            """
        let result = PlainTextImporter.importText(text, sourceName: "faq.txt")
        let doc = try #require(result.documents.first?.document)
        #expect(doc.sections.map(\.heading) == ["How many sessions will I need?", "Is TMS covered by insurance?"])
        #expect(doc.sections[0].blocks == [.paragraph([.text("A typical course is 36 sessions over 9 weeks.")])])
        #expect(result.droppedLines.contains("Call us today: (555) 123-4567"))
    }

    @Test func aLineWithANumberIsNotAHeading() throws {
        let text = "Visiting Us\n\nPhone: (555) 123-4567\n\nWe are open on weekdays from 8 am.\n"
        let result = PlainTextImporter.importText(text, sourceName: "visit.txt")
        let doc = try #require(result.documents.first?.document)
        #expect(doc.sections.isEmpty)
        #expect(doc.intro == [.paragraph([.text("Phone: (555) 123-4567")]), .paragraph([.text("We are open on weekdays from 8 am.")])])
        ImportTestSupport.expectRoundTrip(result)
    }

    /// Once, a call to action with a number may be the answer (review C, finding 1: "How do I
    /// book an appointment? / Call us today: (555) 123-4567" lost its answer, and a contact page
    /// both of its numbers): it stays, as a paragraph, never a heading.
    @Test func aSingleCallToActionWithANumberIsKept() throws {
        let text = "Booking\n\nHow do I book an appointment?\nCall us today: (555) 123-4567\n\nAfter hours\n\nContact us: 555-987-6543\n"
        let result = PlainTextImporter.importText(text, sourceName: "c.txt")
        let markdown = try #require(result.documents.first?.markdown)
        #expect(markdown.contains("Call us today: (555) 123-4567"), "\(markdown)")
        #expect(markdown.contains("Contact us: 555-987-6543"), "\(markdown)")
        #expect(result.droppedLines.isEmpty, "\(result.droppedLines)")
    }
}
