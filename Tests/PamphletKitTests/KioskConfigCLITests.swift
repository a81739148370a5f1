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

    /// The kiosk's PIN field drops blanks and stops at `KioskKeys.maximumPINLength` (32) characters:
    /// `hash-pin` had printed a hash for ' 4826 ' or a 33-character passphrase, and staff could then
    /// never leave the kiosk (review D 5). Refused, exit 2 as for a PIN that is too short.
    @Test(arguments: [" 4826 \n", "4826 \n", "clinic pin 2026\n", "48\t26\n", String(repeating: "7", count: 33) + "\n"])
    func hashPinRefusesAPINTheKioskCannotType(_ input: String) throws {
        let run = try Self.pamphlet(["hash-pin"], input: input)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("kiosk's PIN field"), "\(run.stderr)")
        #expect(run.stderr.contains(input.count > 30 ? "at most 32" : "without spaces"), "\(run.stderr)")
    }

    /// The longest PIN the field takes is still accepted.
    @Test func hashPinTakesAPINOfTheLongestLength() throws {
        let pin = String(repeating: "7", count: 32)
        let run = try Self.pamphlet(["hash-pin"], input: pin + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        let encoded = run.stdout.dropFirst("pin_hash: \"".count).prefix { $0 != "\"" }
        #expect(PINHash.verify(pin, against: String(encoded)))
    }

    /// At the interactive prompt the PIN is refused before "Again:" is asked.
    @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
    func hashPinAtThePromptRefusesAPINWithASpace() throws {
        let session = try TmuxSession("'\(RepoPaths.binary.path)' hash-pin; echo rc=$?", width: 250, height: 10)
        defer { session.kill() }
        try session.wait(for: "Staff PIN:")
        try session.type("clinic pin 2026")
        try session.send("Enter")
        let screen = try session.wait(for: "rc=")
        #expect(screen.contains("rc=2"), "\(screen)")
        #expect(screen.contains("without spaces"), "\(screen)")
        #expect(!screen.contains("Again:"), "\(screen)")
        #expect(!screen.contains("pin_hash"), "\(screen)")
    }
}
