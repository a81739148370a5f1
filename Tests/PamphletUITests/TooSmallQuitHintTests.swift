import Testing
@testable import PamphletUI

/// Below the minimum size the browser says how to leave (review H 8); the kiosk, where `q` does
/// nothing, does not.
@Suite struct TooSmallQuitHintTests {
    @Test(arguments: [(20, 6), (29, 24), (80, 7)])
    func theBrowserSaysHowToQuit(_ width: Int, _ height: Int) {
        let app = Fixtures.app(width: width, height: height)
        #expect(app.screenText.contains("Please"))
        #expect(app.screenText.contains("q quits"))
    }

    @Test func theKioskDoesNot() {
        var app = Fixtures.app(width: 20, height: 6)
        app.options = .kiosk(today: Fixtures.today)
        #expect(app.screenText.contains("Please"))
        #expect(!app.screenText.contains("quit"))
    }

    @Test func noRowNoHint() {
        let app = Fixtures.app(width: 12, height: 4)
        #expect(!app.screenText.contains("quits"))
    }
}
