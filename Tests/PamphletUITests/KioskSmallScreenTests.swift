import PamphletKit
import Testing
@testable import PamphletUI

/// The kiosk's own screens at small and tiny sizes: everything fits or degrades, nothing crashes.
@Suite("Kiosk screens at small sizes")
struct KioskSmallScreenTests {
    @Test(arguments: [(40, 12), (30, 8), (20, 5), (10, 3), (1, 1), (0, 0)])
    func everyKioskScreenDrawsAtAnySize(_ width: Int, _ height: Int) {
        var k = KioskFixtures.kiosk()
        _ = k.update(.resize(width: width, height: height))
        var canvases = [k.view(width: width, height: height)]
        k.press(.char(" "), .enter, .enter)
        canvases.append(k.view(width: width, height: height))
        k.press(KioskKeys.takeHome)
        canvases.append(k.view(width: width, height: height))
        k.press(.char("z"), .ctrl("a"), .ctrl("x"))
        k.type("12")
        canvases.append(k.view(width: width, height: height))
        k.press(.escape)
        k.send(.tick(now: 1000 + 61))
        canvases.append(k.view(width: width, height: height))
        for canvas in canvases {
            #expect(canvas.width == max(0, width) && canvas.height == max(0, height))
        }
    }

    /// The bar takes a row from the browser, so the kiosk's smallest screen is one row taller than
    /// the browser's, and the message says so.
    @Test(arguments: [(30, 8), (40, 8), (29, 9), (29, 24)])
    func tooSmallStatesTheKiosksOwnMinimum(_ width: Int, _ height: Int) {
        var k = KioskFixtures.kiosk()
        _ = k.update(.resize(width: width, height: height))
        k.press(.char(" "))
        let text = k.view(width: width, height: height).textRows.joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
        #expect(text.contains("Please enlarge the window."))
        #expect(text.contains("at least 30 x 9 characters"))
        #expect(k.view(width: width, height: height).textRows.last?.contains("F5 Start over") == true)
    }

    @Test(arguments: [(30, 9), (40, 9)])
    func theStatedMinimumIsEnough(_ width: Int, _ height: Int) {
        var k = KioskFixtures.kiosk()
        _ = k.update(.resize(width: width, height: height))
        k.press(.char(" "))
        let rows = k.view(width: width, height: height).textRows
        #expect(!rows.joined().contains("enlarge"))
        #expect(rows.joined().contains("Articles"), "the home menu is drawn")
        #expect(rows[height - 3].contains("Home"), "the browser's status line is above its hints")
        #expect(rows.last?.contains("F5 Start over") == true)
        k.press(.enter)  // digits search in the kiosk (review G 1): Enter opens the first item
        #expect(k.browser?.route == .document("is-ketamine-an-opiate"), "keys reach the browser")
    }

    @Test func attractAt40x12() {
        var k = KioskFixtures.kiosk()
        _ = k.update(.resize(width: 40, height: 12))
        let rows = k.view(width: 40, height: 12).textRows
        #expect(rows.contains { $0.contains("Neuro Wellness Spa") })
        #expect(rows.joined(separator: " ").contains("Press any key or touch"))
        #expect(rows.last?.contains("F5 Start over") == true)
    }

    /// Review J 19: the panel said "Press any key to close." on a touch screen (a tap does close it).
    @Test(arguments: [(40, 12, false), (80, 24, true), (120, 40, false)])
    func takeHomeSaysATouchClosesIt(_ width: Int, _ height: Int, _ ascii: Bool) {
        var k = KioskState<AppState>(content: KioskFixtures.content,
                                     options: KioskOptions(browser: .kiosk(asciiOnly: ascii)))
        _ = k.update(.resize(width: width, height: height))
        k.press(.char(" "), .enter, .enter)
        k.press(KioskKeys.takeHome)
        #expect(k.takeHome != nil)
        // The words beside (or under) the code: each row from its first letter of text.
        let rows = k.view(width: width, height: height).textRows.dropLast().map { row in
            row.split(separator: " ").filter { $0.unicodeScalars.allSatisfy { !(0x2580...0x259F).contains($0.value) } }
                .joined(separator: " ")
        }
        #expect(rows.joined(separator: " ").contains("Touch the screen or press any key to close."), "\(rows)")
        _ = k.update(.mouse(MouseEvent(x: 3, y: height / 2, kind: .press)))
        #expect(k.takeHome == nil)
    }

