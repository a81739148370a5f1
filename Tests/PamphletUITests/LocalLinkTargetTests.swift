import PamphletKit
import Testing
@testable import PamphletUI

/// Review D 13: the kiosk showed link targets that are file paths ("/srv/leaflets/ketamine.pdf",
/// "file:///home/staff/intake.docx") although it never shows a file path to patients.
@Suite struct LocalLinkTargetTests {
    static let content: LoadedContent = {
        let text = """
        ---
        id: leaflet
        kind: article
        title: Leaflets
        ---

        See [our leaflet](/srv/leaflets/ketamine.pdf), [the form](file:///home/staff/intake.docx) \
        and [our site](https://clinic.example/leaflets).
        """
        return Fixtures.page(text + "\n", path: "leaflet.md", site: Fixtures.bundled.library.site)
    }()

    @Test(arguments: [true, false])
    func localTargetsOnlyForStaff(showFilePaths: Bool) {
        var app = AppState(content: Self.content, options: showFilePaths ? AppOptions() : .kiosk())
        _ = app.update(.resize(width: 120, height: 24))
        app.navigate(to: .document("leaflet"))
        let text = app.screenText
        #expect(text.contains("our leaflet") && text.contains("the form"))
        #expect(text.contains("(https://clinic.example/leaflets)"), "web addresses are shown to everyone")
        #expect(text.contains("/srv/leaflets/ketamine.pdf") == showFilePaths)
        #expect(text.contains("intake.docx") == showFilePaths)
    }
}
