import PamphletKit
@testable import PamphletUI
import Testing

/// Review J 17: while stepping matches with n / F3, the status line named the match's section and
/// the contents column's ▶ the section at the screen's top line ("› The Difference Between
/// Ketamine & Opiates   match 7 of 12" beside "▶ Ketamine Drug Trials").
@Suite struct ContentsFollowMatchTests {
    /// The ▶ entry of the contents column (its first row), and the status line.
    func marks(_ app: AppState) -> (pointer: String, status: String)? {
        let rows = app.view(width: app.width, height: app.height).textRows
        guard let row = rows.first(where: { $0.hasPrefix(" \u{25B6} ") }) else { return nil }
        let entry = row.dropFirst(3).split(separator: "\u{2502}").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return (entry, rows[rows.count - 2])
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func thePointerFollowsTheMatch(_ width: Int, _ height: Int) throws {
        var app = Fixtures.app(width: width, height: height)
        app.press(.char("/"))
        app.type("opioid")
        app.press(.enter)
        let total = app.allMatches(of: app.current, textWidth: app.geometry.textWidth).count
        #expect(total > 3)
        for _ in 0..<total {
            app.press(.char("n"))
            let seen = try #require(marks(app), "\(app.screenText)")
            let section = String(seen.pointer.prefix(12))
            #expect(seen.status.contains("\u{203A} " + section), "▶ \(seen.pointer) | \(seen.status)")
        }
    }
}
