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
/// Review F 9: the error then named the folder as `content:1:1` (a place in a file), and a folder
/// with nothing in it was "2 errors, 0 warnings in 0 files".
@Suite struct CheckEmptyContentTests {
    @Test func noPagesIsAnErrorNamingTheFolder() throws {
        let folder = try LoadFixtures.temporaryFolder(["site.yaml": LoadFixtures.minimalSite])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/content", withIntermediateDirectories: true)
        let run = try CheckCLITests.pamphlet(["check", folder])
        #expect(run.status == 1)
        #expect(run.stdout == "\(folder)/content: error: no content files (.md) in this folder: "
            + "the browser has nothing to show and a kiosk will not start\n", "\(run.stdout)")
        #expect(run.stderr == "1 error, 0 warnings in 1 file\n", "\(run.stderr)")

        let json = try CheckCLITests.pamphlet(["check", folder, "--json"])
        #expect(json.status == 1)
        let report = try JSONDecoder().decode(CheckJSONTests.Report.self, from: Data(json.stdout.utf8))
        let problem = try #require(report.problems.first)
        #expect(report.problems.count == 1 && report.errors == 1 && report.files == 1)
        #expect(problem.path == folder + "/content" && problem.line == 0 && problem.column == 0, "\(json.stdout)")
        #expect(problem.message.hasPrefix("no content files (.md) in this folder"))
    }

    /// A folder with nothing at all: no position for the folder or the missing site.yaml, and no "0 files".
    @Test func anEmptyFolderIsNamedAsItWasTyped() throws {
        let folder = try LoadFixtures.temporaryFolder([:])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for typed in [folder, folder + "/"] {
            let run = try CheckCLITests.pamphlet(["check", typed])
            #expect(run.status == 1)
            #expect(run.stdout.split(separator: "\n") == [
                "\(folder): error: no content files (.md) in this folder, and no content/ folder in it: "
                    + "the browser has nothing to show and a kiosk will not start",
                "\(folder)/site.yaml: error: missing site.yaml: the content folder needs one with at least 'name: <clinic name>'",
            ], "\(run.stdout)")
            #expect(run.stderr == "2 errors, 0 warnings; no files to read\n", "\(run.stderr)")
        }
        let json = try CheckCLITests.pamphlet(["check", folder, "--json"])
        let report = try JSONDecoder().decode(CheckJSONTests.Report.self, from: Data(json.stdout.utf8))
        #expect(report.files == 0 && report.errors == 2)
        #expect(report.problems.map(\.path) == [folder, folder + "/site.yaml"])
        #expect(report.problems.allSatisfy { $0.line == 0 && $0.column == 0 }, "\(json.stdout)")
    }
}
