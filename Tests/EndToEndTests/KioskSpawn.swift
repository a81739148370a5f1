import Foundation
import Glibc

/// Runs a command to completion with posix_spawn, stdin/stdout/stderr through temporary files.
///
/// Foundation's `Process` with pipes can wait forever here when the child starts a daemon (the tmux
/// server) that keeps a pipe end open; files have no end to wait for, and `waitpid` reaps only our child.
enum KioskSpawn {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], input: String? = nil, environment: [String: String]? = nil) throws -> Output {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-spawn-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let inPath = dir.appendingPathComponent("in").path
        let outPath = dir.appendingPathComponent("out").path
        let errPath = dir.appendingPathComponent("err").path
        try (input ?? "").write(toFile: inPath, atomically: true, encoding: .utf8)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var env = environment ?? ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TMUX")
        if env["TERM"] == nil || env["TERM"] == "dumb" { env["TERM"] = "xterm-256color" }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        // The calling thread blocks most signals (Swift's runtime threads do); a child would inherit
        // that mask, and a tmux server started with it can never be told to exit. Start clean.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard rc == 0 else { throw KioskTestError("cannot start \(arguments[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Output(status: code,
                      stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}

/// A private tmux server driving one program, using `KioskSpawn` for every tmux call.
final class KioskTmux: @unchecked Sendable {
    let socket = "pamphlet-kiosk-\(getpid())-\(UUID().uuidString.prefix(8))"
    let name = "kiosk"
    private var killed = false

    static var isAvailable: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/tmux") }
    }

    init(_ shellCommand: String, width: Int = 80, height: Int = 24) throws {
        try tmux(["-f", "/dev/null", "-u", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name, shellCommand])
        _ = try? tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit { kill() }

    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? tmux(["kill-server"])
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let out = try KioskSpawn.run(["tmux", "-L", socket] + arguments)
        guard out.status == 0 else { throw KioskTestError("tmux \(arguments.joined(separator: " ")) failed: \(out.stderr)") }
        return out.stdout
    }

    /// Keys by tmux name (`Enter`, `C-c`, `F5`).
    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }
    /// Text typed literally.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }
    func resize(width: Int, height: Int) throws { try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"]) }
    func capture(styles: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", name] + (styles ? ["-e"] : []))
    }
    func isRunning() throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "0"
    }

    /// Polls the screen until `predicate` holds; never sleeps blindly.
    @discardableResult
    func wait(for what: String, timeout: Double = 15, until predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        repeat {
            screen = try capture()
            if predicate(screen) { return screen }
            usleep(50_000)
        } while Date() < deadline
        throw KioskTestError("timed out waiting for \(what); the screen was:\n\(screen)")
    }

    @discardableResult
    func wait(for text: String, timeout: Double = 15) throws -> String {
        try wait(for: "\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }
}
