import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// The documented way to set the staff PIN, end to end with the real binary: copy
/// `deploy/kiosk.yaml.example`, append `pamphlet hash-pin`'s output, start the kiosk with it.
@Suite struct KioskConfigCLITests {
    /// Runs the built binary with `input` on standard input; output goes through files.
    static func pamphlet(_ arguments: [String], input: String = "") throws -> CheckCLITests.Run {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-kiosk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temp) }
        let stdin = temp.appendingPathComponent("in"), out = temp.appendingPathComponent("out"), err = temp.appendingPathComponent("err")
        try Data(input.utf8).write(to: stdin)
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = RepoPaths.binary
        process.arguments = arguments
        process.currentDirectoryURL = RepoPaths.root
        process.standardInput = try FileHandle(forReadingFrom: stdin)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        var environment = ProcessInfo.processInfo.environment
        environment["PAMPHLET_CONTENT"] = nil
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        return CheckCLITests.Run(status: process.terminationStatus,
                                 stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                                 stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    @Test func hashPinAppendedToTheExampleConfiguresThePIN() throws {
        let example = try String(contentsOf: RepoPaths.root.appendingPathComponent("deploy/kiosk.yaml.example"), encoding: .utf8)
        let hashed = try Self.pamphlet(["hash-pin"], input: "4826\n")
        #expect(hashed.status == 0, "\(hashed.stderr)")
        #expect(hashed.stdout.hasPrefix("pin_hash: \"$argon2id$"))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-kiosk-yaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("kiosk.yaml")
        try Data((example + hashed.stdout).utf8).write(to: config)   // what `>>` does

        // The loader sees the PIN, and nothing in the file is ignored.
        let file = try KioskConfigFile.load(path: config.path)
        #expect(file.warnings.isEmpty, "\(file.warnings)")
        let settings = try ResolvedKioskSettings.resolve(site: KioskSettings(), config: file)
        #expect(settings.exitAllowed)
        #expect(settings.pinHash.map { PINHash.verify("4826", against: $0) } == true)

        // The kiosk itself gets past its settings: without a terminal it stops at the terminal check,
        // not at "No staff PIN is configured".
        let kiosk = try Self.pamphlet(["kiosk", "--content", RepoPaths.assets.path, "--config", config.path])
        #expect(kiosk.status == 2)
        #expect(!kiosk.stderr.contains("No staff PIN"), "\(kiosk.stderr)")
        #expect(kiosk.stderr.contains("must be a terminal"), "\(kiosk.stderr)")
    }

    /// Empty standard input gave the root command's usage ("pamphlet <subcommand>") and no reason.
    @Test func hashPinWithoutAPINSaysSo() throws {
        let run = try Self.pamphlet(["hash-pin"], input: "")
        #expect(run.status == 64)
        #expect(run.stderr.contains("no PIN on standard input"), "\(run.stderr)")
        #expect(run.stderr.contains("Usage: pamphlet hash-pin"), "\(run.stderr)")
        #expect(!run.stderr.contains("<subcommand>"))
        #expect(run.stdout.isEmpty)
    }

    /// `hash-pin >> FILE` onto a file without a final newline glued the pin_hash line onto the last
    /// line (here a comment, so the PIN was silently ignored).
    @Test(arguments: ["kiosk:\n  idle_timeout: 45  # seconds", "kiosk:\n  idle_timeout: 45\n"])
    func hashPinAppendedToAFileStartsItsOwnLine(_ before: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-hash-append-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("kiosk.yaml"), input = folder.appendingPathComponent("in")
        try Data(before.utf8).write(to: config)
        try Data("4826\n".utf8).write(to: input)
        let output = try FileHandle(forWritingTo: config)
        try output.seekToEnd()   // what `>>` does
        let process = Process()
        process.executableURL = RepoPaths.binary
        process.arguments = ["hash-pin"]
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        try output.close()
        #expect(process.terminationStatus == 0)

        let text = try String(contentsOf: config, encoding: .utf8)
        #expect(text.hasPrefix(before.hasSuffix("\n") ? before + "pin_hash: " : before + "\npin_hash: "), "\(text)")
        let file = try KioskConfigFile.load(path: config.path)
        #expect(file.idleTimeoutSeconds == 45)
        #expect(file.pinHash.map { PINHash.verify("4826", against: $0) } == true)
    }
}
