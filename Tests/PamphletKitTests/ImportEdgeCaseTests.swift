import Foundation
import Testing
@testable import PamphletKit

/// Odd inputs: line endings, encodings, control characters, huge lines, and other document shapes.
@Suite struct ImportEdgeCaseTests {
    func importText(_ text: String, options: ImportOptions = ImportOptions()) -> ImportResult {
        PlainTextImporter.importText(text, sourceName: "test.txt", options: options)
    }

    @Test func crlfReadsLikeLF() throws {
        let crlf = try ImportTestSupport.fixture("crlf.txt")
        let lf = try String(contentsOf: ImportTestSupport.fixtures.appendingPathComponent("crlf.txt"), encoding: .utf8)
            .replacingOccurrences(of: "\r\n", with: "\n")
        #expect(crlf.documents.map(\.document) == importText(lf).documents.map(\.document))
        let doc = try #require(crlf.documents.first?.document)
        #expect(doc.sections.map(\.heading) == ["Opening Hours", "Parking"])
        #expect(doc.sections[0].blocks == [.paragraph([.text("The clinic opens early on weekdays and closes at noon on Saturdays.")])])
        #expect(!crlf.documents[0].markdown.contains("\r"))
        // A lone CR (old Mac files) is a line break too.
        #expect(importText("Notes\r\rOpening Hours\r\rEarly on weekdays.\r").documents.first?.document.sections.map(\.heading) == ["Opening Hours"])
    }

    @Test func invalidUTF8IsReplacedAndWarned() throws {
        // Damaged UTF-8 (a valid "ü" elsewhere, so not a Latin-1 file): the bad bytes become U+FFFD.
        var data = Data("Title\n\nMüller's Caf".utf8)
        data.append(contentsOf: [0xE9, 0xFF])
        data.append(contentsOf: Array(" au lait.\n".utf8))
        let result = PlainTextImporter.importData(data, sourceName: "damaged.txt")
        #expect(result.diagnostics.map(\.severity) == [.warning])
        #expect(result.diagnostics.first?.description.hasPrefix("damaged.txt:1:1: warning: not valid UTF-8") == true)
        let doc = try #require(result.documents.first?.document)
        #expect(doc.intro.plainText.contains("Caf\u{FFFD}\u{FFFD} au lait."))
        ImportTestSupport.expectRoundTrip(result)
    }

