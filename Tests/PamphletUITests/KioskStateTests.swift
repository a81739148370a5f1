import Foundation
import PamphletKit
import Testing
import TestSupport
@testable import PamphletUI

/// The kiosk wrapped around the real browser (`AppState`) on the real bundled content.
enum KioskFixtures {
    static let url = "https://clinic.example/ketamine-opiate"

    /// The bundled content, with a public `url` on the first article (the take-home QR code).
    static let content: LoadedContent = {
        var library = ContentLoader.load(directory: RepoPaths.assets.path).library
        if let i = library.documents.firstIndex(where: { $0.kind == .article }) { library.documents[i].url = url }
        return LoadedContent(library: library, engine: SearchEngine(library: library))
    }()

    static func kiosk(idle: Double = 60, countdown: Double = 10, exitAllowed: Bool = true) -> KioskState<AppState> {
        var k = KioskState<AppState>(content: content, options: KioskOptions(idleTimeout: idle, countdown: countdown,
                                                                             exitAllowed: exitAllowed))
        _ = k.update(.resize(width: 80, height: 24))
        _ = k.update(.tick(now: 1000))
        return k
    }
}

extension KioskState {
    @discardableResult
    mutating func send(_ msgs: Msg...) -> [Effect] { msgs.flatMap { update($0) } }
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] { keys.flatMap { update(.key($0)) } }
    mutating func type(_ text: String) { for c in text { _ = update(.key(.char(c))) } }
    var screenText: String { view(width: 80, height: 24).textRows.joined(separator: "\n") }
}

@Suite("Kiosk state over the real browser")
struct KioskStateTests {
    @Test func startsOnTheAttractScreen() {
        let k = KioskFixtures.kiosk()
        #expect(k.screen == .attract && k.browser == nil)
        let text = k.screenText
        #expect(text.contains(KioskFixtures.content.library.site.name))
        #expect(text.contains(KioskFixtures.content.library.site.tagline))
        #expect(text.contains("Press any key or touch the screen to start"))
        #expect(text.contains("F5 Start over"))
    }

    /// Letters and digits are kept as a search's start (KioskTypeToSearchTests); other keys only wake it.
    @Test(arguments: [Msg.key(.char("?")), .key(.enter), .key(.ctrl("c")), .mouse(MouseEvent(x: 3, y: 3, kind: .press)),
                      .key(.down), .key(.function(1))])
    func anyInputStartsAFreshSessionWithoutActingOnIt(_ msg: Msg) {
        var k = KioskFixtures.kiosk()
        let effects = k.update(msg)
        #expect(!effects.contains(.quit))
        #expect(k.screen == .browsing)
        #expect(k.browser?.route == .home)
        #expect(k.browser?.search == nil)
        #expect(k.screenText.contains("F5 Start over"))
    }

    @Test func idleCountdownThenResetWipesTheSession() throws {
        var k = KioskFixtures.kiosk(idle: 30, countdown: 10)
        k.press(.char(" "), .char("/"))
        k.type("ketamine")
        k.send(.tick(now: 1001))
        #expect(k.screenText.contains("ketamine"))
        k.send(.tick(now: 1030))
        #expect(k.countdownRemaining == nil)
        k.send(.tick(now: 1031.5))
        #expect(k.countdownRemaining == 10)
        #expect(k.screenText.contains("Starting over in 10 s"))
        k.send(.tick(now: 1036))
        #expect(k.screenText.contains("Starting over in 5 s"))
        let effects = k.send(.tick(now: 1041.2))
        #expect(effects.contains(.clearScreen))
        #expect(k.screen == .attract && k.browser == nil)
        #expect(!k.screenText.contains("ketamine"))
        // The next patient gets a brand-new browser: no search, no history.
        k.press(.char(" "))
        let browser = try #require(k.browser)
        #expect(browser.search == nil && browser.backStack.isEmpty && browser.answers.isEmpty)
        #expect(!k.screenText.contains("ketamine"))
    }

