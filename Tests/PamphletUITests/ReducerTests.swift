import PamphletKit
@testable import PamphletUI
import Testing

/// Feed messages, assert on the state: navigation, history, focus, FAQ, self-check, resize, quitting.
@Suite struct ReducerTests {
    let articleID = "is-ketamine-an-opiate"

    func sectionIndex(_ app: AppState, _ slug: String) -> Int? {
        guard case .document(let id) = app.route else { return nil }
        return app.content.library.document(id)?.sections.firstIndex { $0.id == slug }
    }

    @Test func homeMenuOpensByNumberArrowsAndEnter() {
        var app = Fixtures.app()
        app.press(.char("1"))
        #expect(app.route == .document(articleID))
        app.press(.backspace)
        #expect(app.route == .home)
        app.press(.down, .down, .enter)
        #expect(app.route == .list(.treatment))
        app.press(.char("j"), .enter)
        #expect(app.route == .document("tms-therapy"))
    }

    @Test func scrollingKeysMoveTheReadingPosition() {
        var app = Fixtures.app()
        app.press(.char("1"))
        #expect(app.currentTop == 0)
        app.press(.down, .char("j"))
        #expect(app.currentTop == 2)
        app.press(.up)
        #expect(app.currentTop == 1)
        app.press(.pageDown)
        #expect(app.currentTop == 1 + app.bodyHeight - 2)
        app.press(.char("G"))
        #expect(app.currentTop == app.currentLayout.lineCount - app.bodyHeight)
        app.press(.char("g"))
        #expect(app.currentTop == 0)
        app.press(.end)
        app.press(.home)
        #expect(app.currentTop == 0)
    }

    @Test func sectionKeysStepThroughSections() {
        var app = Fixtures.app()
        app.press(.char("1"))
        #expect(app.currentSection == -1)
        app.press(.char("]"), .char("]"))
        #expect(app.currentSection == 1)
        #expect(app.currentTop == app.currentLayout.start(ofSection: 1))
        app.press(.down, .char("["))
        #expect(app.currentSection == 1, "[ first returns to the start of the section")
        #expect(app.currentTop == app.currentLayout.start(ofSection: 1))
        app.press(.char("["))
        #expect(app.currentSection == 0)
    }

    @Test func backAndForwardLikeABrowser() {
        var app = Fixtures.app()
        app.press(.char("1"), .char("]"), .char("]"))
        let anchor = app.current.anchor
        app.press(.char("H"))
        #expect(app.route == .home)
        app.press(.char("h"))
        #expect(app.route == .document(articleID))
        #expect(app.current.anchor == anchor, "going back restores the reading position")
        app.press(.right)
        #expect(app.route == .home)
        app.press(.left)
        app.press(.char("f"))
        #expect(app.route == .home)
        app.press(.backspace, .char("?"))
        #expect(app.route == .help)
        #expect(!app.canGoForward, "opening a page clears the forward history")
        app.press(.backspace, .backspace, .backspace)
        #expect(app.route == .home)
        #expect(!app.canGoBack)
    }

    @Test func tabMovesBetweenContentsAndLinksAndEnterFollows() throws {
        var app = Fixtures.app()
        app.press(.char("1"), .char("G"))
        #expect(app.current.focus == .text)
        app.press(.tab)
        let layout = app.currentLayout
        let first = try #require(layout.targetIndex(app.current.focusedTarget))
        #expect(first == layout.targets.firstIndex { $0.firstLine >= app.currentTop }, "the first link on screen")
        guard case .reference(let ref) = layout.targets[first].action else {
            Issue.record("not a cross-reference")
            return
        }
        app.press(.tab)
        #expect(layout.targetIndex(app.current.focusedTarget) == first + 1)
        // Past the last link the focus goes to the contents, then back into the text.
        for _ in 0..<layout.targets.count { if app.current.focus == .text { app.press(.tab) } }
        #expect(app.current.focus == .contents)
        app.press(.backTab)
        #expect(app.current.focus == .text)
        app.press(.char("G"))
        app.current.focusedTarget = layout.targets[first].key
        app.press(.enter)
        #expect(app.route == .document(ContentReference(ref).documentID))
        app.press(.backspace)
        #expect(app.route == .document(articleID))
    }

