import PamphletKit
@testable import PamphletUI
import Testing

/// Review A finding 16: a wrapped quote keeps its bar on every line, a long menu title wraps under
/// its first letter, and table cells wrap at spaces while another column has room.
@Suite struct RenderCosmeticsTests {
    static let content: LoadedContent = {
        let text = """
        ---
        id: render
        kind: article
        title: Rendering test with a very long title that goes on and on past the width of the screen
        summary: test
        ---

        Intro.

        ## Quote

        > A quote that is long enough to wrap around the screen at least once at eighty columns wide.

        ## Table

        | Treatment | Sessions | Cost (USD) | Covered by insurance? |
        |---|---:|---:|---|
        | IV ketamine | 6 over 2–3 weeks | 400–800 per infusion | Usually not |
        | TMS | 36 | 300 | Often, with prior authorisation from your insurer which can take several weeks |
        """
        return Fixtures.page(text, path: "render.md")
    }()

    func screen(width: Int, height: Int = 60, _ go: (inout AppState) -> Void) -> [String] {
        var app = AppState(content: Self.content, options: AppOptions())
        _ = app.update(.resize(width: width, height: height))
        go(&app)
        return app.view(width: width, height: height).textRows
    }

    @Test(arguments: [20, 30, 50])
    func aWrappedQuoteHasItsBarOnEveryLine(textWidth: Int) {
        let app = AppState(content: Self.content, options: AppOptions())
        var page = Page(route: .document("render"))
        page.anchor = .top
        let lines = app.layout(of: page, textWidth: textWidth).lines.map { $0.cells.map(\.text).joined() }
        let first = lines.firstIndex { $0.contains("A quote") } ?? 0
        let last = lines.lastIndex { $0.contains("wide.") } ?? 0
        #expect(last > first, "the quote wraps: \(lines)")
        for line in lines[first...last] { #expect(line.hasPrefix("\u{2502} "), "\(line)") }
    }

    @Test(arguments: [40, 60])
    func aLongMenuTitleWrapsUnderItsFirstLetter(width: Int) throws {
        let rows = screen(width: width) { $0.navigate(to: .list(.article)) }
        let first = try #require(rows.firstIndex { $0.contains("Rendering test") })
        let column = rows[first].distance(from: rows[first].startIndex, to: try #require(rows[first].range(of: "Rendering")).lowerBound)
        let next = rows[first + 1]
        let nextColumn = next.prefix { $0 == " " }.count
        #expect(nextColumn == column, "\(rows[first])\n\(next)")
    }

    /// Review G 11: a wrapped crisis line's second row sat one column left of its first ("⚠ Suicide"
    /// / " text"): the hanging indent lines up under the text after the warning sign. On the
    /// Contact page, the home screen and the self-check result, Unicode and ASCII.
    @Test(arguments: [(40, false), (40, true), (30, false), (36, true)])
    func aWrappedCrisisLineHangsUnderItsText(width: Int, ascii: Bool) throws {
        for go in [{ (app: inout AppState) in app.press(.char("5")) }, { (app: inout AppState) in _ = app }] {
            var app = Fixtures.app(width: width, height: 24, crisis: true, ascii: ascii)
            go(&app)
            let rows = app.view(width: width, height: 24).textRows
            let first = try #require(rows.firstIndex { $0.contains("Suicide") }, "\(rows)")
            let column = rows[first].distance(from: rows[first].startIndex, to: try #require(rows[first].range(of: "Suicide")).lowerBound)
            let next = rows[first + 1]
            #expect(next.contains("988"), "it wraps at \(width): \(rows[first])\n\(next)")
            #expect(next.prefix { $0 == " " }.count == column, "\(rows[first])\n\(next)")
        }
    }

    @Test func tableCellsWrapAtSpacesWhenAnotherColumnHasRoom() {
        // At 80 columns the article has its contents beside it: about 50 columns for the table.
        let rows = screen(width: 80) { $0.navigate(to: .document("render")) }
        let text = rows.joined(separator: "\n")
        #expect(text.contains("authorisation"), "\(text)")
        #expect(text.contains("ketamine"))
        #expect(text.contains("infusion"))
    }
}
