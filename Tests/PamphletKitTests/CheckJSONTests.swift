import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// `pamphlet check --json`: what a CI script or an editor plug-in reads, instead of parsing
/// `path:line:column:` lines.
@Suite struct CheckJSONTests {
    struct Report: Decodable {
        struct Problem: Decodable { var path: String; var line: Int; var column: Int; var severity: String; var message: String }
        var files: Int
        var errors: Int
        var warnings: Int
        var problems: [Problem]
    }

    @Test func problemsAndCounts() throws {
        let folder = try LoadFixtures.temporaryFolder([
            "site.yaml": LoadFixtures.minimalSite,
            "content/a.md": Data("---\nkind: leaflet\ntitle: A\n---\n\nText.\n".utf8),
            "synonyms.txt": Data("lonely\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CheckCLITests.pamphlet(["check", folder, "--json"])
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))
        #expect(report.files == 2 && report.errors == 1 && report.warnings == 1)
        let kind = try #require(report.problems.first { $0.severity == "error" })
        #expect(kind.path.hasSuffix("content/a.md") && kind.line == 2 && kind.message.contains("unknown kind 'leaflet'"))
        #expect(report.problems.contains { $0.severity == "warning" && $0.path.hasSuffix("synonyms.txt") && $0.line == 1 })
    }

    @Test func cleanContentIsAnEmptyList() throws {
        let run = try CheckCLITests.pamphlet(["check", RepoPaths.assets.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))
        #expect(report.problems.isEmpty && report.errors == 0 && report.files > 1)
    }
}

/// Review E 10: a content folder with no pages passed `check` (exit 0), and the kiosk then refused it.
@Suite struct CheckEmptyContentTests {
    @Test func noPagesIsAnError() throws {
        let folder = try LoadFixtures.temporaryFolder(["site.yaml": LoadFixtures.minimalSite])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/content", withIntermediateDirectories: true)
        let run = try CheckCLITests.pamphlet(["check", folder])
        #expect(run.status == 1)
        #expect(run.stdout.contains("error: no .md content files found"), "\(run.stdout)")
    }
}
