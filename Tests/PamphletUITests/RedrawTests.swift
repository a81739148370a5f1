@testable import PamphletUI
import Testing

/// Review A finding 7: Ctrl-L asks the runtime to repaint the whole screen, wherever the reader is,
/// and changes nothing else; help lists it.
@Suite struct RedrawTests {
    @Test func ctrlLRedrawsEverywhereInTheBrowser() {
        var app = Fixtures.app()
        #expect(app.update(.key(.ctrl("l"))) == [.redraw])
        app.press(.char("1"), .char("j"))
        let page = app.current
        #expect(app.update(.key(.ctrl("l"))) == [.redraw])
        #expect(app.current == page)
        app.press(.char("/"))
        app.type("tms")
        #expect(app.update(.key(.ctrl("l"))) == [.redraw])
        #expect(app.search?.query == "tms", "not typed, not a clear")
        _ = app.update(.resize(width: 10, height: 4))
        #expect(app.update(.key(.ctrl("l"))) == [.redraw], "the too-small screen too")
    }

    @Test func ctrlLRedrawsEverywhereInTheKiosk() {
        var k = KioskFixtures.kiosk()
        #expect(k.press(.ctrl("l")) == [.redraw])
        #expect(k.screen == .attract, "a redraw wakes nothing")
        k.press(.enter, .enter)  // wake, then the first menu item (digits search in the kiosk)
        #expect(k.press(.ctrl("l")) == [.redraw])
        #expect(k.browser?.route == .document("is-ketamine-an-opiate"))
        k.press(.ctrl("a"), .ctrl("x"))
        #expect(k.pinPrompt != nil)
        #expect(k.press(.ctrl("l")) == [.redraw])
        #expect(k.pinPrompt?.maskedLength == 0)
    }

    @Test func helpListsIt() {
        var app = Fixtures.app(height: 200)
        app.press(.char("?"))
        #expect(app.screenText.contains("Ctrl-L"))
        #expect(app.screenText.contains("Redraw the screen"))
    }
}
