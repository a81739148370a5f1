import Foundation
import Glibc
import Testing
import TestSupport

/// One `pamphlet kiosk` run in tmux, in its own temporary world: HOME, XDG folders, TMPDIR, a copy
/// of the bundled content (with a public `url:` on the first article), a `--config` file holding the
/// staff PIN's hash, and a `--log` file. Everything it could write lands under `root`, so tests can
/// search it for what a patient typed.
final class KioskRun: @unchecked Sendable {
    static let pin = "4826"
    static let articlePath = "content/articles/is-ketamine-an-opiate.md"
    static let url = "https://neurowellnessspa.example/ketamine-opiate"

    let root: URL
    let tmux: KioskTmux
    var content: URL { root.appendingPathComponent("content") }
    var log: URL { root.appendingPathComponent("kiosk.log") }

    /// Starts the kiosk; `config` lines go under `kiosk:` in the --config file (after the PIN hash).
    init(arguments: String = "", config: [String] = [], width: Int = 80, height: Int = 24, term: String = "tmux-256color") throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("pamphlet-kiosk-\(UUID().uuidString.prefix(8))")
        for dir in ["home", "xdg/config", "xdg/data", "xdg/cache", "xdg/state", "tmp"] {
            try fm.createDirectory(at: root.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        try fm.copyItem(at: RepoPaths.assets, to: root.appendingPathComponent("content"))
        let article = root.appendingPathComponent("content").appendingPathComponent(Self.articlePath)
        var text = try String(contentsOf: article, encoding: .utf8)
        if !text.contains("\nurl:") {
            text = text.replacingOccurrences(of: "\nkind: article\n", with: "\nkind: article\nurl: \"\(Self.url)\"\n")
            try text.write(to: article, atomically: true, encoding: .utf8)
        }
        let hashLine = try Self.hashPIN(Self.pin)
        try (["kiosk:", "  " + hashLine] + config.map { "  " + $0 }).joined(separator: "\n")
            .appending("\n").write(to: root.appendingPathComponent("kiosk.yaml"), atomically: true, encoding: .utf8)

        let r = root.path
        // The inner sh records its pid and then becomes the kiosk (exec), so `pid` is the kiosk's.
        // Afterwards the outer sh records the exit code and the terminal modes before and after.
        let kiosk = "'\(PamphletBinary.url.path)' kiosk --content '\(r)/content' --config '\(r)/kiosk.yaml' --log '\(r)/kiosk.log' \(arguments)"
        let command = """
            cd '\(r)'; stty -g > '\(r)/stty.before'; \
            env -u NO_COLOR HOME='\(r)/home' XDG_CONFIG_HOME='\(r)/xdg/config' XDG_DATA_HOME='\(r)/xdg/data' \
            XDG_CACHE_HOME='\(r)/xdg/cache' XDG_STATE_HOME='\(r)/xdg/state' TMPDIR='\(r)/tmp' \
            LANG=C.UTF-8 LC_ALL= TERM=\(term) sh -c 'echo $$ > "\(r)/pid"; exec \(kiosk.replacingOccurrences(of: "'", with: "\"")) 2> "\(r)/stderr"'; \
            echo $? > '\(r)/exit.tmp'; stty -g > '\(r)/stty.after'; mv '\(r)/exit.tmp' '\(r)/exit'; echo "[kiosk ended]"; sleep 300
            """
        tmux = try KioskTmux(command, width: width, height: height)
    }

    deinit { stop() }

    /// Ends the tmux server (and the kiosk, if still running) and removes the temporary world.
    func stop() {
        if let pid = try? String(contentsOf: root.appendingPathComponent("pid"), encoding: .utf8),
           let n = Int32(pid.trimmingCharacters(in: .whitespacesAndNewlines)), state(of: n) != nil {
            Glibc.kill(n, SIGKILL)
        }
        tmux.kill()
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs `pamphlet hash-pin` with the PIN on stdin; returns the `pin_hash: "..."` line.
    static func hashPIN(_ pin: String) throws -> String {
        let out = try KioskSpawn.run([PamphletBinary.url.path, "hash-pin"], input: pin + "\n")
        let line = out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard out.status == 0, line.hasPrefix("pin_hash: \"$argon2id$") else {
            throw KioskTestError("hash-pin failed: \(line) \(out.stderr)")
        }
        return line
    }

    /// The kiosk's process id (once it has started).
    func pid() throws -> Int32 {
        let text = try waitForFile("pid")
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw KioskTestError("no pid") }
        return pid
    }

    /// The exit code, once the kiosk has ended.
    func exitCode(timeout: Double = 15) throws -> Int32 {
        Int32(try waitForFile("exit", timeout: timeout).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Whether the terminal modes after the kiosk equal those before it (the terminal was restored).
    func terminalRestored() throws -> Bool {
        let before = try waitForFile("stty.before"), after = try waitForFile("stty.after")
        return before == after
    }

    func waitForFile(_ name: String, timeout: Double = 15) throws -> String {
        let url = root.appendingPathComponent(name)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOf: url, encoding: .utf8), text.hasSuffix("\n") { return text }
            usleep(50_000)
        }
        throw KioskTestError("timed out waiting for \(name); screen:\n\((try? tmux.capture()) ?? "")")
    }

    /// The log so far.
    func logText() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Waits until the log contains `text`.
    @discardableResult
    func waitForLog(_ text: String, timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            let log = logText()
            if log.contains(text) { return log }
            usleep(100_000)
        } while Date() < deadline
        throw KioskTestError("log never said \"\(text)\"; log:\n\(logText())")
    }

