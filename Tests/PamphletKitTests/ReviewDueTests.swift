import Foundation
import Testing
@testable import PamphletKit

/// `check` names the pages past their review date, at the `next_review` line.
@Suite struct ReviewDueTests {
    @Test func overduePagesAreWarnedAtTheirNextReviewLine() throws {
        func page(_ id: String, next: String) -> (String, Data) {
            ("content/\(id).md", Data("---\nkind: article\ntitle: \(id)\nreview:\n  last_reviewed: 2019-01-01\n  next_review: \(next)\n---\n\nBody.\n".utf8))
        }
        let path = try LoadFixtures.temporaryFolder(Dictionary(uniqueKeysWithValues: [
            ("site.yaml", LoadFixtures.minimalSite), page("old", next: "2020-01-01"), page("due-today", next: "2026-11-28"),
            page("fresh", next: "2027-06-01"),
        ]))
        let dir = URL(fileURLWithPath: path)
        defer { try? FileManager.default.removeItem(at: dir) }
        let library = ContentLoader.load(directory: dir.path).library
        let warnings = ReviewDue.warnings(in: library, directory: dir.path, today: CalendarDate(year: 2026, month: 11, day: 28))
        #expect(warnings.map(\.description) == [
            "\(dir.path)/content/old.md:6:1: warning: 'old' was due for review on 2020-01-01 (next_review)",
        ], "\(warnings)")
    }
}
