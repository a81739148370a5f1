import PamphletKit
@testable import PamphletUI
import Testing

/// Review H 4: an edit that cannot load is said on the browser's status line until one loads;
/// the kiosk shows patients nothing (its log has the errors).
@Suite struct ReloadNoticeTests {
    func statusRow(_ app: AppState) -> String {
        app.view(width: app.width, height: app.height).textRows[app.height - 2]
    }

    @Test func anEditThatCannotLoadIsSaidUntilOneLoads() {
        var app = Fixtures.app(width: 40, height: 12)
        app.press(.char("1"))
        let before = statusRow(app)
        #expect(!before.contains("not loaded"))
        _ = app.update(.contentReloadRefused(errors: 2))
        #expect(statusRow(app).contains("Edit not loaded: 2 errors"), "\(statusRow(app))")
        // What was on screen stays.
        #expect(app.content === Fixtures.bundled)
        _ = app.update(.contentReloaded(LoadedContent(library: app.content.library, engine: app.content.engine)))
        #expect(statusRow(app) == before)
    }

    /// An edit that removes the page being read takes the reader Home and says why, until the next
    /// key (review I 9: the screen had dropped to Home without a word).
    @Test func aPageRemovedByAnEditIsSaid() throws {
        var app = Fixtures.app(width: 80, height: 24)
        app.press(.char("1"), .enter)
        guard case .document(let id) = app.current.route else { Issue.record("no page open"); return }
        let title = try #require(app.content.library.document(id)?.title)
        var library = app.content.library
        library.documents.removeAll { $0.id == id }
        _ = app.update(.contentReloaded(LoadedContent(library: library, engine: SearchEngine(library: library))))
        #expect(app.current.route == .home)
        #expect(statusRow(app).contains("\u{201C}\(title)\u{201D} was removed from the content"), "\(statusRow(app))")
        app.press(.down)
        #expect(!statusRow(app).contains("removed"), "\(statusRow(app))")
    }

    @Test func theKioskDoesNotShowPatientsARefusedEdit() {
        var kiosk = KioskFixtures.kiosk()
        _ = kiosk.update(.resize(width: 80, height: 24))
        _ = kiosk.update(.key(.char(" ")))
        _ = kiosk.update(.key(.char("1")))
        _ = kiosk.update(.contentReloadRefused(errors: 3))
        #expect(!kiosk.view(width: 80, height: 24).textRows.joined().contains("not loaded"))
    }

    /// Every save reloads the content: the content it replaces must go, not stay held by the
    /// cached layouts and rankings (8 edits of the benchmark corpus had kept 300 MB more).
    @Test func aReloadLetsTheReplacedContentGo() {
        var app = Fixtures.app()
        weak var old: LoadedContent?
        do {
            let first = LoadedContent(library: Fixtures.bundled.library, engine: Fixtures.bundled.engine)
            old = first
            _ = app.update(.contentReloaded(first))
        }
        // Laid out, searched and drawn with it: the caches hold it now.
        app.press(.char("1"), .enter)
        _ = app.view(width: 80, height: 24)
        app.press(.char("/"))
        app.type("ketamine")
        _ = app.view(width: 80, height: 24)
        #expect(old != nil)
        _ = app.update(.contentReloaded(LoadedContent(library: Fixtures.bundled.library, engine: Fixtures.bundled.engine)))
        _ = app.view(width: 80, height: 24)
        #expect(old == nil, "the replaced content is still held")
    }
}