    @Test func contentsFocusSelectsAndJumps() {
        var app = Fixtures.app()
        app.press(.char("1"), .char("t"), .char("t"))  // hide the contents, then show them to choose
        #expect(app.current.focus == .contents)
        app.press(.down, .down, .down, .down, .enter)
        #expect(app.current.focus == .text)
        #expect(app.currentSection == sectionIndex(app, "is-ketamine-addictive"))
    }

    @Test func narrowScreensOpenTheContentsInPlace() {
        var app = Fixtures.app(width: 40, height: 12)
        app.press(.char("1"))
        #expect(!app.geometry.contentsVisible)
        app.press(.char("t"))
        #expect(app.geometry.contentsOpen)
        #expect(app.view(width: 40, height: 12).textRows.joined().contains("Ketamine Effects"))
        app.press(.down, .enter)
        #expect(!app.current.contentsOpen)
        #expect(app.currentSection == 0)
    }

    @Test func faqQuestionsExpandAndCollapseInPlace() {
        var app = Fixtures.app()
        app.press(.char("2"))
        #expect(app.route == .document("ketamine-faq"))
        app.press(.enter)
        #expect(app.expanded["ketamine-faq"] == [0])
        app.press(.down, .char(" "))
        #expect(app.expanded["ketamine-faq"] == [0, 1])
        app.press(.enter)
        #expect(app.expanded["ketamine-faq"] == [0])
        #expect(app.screenText.contains("▾ Is ketamine an opiate?"))
    }

    /// Review A finding 6: Down and Tab stopped at "See my result"; Tab now reaches the intro's link
    /// and "Related pages" as on the FAQ, and Shift-Tab goes back the same way.
    @Test(arguments: [24, 40])
    func selfCheckLinksAreReachableWithTab(height: Int) throws {
        var app = Fixtures.app(height: height)
        app.press(.char("4"))
        var seen: [String] = []
        for _ in 0..<12 {
            app.press(.tab)
            if let key = app.current.focusedTarget?.raw { seen.append(key) }
        }
        #expect(seen.contains("related:tms-therapy"), "\(seen)")
        #expect(seen.contains { $0.hasPrefix("link:") }, "the intro's link: \(seen)")
        for _ in 0..<12 where app.current.focusedTarget?.raw != "related:tms-therapy" { app.press(.backTab) }
        app.press(.enter)
        #expect(app.route == .document("tms-therapy"))
        app.press(.backspace)
        #expect(app.route == .document("tms-self-check"))
        // The arrows still move between the statements and the button.
        app.press(.char("g"), .down)
        #expect(app.current.focusedTarget?.raw.hasPrefix("item:") == true)
    }

    @Test func selfCheckTogglesAndShowsTheOutcome() throws {
        var app = Fixtures.app(height: 40, crisis: true)
        app.press(.char("4"))
        let doc = try #require(app.content.library.document("tms-self-check"))
        let items = try #require(doc.checklist).items
        app.press(.char(" "), .down, .enter, .char(" "))
        #expect(app.answers["tms-self-check"]?.checked == [items[0].id])
        #expect(!app.screenText.contains("Your result"))
        for _ in 1..<items.count { app.press(.down) }   // from the second statement to the button
        app.press(.enter)
        #expect(app.answers["tms-self-check"]?.showOutcome == true)
        let screen = app.screenText
        #expect(screen.contains("Your result"))
        #expect(screen.contains("You ticked 1 of \(items.count)."))
        #expect(screen.contains("988"), "the crisis line follows the outcome")
        app.reset()
        #expect(app.answers.isEmpty)
        #expect(app.isPristine)
    }

    @Test func resizeKeepsTheReadingPosition() throws {
        var app = Fixtures.app()
        app.press(.char("1"))
        let target = try #require(sectionIndex(app, "is-ketamine-addictive"))
        for _ in 0...target { app.press(.char("]")) }
        app.press(.down, .down, .down)
        #expect(app.currentSection == target)
        _ = app.update(.resize(width: 40, height: 12))
        #expect(app.currentSection == target)
        let top = app.currentTop
        let layout = app.currentLayout
        #expect(layout.section(atLine: top) == target)
        #expect(top > layout.start(ofSection: target), "still partway into the section")
        #expect(app.view(width: 40, height: 12).textRows[10].contains("Is Ketamine Addictive?"))
        _ = app.update(.resize(width: 80, height: 24))
        #expect(app.currentSection == target)
        #expect(app.currentTop == app.currentLayout.start(ofSection: target) + 3)
    }

