import Foundation
import Testing
@testable import PamphletKit

/// `check` names the pages past their review date, at the `next_review` line.
@Suite struct ReviewDueTests {
    @Test func overduePagesAreWarnedAtTheirNextReviewLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-review-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "name: Clinic\n".write(to: dir.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        func page(_ id: String, next: String) throws {
            try "---\nkind: article\ntitle: \(id)\nreview:\n  last_reviewed: 2019-01-01\n  next_review: \(next)\n---\n\nBody.\n"
                .write(to: dir.appendingPathComponent("content/\(id).md"), atomically: true, encoding: .utf8)
        }
        try page("old", next: "2020-01-01")
        try page("due-today", next: "2026-11-28")
        try page("fresh", next: "2027-06-01")
        let library = ContentLoader.load(directory: dir.path).library
        let warnings = ReviewDue.warnings(in: library, directory: dir.path, today: CalendarDate(year: 2026, month: 11, day: 28))
        #expect(warnings.map(\.description) == [
            "\(dir.path)/content/old.md:6:1: warning: 'old' was due for review on 2020-01-01 (next_review)",
        ], "\(warnings)")
    }
}