    /// Direct tmux commands on this run's private server (scrollback capture, paste buffers).
    @discardableResult
    func tmuxCommand(_ arguments: [String]) throws -> String { try tmux.tmux(arguments) }

    /// The pane's whole history, scrollback included.
    func scrollback() throws -> String {
        try tmuxCommand(["capture-pane", "-p", "-J", "-S", "-10000", "-t", tmux.name])
    }

    /// Pastes `text` as one burst through a tmux buffer (as a terminal paste arrives), `bracketed`
    /// in the paste markers the kiosk asks for, or bare as from a terminal without them.
    func paste(_ text: String, bracketed: Bool = false) throws {
        let file = root.appendingPathComponent("tmp/paste.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try tmuxCommand(["load-buffer", "-b", "k", file.path])
        try tmuxCommand(["paste-buffer", "-d"] + (bracketed ? ["-p"] : []) + ["-b", "k", "-t", tmux.name])
        try? FileManager.default.removeItem(at: file)
    }

    /// Process ids of the kiosk's children, from every thread's `children` list.
    func children(of pid: Int32) -> [String] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.flatMap { task -> [String] in
            let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? ""
            return text.split(separator: " ").map(String.init)
        }
    }

    /// The process state letter from /proc (R, S, T for stopped, Z ...), nil when gone.
    func state(of pid: Int32) -> Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(close, offsetBy: 2)...].first
    }

    /// User + system CPU ticks the process has used (fields 14 and 15 of /proc/PID/stat).
    func cpuTicks(of pid: Int32) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After ")": field 3 (state) is index 0, so utime (14) is index 11 and stime (15) index 12.
        guard fields.count > 12, let u = Int(fields[11]), let s = Int(fields[12]) else { return nil }
        return u + s
    }

    /// Every regular file under `root` whose bytes contain `needle`, except the content copy
    /// (which the test itself wrote).
    func filesContaining(_ needle: String) -> [String] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var hits: [String] = []
        for case let url as URL in walker where !url.path.hasPrefix(content.path) {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                  let data = fm.contents(atPath: url.path) else { continue }
            if data.range(of: Data(needle.utf8)) != nil { hits.append(url.path) }
        }
        return hits
    }
}

struct KioskTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Half-block cells from the screen -> a PBM image (two stacked pixels per cell, scaled) -> zbarimg.
enum KioskQRDecoder {
    static var zbarimg: String? {
        ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The block-glyph region of the screen (the code without its quiet zone), as rows of text.
    static func qrRegion(of screen: String) -> [String] {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let blocks: Set<Character> = ["█", "▀", "▄"]
        var top = Int.max, bottom = -1, left = Int.max, right = -1
        for (y, row) in rows.enumerated() {
            for (x, c) in row.enumerated() where blocks.contains(c) {
                top = min(top, y); bottom = max(bottom, y); left = min(left, x); right = max(right, x)
            }
        }
        guard bottom >= 0 else { return [] }
        return (top...bottom).map { y in
            String((left...right).map { x in x < rows[y].count ? rows[y][x] : " " })
        }
    }

    /// Decodes the rows (glyphs are the dark modules) with zbarimg; nil if zbarimg is missing.
    static func decode(_ cells: [String], in directory: URL, scale: Int = 6, quiet: Int = 4) throws -> String? {
        guard let zbar = zbarimg else { return nil }
        let width = cells.map(\.count).max() ?? 0
        var pixels: [[Bool]] = []
        for row in cells.map(Array.init) {
            var top: [Bool] = [], bottom: [Bool] = []
            for x in 0..<width {
                let c = x < row.count ? row[x] : " "
                top.append(c == "█" || c == "▀")
                bottom.append(c == "█" || c == "▄")
            }
            pixels += [top, bottom]
        }
        let blank = [Bool](repeating: false, count: width)
        let all = [[Bool]](repeating: blank, count: quiet) + pixels + [[Bool]](repeating: blank, count: quiet)
        var pbm = "P1\n\((width + 2 * quiet) * scale) \(all.count * scale)\n"
        for row in all {
            let padded = [Bool](repeating: false, count: quiet) + row + [Bool](repeating: false, count: quiet)
            let line = padded.flatMap { [String](repeating: $0 ? "1" : "0", count: scale) }.joined(separator: " ")
            for _ in 0..<scale { pbm += line + "\n" }
        }
        let file = directory.appendingPathComponent("tmp/qr.pbm")
        try pbm.write(to: file, atomically: true, encoding: .ascii)
        let out = try KioskSpawn.run([zbar, "--quiet", "--raw", file.path])
        return out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