    @Test func latin1IsReadAsWindows1252AndWarned() throws {
        var data = Data("Title\n\nCaf".utf8)
        data.append(contentsOf: [0xE9, 0xFF])
        data.append(contentsOf: Array(" au lait.\n".utf8))
        let result = PlainTextImporter.importData(data, sourceName: "latin1.txt")
        #expect(result.diagnostics.map(\.description) == [
            "latin1.txt:1:1: warning: not UTF-8; read as Windows-1252 (Western European): check quotes, dashes and accented letters",
        ])
        #expect(try #require(result.documents.first?.document).intro.plainText == "Caféÿ au lait.")
    }

    @Test func binaryAndEmptyInputsAreRefusedByName() {
        let binary = PlainTextImporter.importData(Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]), sourceName: "a.out")
        #expect(binary.documents.isEmpty)
        #expect(binary.diagnostics.first?.description.hasPrefix("a.out:1:1: error:") == true)
        for text in ["", "\n\n  \n\t\n", "Call Us Today\n\nLeave a Reply\n"] {
            let result = importText(text)
            #expect(result.documents.isEmpty)
            #expect(result.diagnostics.hasErrors)
        }
    }

    @Test func tabsFormFeedsAndControlCharacters() throws {
        let result = importText("Title\n\nFirst\tpage\u{07} of  text.\n\u{0C}Second page text.\n")
        let doc = try #require(result.documents.first?.document)
        #expect(doc.intro == [.paragraph([.text("First page of text.")]), .paragraph([.text("Second page text.")])])
    }

    @Test func veryLongLine() throws {
        let words = Array(repeating: "ketamine", count: 40_000).joined(separator: " ")
        let result = importText("Title\n\n" + words + ".\n")
        let doc = try #require(result.documents.first?.document)
        #expect(doc.intro.plainText.count == words.count + 1)
        ImportTestSupport.expectRoundTrip(result)
    }

    @Test(arguments: [
        "plain", "  two  spaces\there ", "no\u{A0}break\u{A0} \u{A0}space", "ideographic\u{3000}space\u{2003}em",
        "caf\u{E9} \u{2019}quote\u{2019} \u{1F600}", "e\u{301} combining", "\u{2028}line\u{2029}sep", "", "   ",
        "\u{FFFD}\u{85}next", "a\u{200B}zero-width stays",
    ])
    func byteCollapseMatchesCharacters(_ text: String) {
        #expect(Reflow.collapseSpaces(text) == Reflow.collapseSpacesByCharacter(text))
    }

    @Test func reflowKeepsHyphenatedWords() throws {
        let result = importText("Title\n\nThis is a well-\nknown fact, a dash --\nhere, and 1990-\n2000.\n")
        let doc = try #require(result.documents.first?.document)
        #expect(doc.intro == [.paragraph([.text("This is a well-known fact, a dash -- here, and 1990- 2000.")])])
    }

    @Test func underlinedHeadingsTakeLevelsInOrderOfUse() throws {
        let result = try ImportTestSupport.fixture("underlined.txt")
        let doc = try #require(result.documents.first?.document)
        #expect(doc.title == "Visiting the Clinic")
        #expect(doc.sections.map { "\($0.level) \($0.heading)" } == [
            "3 Before You Arrive", "3 On the Day", "2 After the Visit", "3 Follow-up Calls",
        ])
        ImportTestSupport.expectRoundTrip(result)
    }

    @Test func numberedHeadingsLoseTheirNumbersButKeepTheirDepth() throws {
        let result = try ImportTestSupport.fixture("numbered.txt")
        let doc = try #require(result.documents.first?.document)
        #expect(doc.sections.map { "\($0.level) \($0.heading)" } == [
            "2 Introduction", "3 Who We Are", "3 Where We Are", "2 Your Rights",
        ])
        // "1. Ask at the desk." and its siblings stay a list.
        guard case .list(true, 1, let items)? = doc.sections.last?.blocks.last else {
            Issue.record("the steps are not a numbered list")
            return
        }
        #expect(items.count == 3)
        ImportTestSupport.expectRoundTrip(result)
    }

    @Test func questionAndAnswerPairsMakeAnFAQ() throws {
        let result = try ImportTestSupport.fixture("qa-faq.txt")
        let doc = try #require(result.documents.first?.document)
        #expect(doc.kind == .faq)
        #expect(result.documents[0].relativePath == "content/faq/parking-and-transport-faq.md")
        #expect(doc.sections.map(\.heading) == [
            "Is there parking at the clinic?", "Can I come by bus?", "What if I am late for my appointment?",
        ])
        #expect(doc.sections[0].blocks == [.paragraph([.text(
            "Yes. There are twelve spaces behind the building, two of them reserved for blue badge holders.")])])
        ImportTestSupport.expectRoundTrip(result)
    }

    @Test func mostlyQuestionHeadingsMakeAnFAQ() throws {
        let result = try ImportTestSupport.fixture("question-headings.txt")
        let doc = try #require(result.documents.first?.document)
        #expect(doc.kind == .faq)
        #expect(doc.sections.count == 4)
        // --kind wins over the guess.
        let forced = try ImportTestSupport.fixture("question-headings.txt", options: ImportOptions(kind: .article))
        #expect(forced.documents.first?.document.kind == .article)
    }

    @Test func listsAndCodeAreKept() throws {
        let result = try ImportTestSupport.fixture("bullets.txt")
        let doc = try #require(result.documents.first?.document)
        #expect(doc.sections.isEmpty)
        let blocks = doc.intro
        #expect(blocks.count == 9)
        guard blocks.count == 9 else { return }
        #expect(blocks[1] == .list(ordered: false, start: 1, items: [
            [.paragraph([.text("the battery is charged")])],
            [.paragraph([.text("the cable is not damaged")])],
            [.paragraph([.text("the screen turns on")]),
             .list(ordered: false, start: 1, items: [
                [.paragraph([.text("Wipe the screen with a dry cloth.")])],
                [.paragraph([.text("Do not use sprays.")])],
             ])],
        ]))
        #expect(blocks[3] == .list(ordered: false, start: 1, items: [
            [.paragraph([.text("one charger")])],
            [.paragraph([.text("one cable, wrapped in a paper sleeve")])],
            [.paragraph([.text("this leaflet")])],
        ]))
        guard case .list(true, 1, let steps) = blocks[4] else {
            Issue.record("steps are not an ordered list: \(blocks[4])")
            return
        }
        #expect(steps.count == 3)
        #expect(blocks[6] == .code(language: nil, text: "device-tool --version\ndevice-tool status | grep firmware"))
        guard case .list(false, _, let bullets) = blocks[8] else {
            Issue.record("• bullets are not a list")
            return
        }
        #expect(bullets.count == 2)
        ImportTestSupport.expectRoundTrip(result)
    }

    @Test func allCapsHeadingsEvenDirectlyOverTheirText() throws {
        let result = importText("User Guide\n\nGETTING STARTED\n\nPlug it in.\n\nJOB CONTROL\nJobs can be stopped\nand resumed.\n")
        let doc = try #require(result.documents.first?.document)
        #expect(doc.sections.map(\.heading) == ["GETTING STARTED", "JOB CONTROL"])
        #expect(doc.sections[1].blocks == [.paragraph([.text("Jobs can be stopped and resumed.")])])
        ImportTestSupport.expectRoundTrip(result)
    }

    @Test func aFormAloneBecomesOnlyAChecklist() throws {
        let result = importText("Is This You?\n\nI sleep badly.\n\nI feel tired.\n\nI worry a lot.\n")
        #expect(result.documents.map(\.relativePath) == ["content/checklists/is-this-you.md"])
        #expect(result.documents.first?.document.checklist?.items.map(\.text) == ["I sleep badly.", "I feel tired.", "I worry a lot."])
        ImportTestSupport.expectRoundTrip(result)
    }

    @Test func sentencesAreNotHeadings() throws {
        let result = importText("Title\n\nThe recommended form to use for a coprocess is\n\n    coproc NAME { command; }\n\nPlease read this first.\n\nMore text follows here.\n")
        let doc = try #require(result.documents.first?.document)
        #expect(doc.sections.isEmpty)
        #expect(doc.intro.count == 4)
    }

    @Test(arguments: [
        ("Call Us Today", true), ("Call Us TodayCall Us Today", true), ("CONTACT US", true),
        ("• • Get in touch • •", true), ("Learn MoreLearn More", true),
        ("Call to schedule an appointment with our quality staff", false), ("Contact lenses", false),
        ("================", false),
    ])
    func callsToActionAndSeparators(line: String, isBoilerplate: Bool) {
        let verdict = Boilerplate.classify([SourceLine.make(line, number: 1)])
        #expect((verdict != [.content]) == isBoilerplate)
    }

    @Test func commentFormIsDropped() throws {
        let text = """
            A Post

            Some real text here.

            Leave a Reply
            Your email address will not be published. Required fields are marked *
            Comment
            Name *
            Email *
            Website
            Post Comment
            """
        let result = importText(text)
        #expect(result.documents.first?.markdown.contains("Comment") == false)
        #expect(result.droppedLines.count == 7)
    }

    @Test func markdownInputIsValidatedAndKept() throws {
        let good = "---\nid: visiting\nkind: faq\ntitle: Visiting\n---\n\n## Can I park?\n\nYes.\n"
        let imported = MarkdownImporter.importText(good, sourceName: "in/visiting.md")
        #expect(!imported.diagnostics.hasErrors)
        #expect(imported.documents.map(\.relativePath) == ["content/faq/visiting.md"])
        #expect(imported.documents.first?.markdown == good)

        let bad = "---\nid: visiting\ntitle: Visiting\n---\n\nText.\n"
        let rejected = MarkdownImporter.importText(bad, sourceName: "in/bad.md")
        #expect(rejected.documents.isEmpty)
        #expect(rejected.diagnostics.contains { $0.severity == .error && $0.path == "in/bad.md" && $0.line >= 1 })
        #expect(MarkdownImporter.isMarkdown(path: "page.txt", data: Data("---\nid: x\n".utf8)))
        #expect(!MarkdownImporter.isMarkdown(path: "page.txt", data: Data("Title\n".utf8)))
    }

    /// An ESC or a line break in the source's file name went into the written file's header
    /// comment and broke its YAML (review C 14): the name is cleaned, the file loads back.
    @Test(arguments: ["we\u{1B}[31mird.txt", "two\nlines.txt", "we\u{1B}ird.md"])
    func oddFileNamesStillGiveFilesThatLoad(_ name: String) throws {
        let text = "Parking\n\nUse the north lot.\n\n## Fees\n\nNone.\n"
        let result = name.hasSuffix(".md")
            ? MarkdownImporter.importText("# Parking\n\nUse the north lot.\n", sourceName: name)
            : PlainTextImporter.importText(text, sourceName: name)
        try #require(result.documents.count == 1)
        #expect(!result.documents[0].markdown.contains("\u{1B}"))
        #expect(try ImportTestSupport.loadAsFolder(result).diagnostics.isEmpty, "\(result.documents[0].markdown)")
    }
}