    @Test func aKeyDuringTheCountdownKeepsTheSessionAndIsNotActedOn() {
        var k = KioskFixtures.kiosk(idle: 30, countdown: 10)
        k.press(.char(" "), .char("/"))
        k.type("tms")
        k.send(.tick(now: 1001), .tick(now: 1033))
        #expect(k.countdownRemaining != nil)
        k.press(.char("z"))
        #expect(k.countdownRemaining == nil)
        #expect(k.browser?.search?.query == "tms")
        k.send(.tick(now: 1034), .tick(now: 1050))
        #expect(k.screen == .browsing)
    }

    @Test func startOverKeyAndBarTapReset() {
        var k = KioskFixtures.kiosk()
        k.press(.char(" "), .down, .enter)
        #expect(k.press(KioskKeys.startOver).contains(.clearScreen))
        #expect(k.screen == .attract)
        k.press(.char(" "))
        let effects = k.send(.mouse(MouseEvent(x: 4, y: 23, kind: .press)), .mouse(MouseEvent(x: 4, y: 23, kind: .release)))
        #expect(effects.contains(.clearScreen) && k.screen == .attract)
    }

    /// Review J 7: a swipe that begins on "F5 Start over" does not wipe the session; a tap does, at its release.
    @Test func theBarActsAtTheReleaseOfATap() {
        var k = KioskFixtures.kiosk()
        k.press(.char(" "), .down, .enter)
        let route = k.browser?.route
        k.send(.mouse(MouseEvent(x: 4, y: 23, kind: .press)))
        #expect(k.screen == .browsing, "nothing while the finger is down")
        k.send(.mouse(MouseEvent(x: 4, y: 18, kind: .drag)), .mouse(MouseEvent(x: 4, y: 12, kind: .release)))
        #expect(k.screen == .browsing && k.browser?.route == route)
        let effects = k.send(.mouse(MouseEvent(x: 4, y: 23, kind: .press)), .mouse(MouseEvent(x: 5, y: 23, kind: .release)))
        #expect(effects.contains(.clearScreen) && k.screen == .attract)
    }

    static let hostile: [Key] = [
        .char("q"), .char("Q"), .ctrl("c"), .ctrl("z"), .ctrl("\\"), .ctrl("d"), .ctrl("s"), .ctrl("q"),
        .escape, .alt("x"), .alt("q"), .function(1), .function(4), .function(10), .function(12), .unknown,
        .char(":"), .char("!"), .ctrl("a"), .ctrl("x"), .ctrl("a"), .char("q"),
    ]

    @Test func hostileKeysNeverQuit() {
        var k = KioskFixtures.kiosk(exitAllowed: false)
        var effects = k.press(.char(" "))
        for key in Self.hostile { effects += k.press(key) }
        k.type(":q!sh:e /etc/passwd")
        effects += k.send(.paste(String(repeating: "q", count: 10_000)))
        #expect(!effects.contains(.quit))
        #expect(!effects.contains { if case .verifyPIN = $0 { true } else { false } })
        #expect(k.pinPrompt == nil)
    }

    @Test func staffExitWithGrowingDelays() {
        var k = KioskFixtures.kiosk()
        k.press(.char(" "), .ctrl("a"), .ctrl("x"))
        #expect(k.pinPrompt != nil)
        k.type("1111")
        #expect(k.screenText.contains("PIN: ••••"))
        #expect(!k.screenText.contains("1111"))
        #expect(k.press(.enter) == [.verifyPIN("1111")])
        #expect(k.screenText.contains("Checking"))
        // A wrong PIN: locked for 1 s from the next tick.
        k.send(.pinChecked(valid: false))
        k.send(.tick(now: 1010))
        #expect(k.screenText.contains("Try again in 1 s"))
        k.type("4826")
        #expect(k.press(.enter).isEmpty, "typing is refused while locked")
        k.send(.tick(now: 1011))
        k.type("2222")
        #expect(k.press(.enter) == [.verifyPIN("2222")])
        k.send(.pinChecked(valid: false), .tick(now: 1012))
        #expect(k.lockout.secondsLeft(now: 1012) == 2)
        k.send(.tick(now: 1013))
        #expect(k.lockout.isLocked(now: 1013))
        k.send(.tick(now: 1014))
        k.type("3333")
        k.press(.enter)
        k.send(.pinChecked(valid: false), .tick(now: 1015))
        #expect(k.lockout.secondsLeft(now: 1015) == 4)
        k.send(.tick(now: 1019))
        k.type("4826")
        #expect(k.press(.enter) == [.verifyPIN("4826")])
        #expect(k.send(.pinChecked(valid: true)).contains(.quit))
    }

