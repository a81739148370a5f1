import Foundation
import Glibc

/// Drives a program in a private tmux server, as a patient at a real terminal would: keys in,
/// screen text (and styles) out. Each session has its own socket, so a user's tmux is never touched.
public final class TmuxSession: @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case tmuxMissing
        case command(String, String)
        case timeout(String, screen: String)

        public var description: String {
            switch self {
            case .tmuxMissing: "tmux is not installed (scripts/install-deps installs it)"
            case .command(let args, let err): "tmux \(args) failed: \(err)"
            case .timeout(let what, let screen): "timed out waiting for \(what); the screen was:\n\(screen)"
            }
        }
    }

    public let socket: String
    public let name = "pamphlet"
    private var killed = false

    /// Whether a tmux executable is on the PATH.
    public static var isAvailable: Bool { tmuxPath != nil }

    private static let tmuxPath: String? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Starts `shellCommand` (run by `sh -c`) in a detached session of the given size.
    public init(_ shellCommand: String, width: Int = 80, height: Int = 24) throws {
        guard Self.isAvailable else { throw Failure.tmuxMissing }
        socket = "pamphlet-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        try run(["-f", "/dev/null", "-u", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                 "-s", name, shellCommand])
        // Keep the pane when the program ends, so its last words can be read.
        _ = try? run(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit { kill() }

    /// Ends the session and its private server.
    public func kill() {
        guard !killed else { return }
        killed = true
        _ = try? run(["kill-server"])
    }

    /// Sends keys by tmux name (`Enter`, `Up`, `BSpace`, `C-c`, or plain text words).
    public func send(_ keys: String...) throws {
        try run(["send-keys", "-t", name] + keys)
    }

    /// Pastes `text` as a terminal paste arrives: one burst, line breaks as CR, wrapped in the
    /// bracketed-paste markers when the program asked for them (tmux's `paste-buffer -p`).
    public func paste(_ text: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-paste-\(UUID().uuidString)")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try run(["load-buffer", "-b", "paste", file.path])
        try run(["paste-buffer", "-p", "-d", "-b", "paste", "-t", name])
    }

    /// Types text literally, character by character.
    public func type(_ text: String) throws {
        try run(["send-keys", "-t", name, "-l", text])
    }

    /// A left click at a cell (0-based), as an SGR (1006) mouse report: press, then release.
    public func click(x: Int, y: Int) throws {
        try type("\u{1B}[<0;\(x + 1);\(y + 1)M")
        try type("\u{1B}[<0;\(x + 1);\(y + 1)m")
    }

    /// A finger (the first button) pressed at `from`, moved through `through` and lifted at the
    /// last point (cells 0-based), as SGR reports: press, motion with the button held, release.
    public func drag(from: (x: Int, y: Int), through points: [(x: Int, y: Int)]) throws {
        try type("\u{1B}[<0;\(from.x + 1);\(from.y + 1)M")
        for p in points { try type("\u{1B}[<32;\(p.x + 1);\(p.y + 1)M") }
        let end = points.last ?? from
        try type("\u{1B}[<0;\(end.x + 1);\(end.y + 1)m")
    }

    /// One turn of the wheel at a cell (0-based).
    public func wheel(down: Bool, x: Int = 10, y: Int = 10) throws {
        try type("\u{1B}[<\(down ? 65 : 64);\(x + 1);\(y + 1)M")
    }

    /// Resizes the window (and so the pane and the program's terminal).
    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The screen as text rows; with `styles`, including the SGR escape sequences of colours and attributes.
    public func capture(styles: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", name] + (styles ? ["-e"] : []))
    }

    /// The process id of the pane's first process (the `sh` running the command).
    public func panePID() throws -> Int32 {
        Int32(try run(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// A tmux format evaluated for the pane, e.g. `#{history_size}`.
    public func format(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the pane's command is still running.
    public func isRunning() throws -> Bool {
        try run(["display-message", "-p", "-t", name, "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "0"
    }

    /// Polls the screen until `predicate` holds; returns that screen. Never sleeps blindly.
    @discardableResult
    public func wait(for what: String, timeout: Double = 15, styles: Bool = false,
                     until predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        repeat {
            screen = try capture(styles: styles)
            if predicate(screen) { return screen }
            usleep(50_000)
        } while Date() < deadline
        throw Failure.timeout(what, screen: screen)
    }

    /// Polls until the screen shows `text`.
    @discardableResult
    public func wait(for text: String, timeout: Double = 15, styles: Bool = false) throws -> String {
        try wait(for: "\"\(text)\"", timeout: timeout, styles: styles) { $0.contains(text) }
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TMUX")  // run inside a user's tmux too
        if env["TERM"] == nil || env["TERM"] == "dumb" { env["TERM"] = "xterm-256color" }
        let result = try Spawn.run(Self.tmuxPath ?? "/usr/bin/tmux", ["-L", socket] + arguments, environment: env)
        guard result.status == 0 else {
            throw Failure.command(arguments.joined(separator: " "), result.error)
        }
        return result.output
    }
}

/// Runs a program and waits for it, with output in files. Not Foundation's `Process`: it learns
/// that a child ended from a socket the child inherits, and the tmux server that `new-session`
/// forks inherits it too and keeps it open, so `waitUntilExit` never returns.
public enum Spawn {
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var error: String
    }

    /// A started child whose standard output and error go to files.
    public struct Child: Sendable {
        public let pid: pid_t
        let outPath: String
        let errPath: String

        /// What the child wrote so far to its standard output and error.
        public func outputs() -> (output: String, error: String) {
            ((try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
             (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
        }

        public func removeFiles() {
            unlink(outPath)
            unlink(errPath)
        }
    }

    /// Starts `path` with stdin from /dev/null and stdout/stderr to files; the caller waits for it
    /// and calls `removeFiles()`.
    public static func start(_ path: String, _ arguments: [String], environment: [String: String]) throws -> Child {
        let dir = FileManager.default.temporaryDirectory.path
        let token = UUID().uuidString
        let outPath = "\(dir)/spawn-\(token).out", errPath = "\(dir)/spawn-\(token).err"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // Test threads (libdispatch workers) block most signals, and a child inherits the mask: the
        // tmux server would then never see kill-server's SIGTERM. Start the child with none blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGTERM, SIGHUP, SIGINT, SIGPIPE, SIGCHLD] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard rc == 0 else {
            unlink(outPath)
            unlink(errPath)
            throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO)
        }
        return Child(pid: pid, outPath: outPath, errPath: errPath)
    }

    public static func run(_ path: String, _ arguments: [String], environment: [String: String]) throws -> Result {
        let child = try start(path, arguments, environment: environment)
        defer { child.removeFiles() }
        var status: Int32 = 0
        while waitpid(child.pid, &status, 0) == -1 && errno == EINTR {}
        let exited = status & 0x7F == 0
        let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let (output, error) = child.outputs()
        return Result(status: code, output: output, error: error)
    }
}
