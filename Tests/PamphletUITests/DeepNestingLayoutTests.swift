import Testing
import PamphletKit
@testable import PamphletUI

/// Deeply nested lists and quotes keep their text at narrow widths (review H 7: at 30 columns,
/// items from level 13 on became blank rows and levels 10-12 were split mid-word).
@Suite struct DeepNestingLayoutTests {
    static let levels = 50

    static let content: LoadedContent = {
        let list = (0..<levels).map { String(repeating: "  ", count: $0) + "- level\($0)" }.joined(separator: "\n")
        let quotes = (1...20).map { String(repeating: "> ", count: $0) + "quoted\($0)\n" + String(repeating: ">", count: $0) }
            .joined(separator: "\n")
        let text = "---\nkind: article\ntitle: Nested\n---\n\n" + list + "\n\nAfter nest\n\n" + quotes + "\n"
        return Fixtures.page(text, path: "nested.md")
    }()

    func lines(width: Int) -> [String] {
        let app = AppState(content: Self.content, options: AppOptions())
        return app.layout(of: Page(route: .document("nested")), textWidth: width).lines
            .map { $0.cells.map(\.text).joined() }
    }

    @Test(arguments: [20, 26, 30, 40, 80])
    func everyLevelShowsItsWordWhole(width: Int) {
        let lines = lines(width: width)
        for level in 0..<Self.levels {
            #expect(lines.contains { $0.split(separator: " ").last == "level\(level)" },
                    "level\(level) at \(width) columns")
        }
        for n in 1...20 { #expect(lines.contains { $0.contains("quoted\(n)") }, "quoted\(n) at \(width) columns") }
        #expect(lines.allSatisfy { $0.count <= width }, "no row wider than the page")
    }

    @Test func shallowIndentationIsUnchanged() {
        let lines = lines(width: 80)
        #expect(lines.contains { $0.hasPrefix("    • level2") })
        #expect(lines.contains { $0.hasPrefix(String(repeating: " ", count: 20) + "• level10") })
    }
}