    @Test func takeHomeOnANarrowScreenFallsBackToTheAddress() {
        var k = KioskFixtures.kiosk()
        _ = k.update(.resize(width: 40, height: 12))
        k.press(.char(" "), .enter, .enter)
        k.press(KioskKeys.takeHome)
        let text = k.view(width: 40, height: 12).textRows.joined()
        #expect(text.contains("Enlarge the window to show a QR code"))
        #expect(text.replacingOccurrences(of: " ", with: "").contains(KioskFixtures.url))
    }

    /// ASCII mode has no half blocks, and a code drawn without them is twice as tall as the screen:
    /// the panel gives the address to type, in ASCII, and does not ask for a larger window.
    @Test(arguments: [(80, 24), (200, 60)])
    func takeHomeInASCIIModeGivesTheAddressOnly(_ width: Int, _ height: Int) {
        var k = KioskState<AppState>(content: KioskFixtures.content,
                                     options: KioskOptions(browser: .kiosk(asciiOnly: true)))
        _ = k.update(.resize(width: width, height: height))
        _ = k.update(.tick(now: 1000))
        k.press(.char(" "), .enter, .enter)
        k.press(KioskKeys.takeHome)
        let rows = k.view(width: width, height: height).textRows
        let text = rows.joined()
        let allASCII = text.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(allASCII, "\(rows)")
        #expect(text.replacingOccurrences(of: " ", with: "").contains(KioskFixtures.url))
        #expect(text.contains("Type the address into your phone"))
        #expect(!text.contains("Enlarge") && !text.contains("QR code"))
    }

    @Test func countdownAt40x12() {
        var k = KioskFixtures.kiosk(idle: 30, countdown: 10)
        _ = k.update(.resize(width: 40, height: 12))
        k.press(.char(" "))
        k.send(.tick(now: 1001), .tick(now: 1032))
        let text = k.view(width: 40, height: 12).textRows.joined(separator: "\n")
        #expect(text.contains("Still there?"))
        #expect(text.contains("Starting over in 9 s"))
    }

    /// Review G 4: the instruction was cut mid-word ("press any key t…") although the box had room
    /// for a second line; at 30x9 the box also covered the header's "Help now: F2".
    @Test(arguments: [(40, 12), (30, 9), (80, 24), (34, 10)])
    func countdownWrapsItsInstructionAtWords(_ width: Int, _ height: Int) {
        var library = KioskFixtures.content.library
        library.site.contact.crisisLine = "988"
        var k = KioskState<AppState>(content: LoadedContent(library: library, engine: SearchEngine(library: library)),
                                     options: KioskOptions(idleTimeout: 30, countdown: 10))
        _ = k.update(.resize(width: width, height: height))
        _ = k.update(.tick(now: 1000))
        k.press(.char(" "))
        k.send(.tick(now: 1001), .tick(now: 1032))
        let rows = k.view(width: width, height: height).textRows
        let inside = rows.filter { $0.contains("│") }.map { row in
            row.split(separator: "│", omittingEmptySubsequences: false).dropFirst().first
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        }.filter { !$0.isEmpty }
        #expect(!inside.joined().contains("…"), "\(inside)")
        #expect(inside.joined(separator: " ").contains("Touch the screen or press any key to keep reading"), "\(inside)")
        #expect(inside.contains("Still there?") && inside.contains("Starting over in 9 s"), "\(inside)")
        #expect(rows[0].contains("F2"), "the header's crisis hint stays: \(rows[0])")
    }
}

/// Review E 1: the attract screen's "or type what you are looking for" pushed the crisis line
/// under the bar at 40x12; when lines must go, the crisis line is the last to.
@Suite struct KioskAttractCrisisTests {
    static func kiosk(width: Int, height: Int) -> KioskState<AppState> {
        var library = KioskFixtures.content.library
        library.site.contact.crisisLine = "988"
        library.site.contact.crisisLineLabel = "Suicide & Crisis Lifeline (call or text)"
        let content = LoadedContent(library: library, engine: KioskFixtures.content.engine)
        var k = KioskState<AppState>(content: content, options: KioskOptions(idleTimeout: 60, countdown: 10))
        _ = k.update(.resize(width: width, height: height))
        return k
    }