    @Test func reloadedContentKeepsThePageAndDropsVanishedOnes() {
        var app = Fixtures.app()
        app.press(.char("1"), .char("]"), .char("]"))
        let anchor = app.current.anchor
        let reloaded = LoadedContent(library: app.content.library, engine: app.content.engine)
        _ = app.update(.contentReloaded(reloaded))
        #expect(app.content === reloaded)
        #expect(app.route == .document(articleID))
        #expect(app.current.anchor == anchor)
        _ = app.update(.contentReloaded(Fixtures.wide))
        #expect(app.route == .home, "the article is gone from the new content")
        #expect(!app.backStack.contains { $0.route == .document(articleID) })
    }

    @Test func tooSmallShowsAMessageAndOnlyQuitWorks() {
        var app = Fixtures.app(width: 20, height: 5)
        #expect(app.screenText.contains("Please"))
        #expect(app.update(.key(.char("1"))) == [])
        #expect(app.route == .home)
        #expect(app.update(.key(.char("q"))) == [.quit])
    }

    @Test func quitUnlessTheKioskDisallowsIt() {
        var app = Fixtures.app()
        #expect(app.update(.key(.char("q"))) == [.quit])
        app.options = .kiosk(today: Fixtures.today)
        #expect(app.update(.key(.char("q"))) == [])
        #expect(!app.screenText.contains("quit"))
    }

    @Test func crisisLineIsOneKeyAway() {
        var app = Fixtures.app(crisis: true)
        app.press(.char("1"), .char("c"))
        #expect(app.route == .crisis)
        #expect(app.screenText.contains("Suicide & Crisis Lifeline (call or text): 988"))
    }

    @Test func helpIsGeneratedFromTheKeymaps() {
        var app = Fixtures.app(width: 120, height: 40)
        app.press(.char("?"))
        let layout = app.currentLayout
        let text = layout.lines.map { $0.cells.map(\.text).joined() }.joined(separator: "\n")
        for map in Keymap.all {
            #expect(text.contains(map.context.title))
            for binding in map.bindings {
                #expect(text.contains(binding.action.description(in: map.context)), "help lists \(binding.action)")
            }
        }
    }

    @Test func everyKeymapBindingIsUniqueWithinItsScreen() {
        for map in Keymap.all {
            var seen = Set<Key>()
            for key in map.bindings.flatMap(\.keys) {
                #expect(seen.insert(key).inserted, "\(key) bound twice in \(map.context)")
            }
        }
    }

    @Test func overdueReviewIsMarkedForStaffWithThePathOutsideKiosk() {
        var app = AppState(content: Fixtures.wide, options: AppOptions(today: Fixtures.today))
        _ = app.update(.resize(width: 140, height: 30))
        app.navigate(to: .document("wide"))
        app.press(.char("G"))
        #expect(app.screenText.contains("For staff: this page was due for review on 2026-06-01. (wide.md)"))
        app.options.showFilePaths = false
        #expect(app.screenText.contains("due for review on 2026-06-01."))
        #expect(!app.screenText.contains("wide.md"))
    }

    /// Review A finding 12: patients in the kiosk saw "For staff: this page was due for review".
    @Test(arguments: [AppOptions(today: Fixtures.today), .kiosk(today: Fixtures.today)])
    func overdueReviewIsNotShownInTheKiosk(_ browser: AppOptions) {
        var k = KioskState<AppState>(content: Fixtures.wide, options: KioskOptions(browser: browser))
        _ = k.update(.resize(width: 140, height: 30))
        k.press(.enter)
        k.browser?.navigate(to: .document("wide"))
        k.press(.end)  // letters search in the kiosk
        let text = k.view(width: 140, height: 30).textRows.joined(separator: "\n")
        #expect(text.contains("last reviewed 2026-01-10."), "the page's end is on screen")
        #expect(!text.contains("For staff"))
        #expect(!text.contains("due for review"))
    }

    @Test func asciiFallbackUsesNoUnicodeMarks() {
        var app = Fixtures.app(crisis: true, ascii: true)
        app.press(.char("1"))
        let text = app.screenText + Fixtures.app(crisis: true, ascii: true).screenText
        for mark in ["│", "─", "▶", "•", "›", "⚠", "↑", "←", "…"] {
            #expect(!text.contains(mark), "ASCII screens avoid \(mark)")
        }
    }
}
