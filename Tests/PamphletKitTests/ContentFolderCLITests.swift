import Foundation
import Testing
import TestSupport

/// A `--content` folder that does not exist is an error naming it (exit 2), for every command that
/// reads content, instead of empty content ("No results", "missing site.yaml"). (`browse` checks
/// for a terminal first, so it is not run here.)
@Suite struct ContentFolderCLITests {
    static let commands: [[String]] = [
        ["search", "ketamine"], ["search", "ketamine", "--json"], ["list"], ["list", "--json"],
        ["show", "ketamine-faq"], ["check"], ["index"], ["kiosk", "--no-exit"],
    ]

    @Test(arguments: commands)
    func missingFolderIsAnError(_ command: [String]) throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-missing-\(UUID().uuidString)").path
        let run = try CheckCLITests.pamphlet(command + ["--content", missing])
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout == "")
        #expect(run.stderr.contains("content folder \(missing) does not exist"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing), "a command created the missing folder")
    }

    @Test func aFileIsNotAFolder() throws {
        let file = RepoPaths.assets.appendingPathComponent("site.yaml").path
        let run = try CheckCLITests.pamphlet(["list", "--content", file])
        #expect(run.status == 2)
        #expect(run.stderr == "pamphlet: content folder \(file) is not a folder\n")
    }

    @Test func checkArgumentThatDoesNotExist() throws {
        let run = try CheckCLITests.pamphlet(["check", "/nonexistent-pamphlet-folder/content"])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == "pamphlet: /nonexistent-pamphlet-folder/content does not exist\n")
    }

    @Test func environmentVariableIsCheckedToo() throws {
        let run = try CheckCLITests.pamphlet(["list"], environment: ["PAMPHLET_CONTENT": "/nonexistent-pamphlet-folder"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("content folder /nonexistent-pamphlet-folder does not exist"))
    }
}
