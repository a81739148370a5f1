import PamphletTerminal
import PamphletUI
import Testing

@Suite("Themes")
struct ThemeTests {
    @Test("every theme styles every role", arguments: Theme.all.map(\.name))
    func complete(name: String) throws {
        let theme = try #require(Theme.named(name))
        for role in Role.allCases {
            _ = theme.style(for: role)
        }
        #expect(Theme.named(name.uppercased())?.name == name)
    }

    @Test func unknownName() {
        #expect(Theme.named("neon") == nil)
    }

    /// NO_COLOR and colourless terminals: no colour at all, and what must stand out still does.
    @Test("without colour", arguments: Theme.all.map(\.name))
    func noColour(name: String) throws {
        let theme = try #require(Theme.named(name))
        for role in Role.allCases {
            let s = theme.resolved(role, support: .none)
            #expect(!s.usesColor, "\(role) uses colour")
        }
        for role in [Role.highlight, .selection, .menuSelected, .statusBar, .linkFocused, .crisis] {
            #expect(theme.resolved(role, support: .none).attributes.contains(.reverse), "\(role)")
        }
        for role in [Role.title, .heading, .strong] {
            #expect(theme.resolved(role, support: .none).attributes.contains(.bold), "\(role)")
        }
        #expect(theme.resolved(.link, support: .none).attributes.contains(.underline))
    }

    @Test func brightColoursOnEightColourTerminals() {
        let crisis = Theme.standard.style(for: .crisis)
        #expect(crisis.fg == .bright(.white))
        #expect(Theme.standard.resolved(.crisis, support: .bright).fg == 15)
        let basic = Theme.standard.resolved(.crisis, support: .basic)
        #expect(basic.fg == 7)
        #expect(basic.attributes.contains(.bold))
        #expect(Theme.standard.resolved(.normal, support: .basic) == ResolvedStyle(fg: -1, bg: -1, attributes: []))
    }

    /// Search matches must stand out from the text and from a selected row in every theme.
    @Test("highlights stand out", arguments: Theme.all.map(\.name))
    func highlightsStandOut(name: String) throws {
        let theme = try #require(Theme.named(name))
        for support in [ColorSupport.none, .basic, .bright] {
            #expect(theme.resolved(.highlight, support: support) != theme.resolved(.normal, support: support))
        }
    }

    /// Review J 8: in monochrome and with NO_COLOR the current match (n / F3, `.selection`) was drawn
    /// as every other match (`.highlight`), both plain reverse video.
    @Test("the current match stands out from the other matches", arguments: Theme.all.map(\.name))
    func currentMatchStandsOut(name: String) throws {
        let theme = try #require(Theme.named(name))
        for support in [ColorSupport.none, .basic, .bright] {
            #expect(theme.resolved(.selection, support: support) != theme.resolved(.highlight, support: support),
                    "\(support)")
        }
    }
}
