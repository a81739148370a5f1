import PamphletKit
import Testing
@testable import PamphletUI

/// In the kiosk, letters start a search (`AppOptions.lettersSearch`): a patient typing "cost" on the
/// home screen got the crisis page from its `c` (review A). Staff's browser keeps its one-key commands.
@Suite("Kiosk: type to search")
struct KioskTypeToSearchTests {
    @Test func typingAWordOnTheHomeScreenSearchesIt() {
        var k = KioskFixtures.kiosk()
        k.press(.enter)
        k.type("cost")
        #expect(k.browser?.route == .home)
        #expect(k.browser?.search?.query == "cost")
    }

    /// The letter that wakes the attract screen is the search's first (review D 1: "suicide" had
    /// searched "uicide", found nothing and showed no "Help right now").
    @Test func theLetterThatWakesTheKioskIsKept() {
        var k = KioskFixtures.kiosk()
        k.type("suicide")
        #expect(k.browser?.search?.query == "suicide")
        #expect(k.browser?.search?.crisisRow == true)
        for wake in [Key.enter, .char(" "), .down] {
            var other = KioskFixtures.kiosk()
            other.press(wake)
            #expect(other.browser?.search == nil, "\(wake) only wakes it")
            #expect(other.browser?.route == .home)
        }
    }

    @Test func typingOnAnArticleSearchesToo() {
        var k = KioskFixtures.kiosk()
        k.press(.enter, .enter, .enter)  // wake, Articles, the first article
        let page = k.browser?.route
        #expect(page != .home)
        k.type("naltrexone")
        #expect(k.browser?.search?.query == "naltrexone")
        #expect(k.screenText.contains("Search: naltrexone"))
    }

    @Test func arrowsEnterAndSpaceKeepTheirMeaning() {
        var k = KioskFixtures.kiosk()
        k.press(.enter, .down, .enter)
        #expect(k.browser?.search == nil)
        #expect(k.browser?.route != .home)
        k.press(.backspace)
        #expect(k.browser?.route == .home)
    }

    /// Review G 1: digits picked menu items, so 911 typed on the attract screen opened an article
    /// (item 1 three times) and 988 on the home screen did nothing. They search, as letters do.
    @Test(arguments: ["911", "988", "112", "999"])
    func anEmergencyNumberReachesHelpRightNow(_ number: String) {
        var fromAttract = KioskFixtures.kiosk()
        fromAttract.type(number)
        #expect(fromAttract.browser?.search?.query == number)
        #expect(fromAttract.browser?.search?.crisisRow == true)
        #expect(fromAttract.browser?.route == .home)
        #expect(fromAttract.view(width: 80, height: 24).textRows[3].contains("Help right now"))
        var fromHome = KioskFixtures.kiosk()
        fromHome.press(.enter)
        fromHome.type(number)
        #expect(fromHome.browser?.search?.query == number)
        #expect(fromHome.browser?.search?.crisisRow == true)
        fromHome.press(.enter)
        #expect(fromHome.browser?.route == .crisis)
    }

    @Test func aDigitOnAPageSearchesToo() {
        var k = KioskFixtures.kiosk()
        k.press(.enter, .enter, .enter)  // wake, Articles, the first article
        k.type("2")
        #expect(k.browser?.search?.query == "2")
    }

    /// Review G 1: with digits searching, the kiosk's home screen, help and hints name no digit keys.
    @Test func theKioskClaimsNoDigitKeys() {
        var k = KioskFixtures.kiosk()
        k.press(.enter)
        let home = k.screenText
        #expect(!home.contains("numbers"), "\(home)")
        #expect(!home.contains("1  Articles") && !home.contains("2  FAQs"), "\(home)")
        #expect(home.contains("Articles") && home.contains("FAQs"))
        let help = BuiltInPages.help(.unicode, allowQuit: false, kioskKeys: true, lettersSearch: true)
        let all = help.sections.flatMap(\.blocks).compactMap { block -> [String]? in
            guard case .table(let t) = block else { return nil }
            return t.rows.map { $0.map(\.plainText).joined(separator: ": ") }
        }.flatMap { $0 }
        #expect(!all.contains { $0.hasPrefix("1-") || $0.contains("numbered") }, "\(all)")
        #expect(all.contains { $0.hasPrefix("letters, digits: Search") })
    }

