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

    /// `content/` or a folder below it, given instead of the folder holding site.yaml, names that
    /// folder (exit 2) and writes nothing there (review J 18: 20 broken-link errors, and the browser
    /// opened it and wrote a snapshot into the content tree).
    @Test(arguments: [["search", "tms"], ["list"], ["index"], ["check"], ["kiosk", "--no-exit"]])
    func aFolderInsideTheContentNamesTheContentFolder(_ command: [String]) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-inside-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: RepoPaths.assets, to: root)
        defer { try? FileManager.default.removeItem(at: root) }
        for inner in ["content", "content/faq"] {
            let folder = root.appendingPathComponent(inner).path
            let run = try CheckCLITests.pamphlet(command + ["--content", folder])
            #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("is a folder inside the content folder \(root.path)"), "\(run.stderr)")
            let written = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".pamphlet") }
            #expect(written.isEmpty, "\(written)")
        }
        let whole = try CheckCLITests.pamphlet(["check", root.appendingPathComponent("content/faq").path])
        #expect(whole.status == 2)
        #expect(whole.stderr.contains("--content \(root.path)"), "\(whole.stderr)")
    }

    @Test func environmentVariableIsCheckedToo() throws {
        let run = try CheckCLITests.pamphlet(["list"], environment: ["PAMPHLET_CONTENT": "/nonexistent-pamphlet-folder"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("content folder /nonexistent-pamphlet-folder does not exist"))
    }
}
