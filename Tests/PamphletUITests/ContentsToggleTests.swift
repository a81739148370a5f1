import PamphletKit
@testable import PamphletUI
import Testing

/// `t` shows or hides the contents at every width: beside the text on wide screens (hiding them
/// gives the text the full width), in place of the text on narrow ones.
@Suite struct ContentsToggleTests {
    /// The contents' "Overview" entry and the column rule beside it, in the body rows.
    func sidebarShown(_ app: AppState) -> Bool {
        let rows = app.view(width: app.width, height: app.height).textRows
        return rows[1..<(app.height - 2)].contains { $0.contains("Overview") && $0.contains(app.options.glyphs.vertical) }
    }

    @Test(arguments: [(80, 24), (120, 24), (72, 20)])
    func tHidesAndShowsTheSidebar(_ width: Int, _ height: Int) {
        var app = Fixtures.app(width: width, height: height)
        app.press(.char("1"), .char("]"))
        let section = app.currentSection
        let narrowText = app.geometry.textWidth
        #expect(sidebarShown(app))
        app.press(.char("t"))
        #expect(!sidebarShown(app), "t hides the contents")
        #expect(!app.geometry.contentsVisible)
        #expect(app.geometry.textWidth > narrowText, "the text takes the width")
        #expect(app.currentSection == section, "the reader stays where they were")
        app.press(.char("H"), .char("1"))
        #expect(!sidebarShown(app), "hidden stays hidden on the next page")
        app.press(.char("t"))
        #expect(sidebarShown(app), "t brings them back")
        #expect(app.current.focus == .contents, "ready to choose a section")
        app.press(.down, .enter)
        #expect(app.current.focus == .text)
        #expect(app.currentSection == 0)
        #expect(sidebarShown(app))
    }

    @Test func narrowScreensStillOpenThemInPlace() {
        var app = Fixtures.app(width: 40, height: 12)
        app.press(.char("1"), .char("t"))
        #expect(app.geometry.contentsOpen)
        app.press(.char("t"))
        #expect(!app.geometry.contentsVisible)
    }

    @Test func aKioskResetShowsThemAgain() {
        var app = Fixtures.app()
        app.press(.char("1"), .char("t"))
        app.reset()
        app.press(.char("1"))
        #expect(sidebarShown(app))
    }
}
