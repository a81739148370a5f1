import PamphletKit
import Testing
@testable import PamphletUI

/// Review D 20: help said "Scroll down a line" for the arrows on menus (they choose an item) and
/// "Tick or untick, open or close" on the FAQ (nothing to tick there).
@Suite struct HelpWordingTests {
    /// "keys: what it does" for each row of the help table of `context`.
    static func rows(_ context: KeyContext) -> [String] {
        let help = BuiltInPages.help(.unicode, allowQuit: true)
        guard let section = help.sections.first(where: { $0.id == context.rawValue }),
              case .table(let table)? = section.blocks.first else { return [] }
        return table.rows.map { $0.map { $0.plainText }.joined(separator: ": ") }
    }

    @Test func eachScreenSaysWhatItsKeysDoThere() {
        #expect(Self.rows(.menu).contains { $0.hasPrefix("↓") && $0.hasSuffix("Choose the next item") })
        #expect(!Self.rows(.menu).contains { $0.contains("Scroll down a line") })
        #expect(Self.rows(.faq).contains { $0.hasSuffix("Open or close the answer") })
        #expect(Self.rows(.checklist).contains { $0.hasSuffix("Tick or untick") })
        #expect(!(Self.rows(.faq) + Self.rows(.checklist)).contains { $0.contains("open or close") && $0.contains("Tick") })
        #expect(Self.rows(.reading).contains { $0.hasSuffix("Scroll down a line") }, "reading still scrolls")
    }

    /// F2 works while searching (it types nothing): the search table lists it (audit K), and the
    /// key does what the table says.
    @Test func searchHelpListsF2() {
        #expect(Self.rows(.search).contains { $0.hasPrefix("F2:") }, "\(Self.rows(.search))")
        #expect(Keymap.action(for: .function(2), in: .search) == .crisis)
    }

    /// Review J 7: a drag scrolls and a tap acts when the finger lifts; help says so.
    @Test func helpSaysADragScrolls() throws {
        let help = BuiltInPages.help(.unicode, allowQuit: true)
        let section = try #require(help.sections.first { $0.id == "mouse" })
        guard case .list(_, _, let items)? = section.blocks.first else { Issue.record("no list"); return }
        let text = items.flatMap { $0 }.compactMap { block -> String? in
            if case .paragraph(let inlines) = block { return inlines.map(\.plainText).joined() }
            return nil
        }.joined(separator: " ")
        #expect(text.contains("drag the page") && text.contains("when the finger lifts"), "\(text)")
    }
}
