import PamphletKit
@testable import PamphletUI
import Testing

/// Every screen at 80x24 and 40x12, compared with text files under Goldens/.
/// Regenerate with `PAMPHLET_UPDATE_GOLDENS=1 swift test --filter GoldenScreenTests` and review the diff.
@Suite struct GoldenScreenTests {
    struct Size: Sendable, CustomStringConvertible {
        var width: Int
        var height: Int
        var description: String { "\(width)x\(height)" }
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12)]

    /// A screen and the keys that reach it from a fresh start.
    enum Screen: String, CaseIterable, Sendable {
        case home, homeASCII, treatmentsList, articlesList, article, articleSection, articleLinkFocused,
             contentsFocused, faq, faqExpanded, treatment, selfCheck, selfCheckOutcome, contact, help, crisis,
             search, searchTyping, searchNoResults, searchOpened, searchCrisis, wide, wideEnd

        func reach(_ size: Size) -> AppState {
            let crisisScreens: Set<Screen> = [.home, .homeASCII, .selfCheckOutcome, .contact, .crisis, .searchCrisis]
            var app = Fixtures.app(width: size.width, height: size.height, crisis: crisisScreens.contains(self),
                                   ascii: self == .homeASCII, content: self == .wide || self == .wideEnd ? Fixtures.wide : Fixtures.bundled)
            switch self {
            case .home, .homeASCII: break
            case .treatmentsList: app.press(.char("3"))
            case .articlesList: app.navigate(to: .list(.article))
            case .article: app.press(.char("1"))
            case .articleSection: app.press(.char("1"), .char("]"), .char("]"), .char("]"), .char("]"))
            case .articleLinkFocused:
                app.press(.char("1"), .char("G"), .tab)
            case .contentsFocused:
                // Wide: t hides the contents beside the text, t again shows them focused. Narrow: t opens them.
                app.press(.char("1"), .char("]"))
                if size.width >= Geometry.minWidthForContentsBeside { app.press(.char("t")) }
                app.press(.char("t"), .down)
            case .faq: app.press(.char("2"))
            case .faqExpanded: app.press(.char("2"), .down, .enter)
            case .treatment: app.press(.char("3"), .enter)
            case .selfCheck: app.press(.char("4"), .char(" "), .down)
            case .selfCheckOutcome:
                app.press(.char("4"), .char(" "), .down, .down, .char(" "), .down, .down, .down)
                app.press(.enter)
            case .contact: app.press(.char("5"))
            case .help: app.press(.char("?"))
            case .crisis: app.press(.char("1"), .char("c"))
            case .search: app.press(.char("/")); app.type("addict")
            case .searchTyping: app.press(.char("1"), .char("/"))
            case .searchNoResults: app.press(.char("/")); app.type("opiatezz")
            case .searchOpened: app.press(.char("/")); app.type("addict"); app.press(.enter)
            case .searchCrisis: app.press(.char("/")); app.type("crisis")
            case .wide: app.navigate(to: .document("wide")); app.press(.char("]"))
            case .wideEnd: app.navigate(to: .document("wide")); app.press(.char("G"))
            }
            return app
        }
    }

    @Test(arguments: Screen.allCases, sizes)
    func screen(_ screen: Screen, _ size: Size) {
        let app = screen.reach(size)
        Golden.check(app.view(width: size.width, height: size.height), "\(screen.rawValue)-\(size)")
    }

    @Test(arguments: [Size(width: 29, height: 24), Size(width: 80, height: 7), Size(width: 12, height: 4)])
    func tooSmall(_ size: Size) {
        let app = Fixtures.app(width: size.width, height: size.height)
        Golden.check(app.view(width: size.width, height: size.height), "tooSmall-\(size)")
    }
}