    /// Review G 8: the "Please enlarge the window" screen hid the crisis number and F2, which the
    /// attract screen keeps at the same size, and split "30 x 9" across two lines at 25 columns.
    @Test(arguments: [(26, 8), (25, 7), (24, 6), (29, 24), (20, 5), (29, 8), (40, 8)])
    func theCrisisNumberStaysOnTheEnlargeScreen(width: Int, height: Int) {
        var k = Self.kiosk(width: width, height: height)
        k.press(.char(" "))
        #expect(k.screen == .browsing)
        let rows = k.view(width: width, height: height).textRows
        let body = rows.dropLast().joined(separator: "\n")
        #expect(body.contains("988"), "\(width)x\(height):\n\(body)")
        #expect(body.contains("(call or") || height < 6, "the label's end stays with the number:\n\(body)")
        if height >= 7 {
            #expect(body.contains("Help now: F2"), "\(width)x\(height):\n\(body)")
            #expect(body.contains("enlarge"), "\(width)x\(height):\n\(body)")
        }
        if body.contains("This needs") { #expect(body.contains("30 x 9"), "kept on one line:\n\(body)") }
        #expect(rows.last?.contains("F5 Start over") == true)
    }

    @Test func withoutACrisisLineTheEnlargeScreenStillNamesF2() {
        var k = KioskFixtures.kiosk()
        _ = k.update(.resize(width: 26, height: 8))
        k.press(.char(" "))
        let body = k.view(width: 26, height: 8).textRows.dropLast().joined(separator: "\n")
        #expect(body.contains("Please enlarge") && body.contains("Help now: F2"), "\(body)")
    }

    /// The F2 it names works at that size: the crisis page is there once the window is enlarged.
    @Test func f2OnTheEnlargeScreenOpensTheCrisisPage() {
        var k = Self.kiosk(width: 26, height: 8)
        k.press(.char(" "), .function(2))
        #expect(k.browser?.route == .crisis)
        _ = k.update(.resize(width: 80, height: 24))
        #expect(k.screenText.contains("Help right now"))
        var letter = Self.kiosk(width: 26, height: 8)
        letter.press(.char(" "), .char("c"))
        #expect(letter.browser?.route == .home, "c is a letter in the kiosk")
    }

    /// The staff browser's own "enlarge" message keeps its size together too.
    @Test func theBrowsersSizeStaysTogether() {
        var app = Fixtures.app(width: 25, height: 7)
        _ = app.update(.resize(width: 25, height: 7))
        let rows = app.view(width: 25, height: 7).textRows
        #expect(rows.contains { $0.contains("30 x 8") }, "\(rows)")
    }

    @Test(arguments: [(30, 9), (30, 12), (40, 12), (50, 12), (80, 24), (20, 6)])
    func theCrisisNumberIsAlwaysOnTheAttractScreen(width: Int, height: Int) {
        let rows = Self.kiosk(width: width, height: height).view(width: width, height: height).textRows
        #expect(rows.dropLast().joined(separator: "\n").contains("988"), "\(width)x\(height):\n\(rows.joined(separator: "\n"))")
        if height >= 12 { #expect(rows.joined().contains("Press any key")) }
    }

    /// Review F 6: lines were dropped one by one, leaving "or type what you are" or "Press any key
    /// or touch the" cut mid-sentence; now whole sentences go.
    @Test(arguments: [(30, 8), (30, 9), (24, 6), (40, 10), (26, 7)])
    func noSentenceIsCutInHalf(width: Int, height: Int) {
        let rows = Self.kiosk(width: width, height: height).view(width: width, height: height).textRows.dropLast()
        let words = rows.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        for sentence in ["Press any key or touch the screen to start", "or type what you are looking for"] {
            let first = sentence.split(separator: " ").prefix(3).joined(separator: " ")
            #expect(!words.contains(first) || words.contains(sentence), "\(width)x\(height): \(words)")
        }
        #expect(words.contains("988"))
    }
}