    @Test(arguments: [1: 1.0, 2: 2, 3: 4, 4: 8, 5: 16, 10: 300, 40: 300])
    func lockoutDelays(_ failures: Int, _ seconds: Double) {
        #expect(PINLockout.delay(afterFailures: failures) == seconds)
    }

    @Test func strayPINAnswersAndDisabledExitDoNothing() {
        var k = KioskFixtures.kiosk(exitAllowed: false)
        #expect(k.send(.pinChecked(valid: true)).isEmpty)
        k.press(.char(" "), .ctrl("a"), .ctrl("x"))
        #expect(k.pinPrompt == nil)
        var open = KioskFixtures.kiosk()
        open.press(.ctrl("a"), .ctrl("x"))
        #expect(open.pinPrompt != nil)
        #expect(open.send(.pinChecked(valid: true)).isEmpty, "no check was asked for")
        open.press(.escape)
        #expect(open.pinPrompt == nil)
    }

    @Test func takeHomeShowsTheURLAndAQRCode() throws {
        var k = KioskFixtures.kiosk()
        k.press(.char(" "))
        #expect(!k.screenText.contains("F6"), "home has no URL")
        // Articles, then the first article.
        k.press(.enter, .enter)
        let doc = try #require(k.browser?.kioskCurrentDocument)
        #expect(doc.url == KioskFixtures.url)
        #expect(k.screenText.contains("F6 Take this page home"))
        k.press(KioskKeys.takeHome)
        let canvas = k.view(width: 80, height: 24)
        let text = canvas.textRows.joined(separator: "\n")
        // The address sits beside the code, cut into lines if long: read that column back.
        let column = canvas.textRows.map { String($0.dropFirst(40)).trimmingCharacters(in: .whitespaces) }.joined()
        #expect(column.contains(KioskFixtures.url))
        #expect(text.contains("▀") || text.contains("▄"))
        #expect(canvas.cells.contains { $0.role == .highlight && $0.text == "█" })
        k.press(.char("k"))
        #expect(k.takeHome == nil)
    }

    @Test func hotReloadSwapsContentWithoutLeavingThePage() {
        var k = KioskFixtures.kiosk()
        k.press(.char(" "), .enter, .enter)
        let route = k.browser?.route
        var library = KioskFixtures.content.library
        library.site.name = "Renamed Clinic"
        k.send(.contentReloaded(LoadedContent(library: library, engine: SearchEngine(library: library))))
        #expect(k.browser?.route == route)
        k.press(KioskKeys.startOver)
        #expect(k.screenText.contains("Renamed Clinic"))
    }

    @Test func noFilePathsOnAnyScreen() {
        var k = KioskFixtures.kiosk()
        var seen = [k.screenText]
        k.press(.char(" "))
        for keys in [[Key.enter, .enter], [.char("H"), .down, .enter, .enter], [.char("?")], [.char("H"), .down, .down, .enter, .enter]] {
            for key in keys { k.press(key) }
            seen.append(k.screenText)
        }
        for text in seen {
            #expect(!text.contains(".md"))
            #expect(!text.contains("/content"))
            #expect(!text.contains(RepoPaths.root.path))
        }
    }

    /// The kiosk's own keys are on its help screen, not only in the bar.
    @Test func helpListsTheKiosksKeys() {
        var k = KioskFixtures.kiosk()
        _ = k.update(.resize(width: 100, height: 40))
        k.press(.char(" "), .function(1))
        #expect(k.browser?.route == .help)
        let body = k.view(width: 100, height: 40).textRows.dropLast(3).joined(separator: "\n")
        #expect(body.contains("F5"))
        #expect(body.contains("Start over"))
        #expect(body.contains("F6"))
        #expect(body.contains("Take this page home"))
        #expect(!body.contains(KioskKeys.staffChordLabel), "staff exit stays off the patients' help")
    }

    @Test func theBrowsersHelpHasNoKioskKeys() {
        var app = Fixtures.app(width: 100, height: 40)
        app.press(.function(1))
        #expect(!app.screenText.contains("F5"))
    }
}
