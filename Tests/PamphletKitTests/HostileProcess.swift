import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with a deadline and reports how it ended, its wall time and its peak memory.
/// Peak memory is the child's own `VmHWM` (polled from /proc while it runs): rusage's `ru_maxrss`
/// would start from the parent's size, which Linux copies into the child at fork.
struct BoundedRun {
    enum End: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)
        case timedOut

        var description: String {
            switch self {
            case .exited(let code): "exit \(code)"
            case .signalled(let signal): "killed by signal \(signal) (\(String(cString: strsignal(signal))))"
            case .timedOut: "still running at the deadline (killed)"
            }
        }
    }

    var end: End
    var seconds: Double
    var peakMemoryMB: Int
    var stdout: String
    var stderr: String

    /// Runs `executable` with `arguments`; kills it after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], timeout: Double,
                    environment: [String: String]? = nil) throws -> BoundedRun {
        let start = DispatchTime.now().uptimeNanoseconds
        let child = try Spawn.start(executable, arguments, environment: environment ?? ProcessInfo.processInfo.environment)
        defer { child.removeFiles() }
        let pid = child.pid

        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        var peakKB = 0
        while true {
            peakKB = max(peakKB, highWaterKB(pid))
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 > timeout, !timedOut {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(5_000)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let end: End
        if timedOut { end = .timedOut }
        else if status & 0x7F == 0 { end = .exited((status >> 8) & 0xFF) }
        else { end = .signalled(status & 0x7F) }
        let (stdout, stderr) = child.outputs()
        return BoundedRun(end: end, seconds: seconds, peakMemoryMB: peakKB / 1024, stdout: stdout, stderr: stderr)
    }

    /// The process's resident high-water mark in kB (0 once it has exited).
    static func highWaterKB(_ pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
