import Foundation
import Logging

/// Where the kiosk's log lines go: a file (`--log FILE`, appended, mode 0640) or standard error.
/// While the kiosk owns a terminal that standard error also writes to, lines are held and written
/// after the terminal is restored, so they never scribble over the screen.
/// What a patient typed is never logged: callers log events, not input.
final class KioskLogSink: @unchecked Sendable {
    private let lock = NSLock()
    private let fd: Int32
    private let ownsFD: Bool
    private var held: [String]?
    private static let heldLimit = 1000

    /// Opens `path` for appending, or uses standard error when nil.
    init(path: String?) throws {
        if let path {
            let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
            guard fd >= 0 else {
                throw KioskLogError(message: "\(path): cannot open the log file (\(String(cString: strerror(errno))))")
            }
            self.fd = fd
            ownsFD = true
        } else {
            fd = STDERR_FILENO
            ownsFD = false
        }
    }

    deinit { if ownsFD { close(fd) } }

    /// True when lines would land on the terminal the kiosk draws on.
    var writesToTerminal: Bool { !ownsFD && isatty(fd) == 1 }

    /// Holds lines from now on (the terminal is being used for the screen).
    func hold() {
        lock.lock()
        if held == nil { held = [] }
        lock.unlock()
    }

    /// Writes held lines and stops holding.
    func release() {
        lock.lock()
        let lines = held ?? []
        held = nil
        lock.unlock()
        for line in lines { emit(line) }
    }

    func write(_ line: String) {
        lock.lock()
        if held != nil {
            if held!.count < Self.heldLimit { held!.append(line) }
            lock.unlock()
            return
        }
        lock.unlock()
        emit(line)
    }

    private func emit(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }
}

struct KioskLogError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A swift-log handler writing `2026-11-27T10:00:00Z warning pamphlet.kiosk: message key=value` lines.
struct KioskLogHandler: LogHandler {
    let label: String
    let sink: KioskLogSink
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let stamp = Date().formatted(.iso8601)
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { $1 } }
        let fields = all.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        sink.write("\(stamp) \(event.level) \(label): \(event.message)\(fields)")
    }
}
