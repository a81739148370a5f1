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

    // MARK: Touch (review J 7): a tap acts at the release; a drag scrolls and opens nothing.

    func send(_ app: inout AppState, _ kind: MouseEvent.Kind, _ x: Int, _ y: Int) {
        _ = app.update(.mouse(MouseEvent(x: x, y: y, kind: kind)))
    }

    @Test func aTapActsWhenTheFingerLifts() throws {
        var app = Fixtures.app()
        let spot = try #require(find(app, "Treatments"))
        send(&app, .press, spot.x, spot.y)
        #expect(app.route == .home, "nothing opens while the finger is down")
        send(&app, .release, spot.x, spot.y)
        #expect(app.route == .list(.treatment))
    }

    @Test func aFingerMayWanderACell() throws {
        var app = Fixtures.app()
        let spot = try #require(find(app, "Treatments"))
        send(&app, .press, spot.x + 2, spot.y)
        send(&app, .drag, spot.x + 3, spot.y + 1)
        send(&app, .release, spot.x + 3, spot.y + 1)
        #expect(app.route == .list(.treatment))
    }

    /// The review's steps: press on "Is ketamine addictive?", drag down, release further down.
    @Test func aSwipeOverAQuestionOpensNothing() throws {
        var app = Fixtures.app()
        app.press(.char("2"))
        guard case .document(let id) = app.route else { Issue.record("no FAQ: \(app.route)"); return }
        let spot = try #require(find(app, "Is ketamine addictive?"))
        send(&app, .press, spot.x, spot.y)
        for dy in [2, 5, 8] { send(&app, .drag, spot.x, spot.y + dy) }
        send(&app, .release, spot.x, spot.y + 8)
        #expect(app.expanded[id, default: []].isEmpty, "\(app.screenText)")
        #expect(app.route == .document(id))
        // Dragged back to where it began: still a drag, still nothing opened.
        send(&app, .press, spot.x, spot.y)
        send(&app, .drag, spot.x, spot.y + 4)
        send(&app, .drag, spot.x, spot.y)
        send(&app, .release, spot.x, spot.y)
        #expect(app.expanded[id, default: []].isEmpty)
    }

    /// Content follows the finger: dragged up 9 rows, the page moves down 9 lines, and back.
    @Test func aDragScrollsThePageByItsDistance() {
        var app = Fixtures.app()
        app.press(.char("1"))
        let route = app.route
        send(&app, .press, 50, 15)
        send(&app, .drag, 50, 12)
        #expect(app.currentTop == 3, "the page follows the finger as it moves")
        send(&app, .drag, 50, 6)
        send(&app, .release, 50, 6)
        #expect(app.currentTop == 9)
        #expect(app.route == route)
        send(&app, .press, 50, 6)
        send(&app, .drag, 50, 10)
        send(&app, .release, 50, 10)
        #expect(app.currentTop == 5)
    }

    /// A terminal that reports no motion: the release alone says how far the finger went.
    @Test func aReleaseFarFromItsPressScrollsWithoutMotionReports() {
        var app = Fixtures.app()
        app.press(.char("1"))
        send(&app, .press, 50, 15)
        send(&app, .release, 50, 7)
        #expect(app.currentTop == 8)
    }

    @Test func aDragOverTheResultsChoosesWithoutOpening() {
        var app = Fixtures.app()
        app.press(.char("/"))
        app.type("ketamine")
        send(&app, .press, 10, 12)
        send(&app, .drag, 10, 8)
        send(&app, .release, 10, 8)
        #expect(app.search?.selected == 2, "two rows a result, the list moves up with the finger")
        #expect(app.route == .home)
        send(&app, .press, 10, 8)
        send(&app, .release, 10, 14)
        #expect(app.search?.selected == 0)
    }

    /// A release or a drag with no press of the browser's (the press woke the kiosk, closed a box).
    @Test func aReleaseWithoutAPressDoesNothing() throws {
        var app = Fixtures.app()
        let spot = try #require(find(app, "Treatments"))
        send(&app, .drag, spot.x, spot.y)
        send(&app, .release, spot.x, spot.y)
        #expect(app.route == .home)
        // A key between press and release: the screen changed under the finger.
        send(&app, .press, spot.x, spot.y)
        app.press(.char("?"))
        send(&app, .release, spot.x, spot.y)
        #expect(app.route == .help)
    }

    /// Every place a click worked keeps working with press and release (review J 7's list).
    @Test func tapsWorkWhereClicksDid() throws {
        var app = Fixtures.app()
        app.press(.char("1"))
        let entry = try #require(find(app, "Addictive?"))
        app.tapAt(x: entry.x, y: entry.y)
        #expect(app.currentLayout.sectionTitles[app.currentSection] == "Is Ketamine Addictive?")
        app.press(.char("G"))
        let link = try #require(find(app, "transcranial"))
        app.tapAt(x: link.x + 1, y: link.y)
        #expect(app.route == .document("tms-therapy"))
        let back = try #require(find(app, "back"))
        app.tapAt(x: back.x, y: back.y)
        #expect(app.route == .document("is-ketamine-an-opiate"))
        app.tapAt(x: 3, y: 0)
        #expect(app.route == .home)
        app.press(.char("/"))
        app.type("tms")
        let hit = try #require(app.search?.results.hits.first)
        app.tapAt(x: 5, y: 3)
        #expect(app.route == .document(hit.reference.documentID))
    }

    /// Review J 10: a tap on "Did you mean “tms clinic”?" did nothing; it runs the suggestion, as Enter does.
    @Test(arguments: [80, 40])
    func aTapOnDidYouMeanSearchesForIt(width: Int) throws {
        var app = Fixtures.app(width: width, height: 24)
        app.press(.char("/"))
        app.type("tmss clincq")
        let suggestion = try #require(app.search?.suggestion)
        let words = try #require(find(app, "No results"))
        app.tapAt(x: words.x + 1, y: words.y)
        #expect(app.search?.query == "tmss clincq", "the rest of the sentence is no button")
        let first = try #require(suggestion.split(separator: " ").first.map(String.init))
        let spot = try #require(find(app, "\u{201C}" + first + (first == suggestion ? "\u{201D}" : " ")), "\(app.screenText)")
        app.tapAt(x: spot.x + 2, y: spot.y)
        #expect(app.search?.query == suggestion, "\(app.screenText)")
        #expect(app.search?.results.hits.isEmpty == false)
    }
}

