import Testing
@testable import PamphletKit

/// `PlainTextRenderer` on the valid fixture: what `pamphlet show` prints.
@Suite struct RenderPlainTextTests {
    let library = ContentLoader.load(directory: LoadFixtures.valid).library

    func lines(_ id: String, section: String? = nil, width: Int) throws -> [String] {
        let doc = try #require(library.document(id))
        let text = PlainTextRenderer.render(document: doc, section: section.flatMap { doc.section($0) }, width: width)
        #expect(text.hasSuffix("\n"))
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func article() throws {
        let out = try lines("ketamine-basics", width: 50)
        #expect(Array(out.prefix(6)) == [
            "Ketamine Basics",
            "===============",
            "",
            "Ketamine is an anesthetic with fast effects. See",
            "the FAQ [see common-questions] or the clinic site",
            "<https://riverside.example/ketamine>.",
        ])
        for expected in [
            "It acts on NMDA receptors.", "A second line after a hard break.",
            "• First point", "• Second point", "  1. nested one", "3. Third step", "4. Fourth step",
            "> A quote from a patient.", ">", "> Second quote paragraph.",
            "Dose   Time         Notes", "----  ------  -----------", "Low   40 min  Most common", "High  60 min         Rare",
            "Fine print", "let dose = 0.5", String(repeating: "-", count: 50),
            "Read about IV infusions [see", "iv-ketamine#what-to-expect].",
            "See also: common-questions#is-it-addictive",
            "Reviewed by Dr. A. Example, last reviewed",
        ] {
            #expect(out.contains(expected), "missing line: \(expected)\n\(out.joined(separator: "\n"))")
        }
        #expect(out.allSatisfy { DisplayWidth.of($0) <= 50 })
        #expect(out.allSatisfy { !$0.hasSuffix(" ") })
    }

    /// Every line fits, except an id or an address too wide for the line: it is on a line of its
    /// own, whole (review E 14).
    @Test(arguments: [12, 20, 30, 80])
    func everyLineFits(width: Int) throws {
        let ids = library.documents.map(\.id)
        for doc in library.documents {
            for withLibrary in [false, true] {
                let out = PlainTextRenderer.render(document: doc, width: width, library: withLibrary ? library : nil)
                for line in out.split(separator: "\n") where line != "let dose = 0.5" && DisplayWidth.of(line) > width {
                    let word = line.drop { $0 == " " }
                    #expect(!word.contains(" ") && (word.contains("://") || ids.contains { word.contains($0) }),
                            "\(doc.id) at \(width): \(line)")
                }
            }
        }
    }

    /// `show --width 40` had printed "[see ketami" / "ne-faq#does-the-clinic-offer-tms]": at every
    /// width, each id and address in the output is on one line, whole (review E 14).
    @Test(arguments: PlainTextRenderer.minimumWidth...60)
    func idsAndAddressesAreNeverBroken(width: Int) throws {
        let copyable = ["iv-ketamine#what-to-expect", "common-questions", "common-questions#is-it-addictive",
                        "https://riverside.example/ketamine"]
        let doc = try #require(library.document("ketamine-basics"))
        let lines = PlainTextRenderer.render(document: doc, width: width, library: library).split(separator: "\n")
        for token in copyable {
            #expect(lines.contains { $0.contains(token) }, "\(token) broken at \(width):\n\(lines.joined(separator: "\n"))")
        }
        let entry = Block.paragraph([.text("Does the clinic offer TMS? "),
                                     .link(target: "pamphlet:ketamine-faq#does-the-clinic-offer-tms", [])])
        #expect(PlainTextRenderer.lines(for: entry, width: width).contains { $0.contains("ketamine-faq#does-the-clinic-offer-tms]") })
    }

    @Test func tableShrinksAndWraps() {
        let table = Table(alignments: [.left, .right],
                          header: [[.text("Treatment")], [.text("Typical sessions")]],
                          rows: [[[.text("IV ketamine infusion")], [.text("6")]]])
        let out = PlainTextRenderer.lines(for: .table(table), width: 24)
        #expect(out.allSatisfy { DisplayWidth.of($0) <= 24 })
        // Columns narrow to their longest word before any word is broken.
        #expect(out[0].hasPrefix("Treatment"))
        #expect(out.contains { $0.hasSuffix("sessions") })
        #expect(out.contains { $0.hasSuffix("6") })
        let tiny = PlainTextRenderer.lines(for: .table(table), width: 8)
        #expect(tiny.allSatisfy { DisplayWidth.of($0) <= 8 })
    }

    @Test func section() throws {
        let out = try lines("iv-ketamine", section: "what-to-expect", width: 40)
        #expect(out == [
            "IV Ketamine Infusions", "=====================", "",
            "What to expect", "--------------", "",
            "You rest in a quiet room for about 40", "minutes.",
        ])
    }

    @Test func treatmentAndChecklist() throws {
        let treatment = try lines("iv-ketamine", width: 60)
        #expect(treatment.contains("Conditions treated: Depression, PTSD"))
        let check = try lines("tms-self-check", width: 40)
        #expect(check.contains("Do any of these apply to you?"))
        #expect(check.contains("[ ] I have tried antidepressants without"))
        #expect(check.contains("    relief."))
        #expect(check.contains("[ ] I could not tolerate medication side"))
        #expect(check.contains("• 2 or more ticked: TMS could be right"))
        #expect(check.contains("This is not a diagnosis."))
    }

    @Test func inlineText() {
        #expect(PlainTextRenderer.text([.link(target: "pamphlet:faq#costs", [.text("costs")])]) == "costs [see faq#costs]")
        #expect(PlainTextRenderer.text([.link(target: "https://a.example", [.text("https://a.example")])]) == "https://a.example")
        #expect(PlainTextRenderer.text([.link(target: "mailto:x@a.example", [.text("x@a.example")])]) == "x@a.example")
        #expect(PlainTextRenderer.text([.strong([.text("a")]), .lineBreak, .code("b")]) == "a\nb")
        #expect(PlainTextRenderer.reviewFooter(ReviewInfo()) == nil)
        #expect(PlainTextRenderer.reviewFooter(ReviewInfo(nextReview: CalendarDate(year: 2027, month: 1, day: 2))) == "Next review 2027-01-02.")
    }

    /// `pamphlet show` of a contact page left out the clinic's details from site.yaml, which the
    /// browser's Contact page shows (crisis line first; empty fields say "ask at the front desk").
    @Test func contactPageStartsWithTheSiteDetails() throws {
        let doc = Document(id: "contact", kind: .contact, title: "Contact us",
                           intro: [.paragraph([.text("We are glad to help.")])])
        let contact = ContactInfo(phone: "555-0100 (main desk, weekdays; after hours the answering service)",
                                  email: "  ", crisisLine: "988", crisisLineLabel: "Suicide and Crisis Lifeline")
        let out = PlainTextRenderer.render(document: doc, width: 50, contact: contact)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(out.prefix(13)) == [
            "Contact us", "==========", "",
            "Suicide and Crisis Lifeline: 988", "",
            "Phone    555-0100 (main desk, weekdays; after",
            "         hours the answering service)",
            "Email    ask at the front desk",
            "Address  ask at the front desk",
            "Hours    ask at the front desk",
            "Website  ask at the front desk", "",
            "We are glad to help.",
        ], "\(out)")
        for width in [PlainTextRenderer.minimumWidth, 12, 20, 21, 30] {
            let narrow = PlainTextRenderer.render(document: doc, width: width, contact: contact)
            #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= width }, "\(width): \(narrow)")
            #expect(narrow.contains("front"))
        }
        // Other kinds, and a section on its own, are unchanged.
        #expect(!PlainTextRenderer.render(document: doc, section: Section(id: "s", heading: "S"), width: 50, contact: contact)
            .contains("Phone"))
        #expect(PlainTextRenderer.render(document: doc, width: 50) == PlainTextRenderer.render(
            document: Document(id: "contact", kind: .contact, title: "Contact us", intro: doc.intro), width: 50))
    }

    /// With the library, each related page is named by its title, then `[see id]` (review D 22).
    @Test func seeAlsoWithTheLibraryNamesTitles() throws {
        let doc = try #require(library.document("ketamine-basics"))
        let out = PlainTextRenderer.render(document: doc, width: 50, library: library)
        let title = try #require(library.resolve("common-questions#is-it-addictive"))
        let entry = "\(title.document.title) \u{203A} \(title.section?.heading ?? "") [see common-questions#is-it-addictive]"
        #expect(out.contains("See also:\n• " + TextWrap.wrap(entry, width: 48).joined(separator: "\n  ") + "\n"), "\(out)")
        #expect(!out.contains("See also: common-questions"))
    }
}