    @Test func helpAndHintsNameNoLetterKeys() {
        var k = KioskFixtures.kiosk()
        k.press(.enter, .char("?"))
        let help = k.screenText
        #expect(help.contains("letters"))
        #expect(help.contains("start typing what to find"))
        #expect(!help.contains("Backspace ← h"))
        let hints = k.screenText.split(separator: "\n").suffix(2).joined(separator: "\n")
        for letter in ["q quit", "t contents", "H home"] { #expect(!hints.contains(letter)) }
        #expect(k.screenText.contains("or type a word to search") == false)  // help page, not home
        k.press(.backspace)
        #expect(k.screenText.contains("or type a word to search"))
    }

    @Test func theStaffBrowserKeepsItsLetterCommands() {
        var app = Fixtures.app()
        app.press(.char("c"))
        #expect(app.route == .crisis)
        #expect(app.search == nil)
        // and its digit shortcuts (review G 1 changed only the kiosk)
        var digits = Fixtures.app()
        digits.press(.char("2"))
        #expect(digits.search == nil)
        #expect(digits.route != .home)
        #expect(digits.screenText.contains("Questions About"))
        let home = Fixtures.app()
        #expect(home.screenText.contains("1  Articles"))
        #expect(home.screenText.contains("Use the arrow keys or the numbers"))
        let help = BuiltInPages.help(.unicode, allowQuit: true)
        let menu = help.sections.first { $0.id == KeyContext.menu.rawValue }
        guard case .table(let table)? = menu?.blocks.first else { Issue.record("no menu table"); return }
        #expect(table.rows.contains { $0.first?.plainText == "1-9" })
    }

    /// Review E 3: a page opened from search said "match 1 of 3" and, letters searching, no key
    /// reached the next match: F3 and Shift-F3 do, in the kiosk and everywhere.
    @Test func f3MovesBetweenMatches() throws {
        var k = KioskFixtures.kiosk()
        k.press(.enter)
        k.type("naltrexone")
        k.press(.enter)
        let first = try #require(k.browser?.current.matchIndex)
        #expect(k.screenText.contains("match \(first + 1) of"))
        #expect(k.screenText.contains("F3 next match"), "the hint row names it (review F 7)")
        k.press(.function(3))
        #expect(k.browser?.current.matchIndex == first + 1)
        #expect(k.browser?.search == nil)
        k.press(.function(15))
        #expect(k.browser?.current.matchIndex == first)
        let help = BuiltInPages.help(.unicode, allowQuit: false, kioskKeys: true, lettersSearch: true)
        let reading = help.sections.first { $0.id == KeyContext.reading.rawValue }
        guard case .table(let table)? = reading?.blocks.first else { Issue.record("no reading table"); return }
        let rows = table.rows.map { $0.map(\.plainText).joined(separator: ": ") }
        #expect(rows.contains("F3: Next search match"), "\(rows)")
        #expect(rows.contains("Shift-F3: Previous search match"), "\(rows)")
    }

    /// Review E 4, 5, 11: F2 on the attract screen opens the crisis page (the header names it), a
    /// paste there is the search, Back from F2 reopens the results, and the kiosk's header names
    /// F2 even when site.yaml has no crisis line.
    @Test func f2AndPasteOnTheAttractScreen() {
        var k = KioskFixtures.kiosk()
        k.press(.function(2))
        #expect(k.browser?.route == .crisis)
        var pasted = KioskFixtures.kiosk()
        pasted.send(.paste("naltrexone"))
        #expect(pasted.browser?.search?.query == "naltrexone")
    }

    @Test func backFromF2ReopensTheResults() {
        var k = KioskFixtures.kiosk()
        k.type("suicide")
        k.press(.function(2))
        #expect(k.browser?.route == .crisis)
        k.press(.backspace)
        #expect(k.browser?.search?.query == "suicide")
    }

    @Test func theHeaderNamesF2WithoutACrisisLine() {
        var k = KioskFixtures.kiosk()
        #expect(KioskFixtures.content.library.site.contact.crisisLine == nil, "the bundled site has none")
        k.press(.enter)
        let header = k.view(width: 80, height: 24).textRows[0]
        #expect(header.contains("Need help now? Press F2"), "\(header)")
        var staff = Fixtures.app()
        _ = staff.update(.resize(width: 80, height: 24))
        #expect(!staff.view(width: 80, height: 24).textRows[0].contains("Need help now"), "staff's browser: only with a line")
    }
}
