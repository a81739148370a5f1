import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Standard output that cannot be written (review B, finding 2): a full disk (`/dev/full`) or a
/// closed descriptor is one line on stderr and status 1, for every command; a reader that went
/// away (`| head`) ends every command the same quiet way, by SIGPIPE.
@Suite struct WriteFailureCLITests {
    enum Target { case full, closed, brokenPipe }

    struct Ended {
        var signalled: Bool
        var status: Int32
        var stderr: String
    }

    /// The commands, run on a temporary copy of the valid fixture (search writes its snapshot there).
    static let commands: [[String]] = [
        ["search", "ketamine"], ["search", "ketamine", "--json"], ["search", "zzzzqqq", "--json"],
        ["list"], ["list", "--json"], ["show", "ketamine-basics"], ["show", "ketamine-basics", "--json"],
        ["check", "BROKEN"], ["index"], ["hash-pin"], ["--help"], ["search", "--help"], ["import", "IMPORTED"],
    ]

    static func run(_ arguments: [String], stdout target: Target) throws -> Ended {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-write-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: LoadFixtures.valid, toPath: folder.path)
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments = arguments.map { $0 == "BROKEN" ? LoadFixtures.broken : $0 }
        if arguments == ["import", "IMPORTED"] {
            arguments = ["import", LoadFixtures.root.appendingPathComponent("import/qa-faq.txt").path,
                         "--out", folder.appendingPathComponent("imported").path]
        }
        if ["search", "list", "show", "index"].contains(arguments[0]) && !arguments.contains("--help") {
            arguments += ["--content", folder.path]
        }
        let err = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        switch target {
        case .full, .brokenPipe:
            process.executableURL = RepoPaths.binary
            process.arguments = arguments
        case .closed:
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec >&-; exec \"$0\" \"$@\"", RepoPaths.binary.path] + arguments
        }
        let pipe = Pipe()
        switch target {
        case .full: process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        case .brokenPipe:
            try pipe.fileHandleForReading.close()   // nobody will ever read
            process.standardOutput = pipe
        case .closed: break
        }
        let input = Pipe()
        process.standardInput = input
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data("4826\n".utf8))   // for hash-pin
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return Ended(signalled: process.terminationReason == .uncaughtSignal, status: process.terminationStatus,
                     stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    @Test(arguments: commands)
    func fullDiskIsAnError(_ command: [String]) throws {
        let ended = try Self.run(command, stdout: .full)
        #expect(!ended.signalled && ended.status == 1, "\(command): \(ended)")
        let lines = ended.stderr.split(separator: "\n").map(String.init)
        #expect(lines.last == "pamphlet: cannot write to standard output: No space left on device", "\(command): \(ended.stderr)")
        #expect(lines.filter { $0.contains("cannot write") }.count == 1)
    }

    @Test(arguments: commands)
    func closedOutputIsAnError(_ command: [String]) throws {
        let ended = try Self.run(command, stdout: .closed)
        #expect(!ended.signalled && ended.status == 1, "\(command): \(ended)")
        #expect(ended.stderr.hasSuffix("pamphlet: cannot write to standard output: Bad file descriptor\n"), "\(command): \(ended.stderr)")
    }

    /// A search that finds nothing writes nothing to standard output ("No results" goes to standard
    /// error, review J 14): however standard output is broken, it answers 1 with its message.
    @Test(arguments: [Target.full, .closed, .brokenPipe])
    func nothingFoundWritesNoOutputToFail(_ target: Target) throws {
        let ended = try Self.run(["search", "zzzzqqq"], stdout: target)
        #expect(!ended.signalled && ended.status == 1, "\(ended)")
        #expect(ended.stderr.hasPrefix("No results for \u{201C}zzzzqqq\u{201D}."), "\(ended.stderr)")
    }

    @Test(arguments: commands)
    func aReaderThatWentAwayEndsQuietlyBySIGPIPE(_ command: [String]) throws {
        let ended = try Self.run(command, stdout: .brokenPipe)
        #expect(ended.signalled && ended.status == SIGPIPE, "\(command): \(ended)")
        #expect(ended.stderr == "", "\(command)")
    }
}
