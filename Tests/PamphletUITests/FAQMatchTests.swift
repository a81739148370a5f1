import PamphletKit
@testable import PamphletUI
import Testing

/// Search matches on an FAQ page: n/N reach matches inside closed answers (opening them), the count
/// and the status line do not depend on which answers happen to be open, and Esc clears them.
@Suite struct FAQMatchTests {
    let faqID = "ketamine-faq"

    /// What a reader sees of the current match: its number, the count, and the question the status
    /// line names; plus the question that actually holds the highlighted (selection) cells.
    struct Seen: Equatable {
        var number: Int
        var count: Int
        var named: String
        var holder: String?
    }

    func seen(_ app: AppState) -> Seen? {
        let canvas = app.view(width: app.width, height: app.height)
        let status = canvas.textRows[app.height - 2]
        guard let m = status.range(of: #"match (\d+) of (\d+)"#, options: .regularExpression) else { return nil }
        let numbers = status[m].split(separator: " ").compactMap { Int($0) }
        let layout = app.currentLayout
        let named = layout.sectionTitles.filter { status.contains($0) }.max { $0.count < $1.count } ?? ""
        var holder: String?
        let top = app.currentTop
        for y in 1..<(app.height - 2) where (0..<canvas.width).contains(where: { canvas[$0, y].role == .selection }) {
            let line = top + y - 1
            if layout.lines.indices.contains(line), layout.lines[line].section >= 0 {
                holder = layout.sectionTitles[layout.lines[line].section]
            }
        }
        return Seen(number: numbers[0], count: numbers[1], named: named, holder: holder)
    }

    /// The questions holding a word, and how many matches, with every answer open.
    func oracle(_ query: String) -> (count: Int, questions: Set<String>) {
        var app = Fixtures.app()
        app.open(reference: ContentReference(documentID: faqID), query: query)
        let n = app.content.library.document(faqID)?.sections.count ?? 0
        app.expanded[faqID] = Set(0..<n)
        let layout = app.currentLayout
        return (layout.matches.count, Set(layout.matches.map { layout.sectionTitles[$0.section] }))
    }

    @Test func escapeClearsHighlightsOnAnFAQ() {
        var app = Fixtures.app()
        app.press(.char("/"))
        app.type("addict")
        app.press(.enter)
        #expect(app.route == .document(faqID))
        #expect(seen(app) != nil)
        app.press(.escape)
        #expect(seen(app) == nil)
        #expect(app.currentLayout.matches.isEmpty, "no highlighted words left")
    }

    @Test(arguments: [false, true])
    func nextMatchVisitsEveryMatchOpeningItsAnswer(otherAnswerOpen: Bool) throws {
        let expected = oracle("stanford")
        #expect(expected.questions.count >= 2, "the bundled FAQ names Stanford in more than one question")
        var app = Fixtures.app()
        if otherAnswerOpen {
            // An earlier visit left the first question open.
            app.press(.char("2"), .enter)
            app.press(.backspace)
        }
        app.press(.char("/"))
        app.type("stanford")
        app.press(.enter)
        #expect(app.route == .document(faqID))
        var questions = Set<String>()
        var numbers: [Int] = []
        for _ in 0..<(expected.count + 1) {
            let s = try #require(seen(app))
            #expect(s.count == expected.count)
            #expect(s.holder != nil, "the current match is on screen")
            #expect(s.named == s.holder, "the status line names the question holding the match")
            questions.insert(s.holder ?? "")
            numbers.append(s.number)
            app.press(.char("n"))
        }
        #expect(questions == expected.questions)
        #expect(Set(numbers) == Set(1...expected.count))
        // And back with N.
        let before = try #require(seen(app)).number
        app.press(.char("N"))
        let after = try #require(seen(app)).number
        #expect(after == (before + expected.count - 2) % expected.count + 1)
    }
}
