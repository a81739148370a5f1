import PamphletKit
import Testing
@testable import PamphletUI

/// Review D 16: on a self-check the arrows stopped at the result button; the "Related pages"
/// links under it were reached only with Tab, though the bar says "↑↓ choose".
@Suite struct SelfCheckArrowTests {
    @Test func downReachesTheRelatedLinksAndUpComesBack() throws {
        var app = Fixtures.app(width: 80, height: 24)
        app.navigate(to: .document("tms-self-check"))
        var reachedLink = false
        for _ in 0..<30 {
            app.press(.down)
            let layout = app.currentLayout
            if let f = app.effectiveFocus(layout), !layout.targets[f].isPrimary { reachedLink = true; break }
        }
        #expect(reachedLink, "a related link takes the focus after the last item")
        // Review E 12: the hint row said "Space tick" on the link.
        let hints = app.view(width: 80, height: 24).textRows.last ?? ""
        #expect(hints.contains("Enter open") && !hints.contains("tick"), "\(hints)")
        app.press(.up)
        let layout = app.currentLayout
        let back = try #require(app.effectiveFocus(layout))
        #expect(layout.targets[back].isPrimary, "up returns to the items")
        app.press(.down, .enter)
        #expect(app.route != .document("tms-self-check"), "Enter on the link opens its page: \(app.route)")
    }
}
