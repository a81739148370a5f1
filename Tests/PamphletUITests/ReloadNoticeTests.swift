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

    @Test func theKioskDoesNotShowPatientsARefusedEdit() {
        var kiosk = KioskFixtures.kiosk()
        _ = kiosk.update(.resize(width: 80, height: 24))
        _ = kiosk.update(.key(.char(" ")))
        _ = kiosk.update(.key(.char("1")))
        _ = kiosk.update(.contentReloadRefused(errors: 3))
        #expect(!kiosk.view(width: 80, height: 24).textRows.joined().contains("not loaded"))
    }
}
