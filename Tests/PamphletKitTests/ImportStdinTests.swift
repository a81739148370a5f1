import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// `pamphlet import -` reads standard input (review B, finding 20: "cannot read file" for a pipe).
@Suite struct ImportStdinTests {
    func tempDir() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-import-stdin-\(UUID().uuidString)")
    }

    @Test func dashReadsStandardInput() throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try KioskConfigCLITests.pamphlet(["import", "-", "--out", out.path],
                                                   input: "Opening Hours\n\nWe are open on weekdays.\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("wrote \(out.path)/content/articles/opening-hours.md (article, 0 sections)"), "\(run.stdout)")
        let file = try String(contentsOf: out.appendingPathComponent("content/articles/opening-hours.md"), encoding: .utf8)
        #expect(file.contains("# Imported from standard input by `pamphlet import`."))
        #expect(file.contains("title: \"Opening Hours\"") && file.contains("\nWe are open on weekdays.\n"))
    }

    @Test func dashWithTitleAndID() throws {
        let out = tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try KioskConfigCLITests.pamphlet(["import", "-", "--title", "Parking", "--id", "parking", "--out", out.path],
                                                   input: "Skip to content\nHome\nAbout Us\n\nPark behind the building.\n")
        #expect(run.status == 0, "\(run.stderr)")
        let file = try String(contentsOf: out.appendingPathComponent("content/articles/parking.md"), encoding: .utf8)
        #expect(file.contains("title: Parking") || file.contains("title: \"Parking\""))
        #expect(file.contains("Park behind the building.") && !file.contains("Skip to content"))
    }

    @Test func standardInputOnlyOnce() throws {
        let run = try KioskConfigCLITests.pamphlet(["import", "-", "-", "--out", tempDir().path], input: "Title\n\nText.\n")
        #expect(run.status != 0)
        #expect(run.stderr.contains("standard input (-) can be read only once"))
    }
}
