import PamphletKit
import Testing
@testable import PamphletUI

/// Review D 9: an imported site (one article, one self-check) offered FAQs and Treatments on the
/// home menu, each leading to "Nothing here yet. Please ask at the front desk."
@Suite struct HomeMenuTests {
    static let articleAndSelfCheck: LoadedContent = {
        var library = Fixtures.bundled.library
        library.documents.removeAll { $0.kind == .faq || $0.kind == .treatment }
        return LoadedContent(library: library, engine: SearchEngine(library: library))
    }()

    @Test func kindsWithNoPagesAreLeftOut() {
        let titles = MenuPages.homeMenu(Self.articleAndSelfCheck.library).map(\.title)
        #expect(titles == ["Articles", "Self-check", "Contact", "Search"])
        var app = Fixtures.app(content: Self.articleAndSelfCheck)
        #expect(!app.screenText.contains("FAQs") && !app.screenText.contains("Treatments"))
        app.press(.char("2"))
        #expect(app.route == .document("tms-self-check"), "numbers follow the menu as shown")
    }

    @Test func theBundledContentHasAllSix() {
        #expect(MenuPages.homeMenu(Fixtures.bundled.library).count == 6)
    }
}
