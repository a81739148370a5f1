import PamphletKit
@testable import PamphletUI
import Testing

/// Clicks and taps open what is under them; the wheel scrolls. Positions come from the drawn screen.
@Suite struct MouseTests {
    func click(_ app: inout AppState, x: Int, y: Int) {
        _ = app.update(.mouse(MouseEvent(x: x, y: y, kind: .click)))
    }

    /// Where a text first appears on screen.
    func find(_ app: AppState, _ text: String) -> (x: Int, y: Int)? {
        let rows = app.view(width: app.width, height: app.height).textRows
        for (y, row) in rows.enumerated() {
            if let r = row.range(of: text) { return (row.distance(from: row.startIndex, to: r.lowerBound), y) }
        }
        return nil
    }

    @Test func clickingAMenuItemOpensIt() throws {
        var app = Fixtures.app()
        let spot = try #require(find(app, "Treatments"))
        click(&app, x: spot.x, y: spot.y)
        #expect(app.route == .list(.treatment))
        _ = app.update(.mouse(MouseEvent(x: spot.x, y: spot.y, kind: .release)))
        #expect(app.route == .list(.treatment), "a release after a press does nothing more")
    }

    @Test func clickingTheContentsJumpsToTheSection() throws {
        var app = Fixtures.app()
        app.press(.char("1"))
        let spot = try #require(find(app, "Addictive?"))
        click(&app, x: spot.x, y: spot.y)
        #expect(app.currentLayout.sectionTitles[app.currentSection] == "Is Ketamine Addictive?")
    }

    @Test func clickingALinkFollowsIt() throws {
        var app = Fixtures.app()
        app.press(.char("1"), .char("G"))
        let spot = try #require(find(app, "transcranial"))
        click(&app, x: spot.x + 1, y: spot.y)
        #expect(app.route == .document("tms-therapy"))
    }

    @Test func wheelScrolls() {
        var app = Fixtures.app()
        app.press(.char("1"))
        _ = app.update(.mouse(MouseEvent(x: 40, y: 10, kind: .wheelDown)))
        #expect(app.currentTop == AppState.wheelLines)
        _ = app.update(.mouse(MouseEvent(x: 40, y: 10, kind: .wheelUp)))
        #expect(app.currentTop == 0)
    }

    @Test func clickingAHintPerformsIt() throws {
        var app = Fixtures.app()
        app.press(.char("1"))
        let spot = try #require(find(app, "back"))
        #expect(spot.y == 23)
        click(&app, x: spot.x, y: spot.y)
        #expect(app.route == .home)
    }

    @Test func clickingASearchResultOpensIt() throws {
        var app = Fixtures.app()
        app.press(.char("/"))
        app.type("tms")
        let hit = try #require(app.search?.results.hits.first)
        click(&app, x: 5, y: 3)
        #expect(app.route == .document(hit.reference.documentID))
    }
}
