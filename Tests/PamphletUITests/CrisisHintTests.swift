@testable import PamphletUI
import Testing

/// Review A finding 11: the header's "Need help now? Press c" was wrong while searching (c types a
/// letter there) and a tap on it went home instead of to the crisis page.
@Suite struct CrisisHintTests {
    /// While searching `c` types a letter: the hint names F2, which works there (it had said "Esc,
    /// then c").
    @Test(arguments: [80, 40])
    func whileSearchingTheHintNamesF2(width: Int) {
        var app = Fixtures.app(width: width, height: 24, crisis: true)
        let before = app.view(width: width, height: 24).textRows[0]
        #expect(before.contains("Press c") || before.contains("Help now: c"), "\(before)")
        app.press(.char("/"))
        app.type("cost")
        let header = app.view(width: width, height: 24).textRows[0]
        #expect(!header.contains("Press c") && !header.contains("Help now: c"), "\(header)")
        #expect(header.contains("Press F2") || header.contains("Help now: F2"), "\(header)")
        app.press(.function(2))
        #expect(app.route == .crisis, "what the hint says works")
        #expect(app.search == nil)
    }

    /// Review D 2: in the kiosk letters search, and the header said "Press c": c started a search.
    @Test func theKioskHintNamesAKeyThatWorks() {
        var k = KioskState<AppState>(content: Fixtures.bundled,
                                     options: KioskOptions(browser: .kiosk(today: Fixtures.today).with(crisisLine: "988")))
        _ = k.update(.resize(width: 80, height: 24))
        k.press(.enter)
        let header = k.view(width: 80, height: 24).textRows[0]
        #expect(header.contains("Need help now? Press F2"), "\(header)")
        k.press(.function(2))
        #expect(k.browser?.route == .crisis)
        k.press(.backspace)
        k.type("cost")
        k.press(.function(2))
        #expect(k.browser?.route == .crisis, "from the search too")
    }

    /// F2 is never spent on closing a box over the page (review I 2): the "Still there?" countdown
    /// leaves "Help now: F2" in view, and the first F2 had only closed it; the staff PIN box and the
    /// take-home panel close and the crisis page opens too.
    @Test(arguments: ["countdown", "pin", "take home"])
    func f2OverABoxOpensTheCrisisPage(_ box: String) {
        var k = KioskState<AppState>(content: Fixtures.bundled,
                                     options: KioskOptions(idleTimeout: 30, countdown: 10,
                                                           browser: .kiosk(today: Fixtures.today).with(crisisLine: "988")))
        _ = k.update(.resize(width: 80, height: 24))
        _ = k.update(.tick(now: 1000))
        k.press(.enter)
        switch box {
        case "countdown":
            k.send(.tick(now: 1001), .tick(now: 1033))
            #expect(k.countdownRemaining != nil)
        case "pin":
            k.press(.ctrl("a"), .ctrl("x"))
            #expect(k.pinPrompt != nil)
        default:
            k.takeHome = TakeHomePanel(title: "A page", url: "https://clinic.example/a")
        }
        k.press(.function(2))
        #expect(k.browser?.route == .crisis, "\(box)")
        #expect(k.countdownRemaining == nil && k.pinPrompt == nil && k.takeHome == nil)
    }

    /// Only F2 goes through those boxes: in the kiosk `c` is a letter (a PIN may hold it, and over
    /// the countdown a letter only keeps the session), though the browser's keymap also binds it
    /// to the crisis page.
    @Test func aLetterCIsNotTheCrisisKeyOverABox() {
        var k = KioskState<AppState>(content: Fixtures.bundled,
                                     options: KioskOptions(idleTimeout: 30, countdown: 10,
                                                           browser: .kiosk(today: Fixtures.today).with(crisisLine: "988")))
        _ = k.update(.resize(width: 80, height: 24))
        _ = k.update(.tick(now: 1000))
        k.press(.enter, .ctrl("a"), .ctrl("x"))
        k.type("4c2")
        #expect(k.pinPrompt?.typed == Array("4c2"))
        k.press(.escape)
        k.send(.tick(now: 1001), .tick(now: 1033))
        #expect(k.countdownRemaining != nil)
        k.press(.char("c"))
        #expect(k.countdownRemaining == nil)
        #expect(k.browser?.route != .crisis && k.browser?.search == nil)
    }

    @Test(arguments: [false, true])
    func aClickOnTheHintOpensTheCrisisPage(searching: Bool) {
        var app = Fixtures.app(crisis: true)
        app.press(.char("1"))
        if searching { app.press(.char("/")); app.type("cost") }
        app.tapAt(x: 70, y: 0)
        #expect(app.route == .crisis)
        #expect(app.search == nil)
        app.press(.backspace)
        #expect(app.route == .document("is-ketamine-an-opiate"))
        app.tapAt(x: 3, y: 0)
        #expect(app.route == .home, "the rest of the header still goes home")
    }

    @Test func aTapOnTheHintInTheKioskOpensTheCrisisPage() throws {
        var k = KioskState<AppState>(content: Fixtures.bundled,
                                     options: KioskOptions(browser: .kiosk(today: Fixtures.today).with(crisisLine: "988")))
        _ = k.update(.resize(width: 80, height: 24))
        k.press(.enter)
        k.press(.char("2"))
        let header = k.view(width: 80, height: 24).textRows[0]
        let x = try #require(header.range(of: "Need help now?")).lowerBound.utf16Offset(in: header)
        k.send(.mouse(MouseEvent(x: x + 2, y: 0, kind: .press)), .mouse(MouseEvent(x: x + 2, y: 0, kind: .release)))
        #expect(k.browser?.route == .crisis)
    }

    /// Review J 6: F2 got through the "Still there?" countdown, the staff PIN box and the take-home
    /// panel, but a tap on the header's "Need help now? Press F2" (on a touch screen the only way)
    /// only closed the countdown and did nothing in the PIN box; the take-home panel covered it.
    @Test(arguments: ["countdown", "pin", "takeHome"])
    func aTapOnTheHintGetsThroughEveryKioskBox(_ box: String) throws {
        var k = KioskFixtures.kiosk(idle: 30, countdown: 10)
        k.press(.char(" "), .enter, .enter)   // the first article: it has a url to take home
        switch box {
        case "countdown":
            k.send(.tick(now: 1001), .tick(now: 1032))
            #expect(k.countdownRemaining != nil)
        case "pin":
            k.press(.ctrl("a"), .ctrl("x"))
            k.type("12")
            #expect(k.pinPrompt != nil)
        default:
            k.press(KioskKeys.takeHome)
            #expect(k.takeHome != nil)
        }
        let header = k.view(width: 80, height: 24).textRows[0]
        let x = try #require(header.range(of: "Need help now?"), "\(header)").lowerBound.utf16Offset(in: header)
        k.send(.mouse(MouseEvent(x: x + 2, y: 0, kind: .press)), .mouse(MouseEvent(x: x + 2, y: 0, kind: .release)))
        #expect(k.browser?.route == .crisis)
        #expect(k.countdownRemaining == nil && k.pinPrompt == nil && k.takeHome == nil)
    }
}

extension AppOptions {
    func with(crisisLine: String) -> AppOptions {
        var o = self
        o.crisisLine = crisisLine
        return o
    }
}
