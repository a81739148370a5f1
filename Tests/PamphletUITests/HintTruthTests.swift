import PamphletKit
@testable import PamphletUI
import Testing

/// Review G 5: the hint row names what the keys do right now.
@Suite struct HintTruthTests {
    func hintRow(_ app: AppState) -> String {
        app.view(width: app.width, height: app.height).textRows.last ?? ""
    }

    /// With the contents focused (Shift-Tab beside the text, or `t` in its place on a narrow
    /// screen) the arrows choose a section; the row said "↑↓ scroll".
    @Test func theArrowsChooseInTheContents() {
        var app = Fixtures.app()
        app.press(.char("3"), .enter)  // Treatments, the first: IV Ketamine Infusions
        #expect(hintRow(app).contains("↑↓ scroll"), "\(hintRow(app))")
        app.press(.backTab)
        #expect(app.current.focus == .contents)
        #expect(hintRow(app).contains("↑↓ choose"), "\(hintRow(app))")
        #expect(!hintRow(app).contains("scroll"))
        let top = app.currentTop
        app.press(.down)
        #expect(app.currentTop == top, "Down chose a section; the text did not scroll")
        #expect(hintRow(app).contains("↑↓ choose"))

        var narrow = Fixtures.app(width: 40, height: 12)
        narrow.press(.char("3"), .enter, .char("t"))
        #expect(narrow.geometry.contentsOpen)
        #expect(hintRow(narrow).contains("↑↓ choose"), "\(hintRow(narrow))")
        let page = narrow.route
        narrow.press(.backspace)  // closes the contents
        #expect(!narrow.geometry.contentsOpen)
        #expect(narrow.route == page)
        #expect(hintRow(narrow).contains("↑↓ scroll"), "\(hintRow(narrow))")
    }

    /// A search with no results has nothing to choose or open; Enter searches a "did you mean".
    @Test func noResultsOffersOnlyWhatWorks() {
        var app = Fixtures.app()
        app.press(.char("/"))
        #expect(hintRow(app).contains("Esc close"))
        #expect(!hintRow(app).contains("choose") && !hintRow(app).contains("open"), "empty query: \(hintRow(app))")
        app.type("insomnia")
        #expect(app.search?.rowCount == 0 && app.search?.suggestion == nil)
        #expect(hintRow(app).contains("Esc close"), "\(hintRow(app))")
        #expect(!hintRow(app).contains("choose") && !hintRow(app).contains("open"), "\(hintRow(app))")
        app.press(.ctrl("u"))
        app.type("opiatezz")
        #expect(app.search?.suggestion == "opiate")
        #expect(hintRow(app).contains("Enter search") && !hintRow(app).contains("choose"), "\(hintRow(app))")
        app.press(.ctrl("u"))
        app.type("ketamine")
        #expect(hintRow(app).contains("↑↓ choose") && hintRow(app).contains("Enter open"), "\(hintRow(app))")
    }

    @Test func theKioskToo() {
        var k = KioskFixtures.kiosk()
        k.type("insomnia")
        let rows = k.view(width: 80, height: 24).textRows
        let hints = rows[rows.count - 2]
        #expect(hints.contains("Esc close") && !hints.contains("choose") && !hints.contains("open"), "\(hints)")
    }

    /// Review J 9: on results reopened by Back, Backspace goes back (closes them) until the query is
    /// edited, though the field shows its cursor; the hint row said only "↑↓ choose  Enter open  Esc close".
    @Test func backspaceOnReopenedResultsIsNamed() throws {
        var app = Fixtures.app()
        app.press(.char("/"))
        app.type("naltrexone")
        #expect(!hintRow(app).contains("back"), "\(hintRow(app))")
        app.press(.enter, .backspace)
        #expect(app.search?.reopenedByBack == true)
        #expect(hintRow(app).contains("\u{232B} back"), "\(hintRow(app))")
        // The hint is a button: a tap on it goes back, as Backspace does.
        let row = hintRow(app)
        let x = try #require(row.range(of: "\u{232B} back")).lowerBound.utf16Offset(in: row)
        var tapped = app
        tapped.tapAt(x: x + 2, y: app.height - 1)
        #expect(tapped.search == nil && tapped.route == .home)
        app.type("s")
        #expect(!hintRow(app).contains("back"), "edited: Backspace deletes again: \(hintRow(app))")
        // And the help says it where it lists Backspace.
        #expect(HelpWordingTests.rows(.search).contains("Backspace: On results you came back to, until you type: go back"),
                "\(HelpWordingTests.rows(.search))")
    }
}

