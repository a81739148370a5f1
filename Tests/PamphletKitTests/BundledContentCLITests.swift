import Foundation
import Testing
import TestSupport

/// Where `pamphlet` finds content without `--content` or `$PAMPHLET_CONTENT` (review B, finding 10):
/// `../share/pamphlet/Assets` beside the binary, also when it is run through PATH; a copy with
/// nothing beside it says so (exit 2, no usage) instead of reading the build machine's source tree.
@Suite struct BundledContentCLITests {
    /// `folder/bin/pamphlet`, a copy of the built binary, with `folder/share/pamphlet/Assets` when `withAssets`.
    static func install(withAssets: Bool) throws -> URL {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("pamphlet-install-\(UUID().uuidString)")
        try fm.createDirectory(at: folder.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try PamphletBinary.copy(to: folder.appendingPathComponent("bin/pamphlet"))
        if withAssets {
            try fm.createDirectory(at: folder.appendingPathComponent("share/pamphlet"), withIntermediateDirectories: true)
            try fm.copyItem(at: LoadFixtures.root.appendingPathComponent("valid"),
                            to: folder.appendingPathComponent("share/pamphlet/Assets"))
        }
        return folder
    }

    /// Runs `pamphlet` found through PATH (so argv[0] is only "pamphlet"), from the temporary directory.
    static func runThroughPath(_ folder: URL, _ arguments: [String]) throws -> CheckCLITests.Run {
        // A process another test forks in the instant the copy is written still holds it open for
        // writing until it execs: that is "Text file busy", gone a moment later.
        for _ in 0..<4 {
            let run = try runOnceThroughPath(folder, arguments)
            guard run.status == 126, run.stderr.contains("Text file busy") else { return run }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try runOnceThroughPath(folder, arguments)
    }

    static func runOnceThroughPath(_ folder: URL, _ arguments: [String]) throws -> CheckCLITests.Run {
        let out = folder.appendingPathComponent("out"), err = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pamphlet"] + arguments
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        var environment = ProcessInfo.processInfo.environment
        environment["PAMPHLET_CONTENT"] = nil
        environment["PAMPHLET_TODAY"] = "2026-11-28"   // the bundled pages' reviews are due in 2027
        environment["PATH"] = folder.appendingPathComponent("bin").path + ":/usr/bin:/bin"
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return CheckCLITests.Run(status: process.terminationStatus,
                                 stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                                 stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    @Test(arguments: [["list"], ["search", "ketamine"], ["show", "ketamine-basics"], ["check"], ["index", "--check"]])
    func noContentFolderSaysHowToNameOne(_ command: [String]) throws {
        let folder = try Self.install(withAssets: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.runThroughPath(folder, command)
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout == "")
        #expect(run.stderr == "pamphlet: no content folder found: pass --content DIR or set PAMPHLET_CONTENT=DIR "
                + "(there is no bundled content in ../share/pamphlet/Assets beside this program).\n")
    }

    @Test func theContentBesideAnInstalledBinaryIsUsed() throws {
        let folder = try Self.install(withAssets: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.runThroughPath(folder, ["check"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        // The valid fixture, whose three pages without review dates are warnings (review G 12).
        #expect(run.stderr == "0 errors, 3 warnings in 6 files\n")
        let index = try Self.runThroughPath(folder, ["index"])
        #expect(index.stdout.contains(folder.appendingPathComponent("share/pamphlet/Assets/.pamphlet-index").path), "\(index.stdout)")
    }
}
