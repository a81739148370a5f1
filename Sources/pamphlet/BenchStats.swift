#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Median, p99 and max of one query class, in milliseconds (JSON keys match the Python references).
struct LatencySummary: Codable {
    var medianMs: Double
    var p99Ms: Double
    var maxMs: Double
    var samples: Int
    var queries: Int?
    var empty: Int?
    /// The same on this thread's CPU clock: what the work cost, without time the scheduler gave
    /// to other processes (on a busy machine wall time is mostly waiting).
    var cpuMedianMs: Double?
    var cpuP99Ms: Double?

    init?(_ samples: [Double], cpu: [Double] = [], queries: Int? = nil, empty: Int? = nil) {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        medianMs = BenchStats.median(sorted)
        p99Ms = BenchStats.percentile(sorted, 99)
        maxMs = sorted[sorted.count - 1]
        self.samples = samples.count
        self.queries = queries
        self.empty = empty
        if !cpu.isEmpty {
            let c = cpu.sorted()
            cpuMedianMs = BenchStats.median(c)
            cpuP99Ms = BenchStats.percentile(c, 99)
        }
    }
}

/// Cold start of a child process: spawn to exit, timed here, plus the child's own peak memory.
struct ColdStart: Codable {
    var medianMs: Double
    var minMs: Double
    var runs: Int
    var command: String
    /// The child's peak RSS, measured through a small intermediate (`BenchStats.spawnMeasured`):
    /// a spawned child's ru_maxrss starts from its parent's peak resident size at exec.
    var peakRssMb: Double?
    /// The child's own user + system CPU time (median), which a busy machine does not inflate.
    var cpuMedianMs: Double?
}

enum BenchStats {
    /// Median of already sorted samples.
    static func median(_ sorted: [Double]) -> Double {
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// Nearest-rank percentile of already sorted samples (the same rule as refcommon.py).
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        let rank = max(1, Int((p / 100 * Double(sorted.count)).rounded(.up)))
        return sorted[min(rank, sorted.count) - 1]
    }

    static func milliseconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15
    }

    /// This thread's CPU time in milliseconds.
    static func threadCPUms() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
    }

    /// This process's peak resident set so far (Linux reports ru_maxrss in KiB).
    static func peakRSSMegabytes() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_maxrss) / 1024
    }

    /// Runs `argv` with stdout and stderr to /dev/null; returns wall time and the child's peak RSS.
    static func spawnAndWait(_ argv: [String]) throws -> (ms: Double, peakRssMb: Double, cpuMs: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let pid = try spawn(argv, stdout: nil)
        let usage = try waitForSuccess(pid, argv)
        let elapsed = milliseconds(clock.now - start)
        func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
        return (elapsed, Double(usage.ru_maxrss) / 1024, ms(usage.ru_utime) + ms(usage.ru_stime))
    }

    /// `spawnAndWait(argv)` run from a small intermediate (`executable bench --measure-child -- argv`).
    ///
    /// A spawned child's ru_maxrss starts from its parent's peak resident size at exec (vfork
    /// shares the parent's memory until then), so measured from this process a child could never
    /// read below this process's peak, which by the cold-start runs (27 MB) was above what a
    /// `pamphlet search` can take. The intermediate is ~16 MB.
    static func spawnMeasured(_ argv: [String], executable: String) throws -> (ms: Double, peakRssMb: Double, cpuMs: Double) {
        let command = [executable, "bench", "--measure-child", "--"] + argv
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw BenchError("pipe: \(String(cString: strerror(errno)))") }
        // Close-on-exec: the intermediate gets the write end only as its standard output.
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let pid: pid_t
        do {
            pid = try spawn(command, stdout: fds[1])
        } catch {
            close(fds[0]); close(fds[1])
            throw error
        }
        close(fds[1])
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            output.append(contentsOf: buffer[0..<n])
        }
        close(fds[0])
        _ = try waitForSuccess(pid, command)
        let text = String(decoding: output, as: UTF8.self)
        let fields = text.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        guard fields.count == 3 else { throw BenchError("measuring \(argv.joined(separator: " ")): unexpected output \(text)") }
        return (fields[0], fields[1], fields[2])
    }

    /// Starts `argv` with stderr to /dev/null and stdout to `stdout` (a descriptor the child gets
    /// as its standard output), or to /dev/null.
    private static func spawn(_ argv: [String], stdout: Int32?) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdout {
            posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cArgs = argv.map { strdup($0) }
        defer { cArgs.forEach { free($0) } }
        var pid = pid_t()
        let rc = (cArgs + [nil]).withUnsafeBufferPointer { buf -> Int32 in
            guard let args = buf.baseAddress else { return EINVAL }
            return posix_spawn(&pid, argv[0], &actions, nil, UnsafeMutablePointer(mutating: args), environ)
        }
        guard rc == 0 else { throw BenchError("cannot start \(argv[0]): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Waits for `pid` and returns its resource usage; throws unless it exited with status 0.
    private static func waitForSuccess(_ pid: pid_t, _ argv: [String]) throws -> rusage {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        // WIFEXITED && WEXITSTATUS == 0, spelled out (the macros do not import).
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw BenchError("\(argv.joined(separator: " ")) failed (wait status \(status))")
        }
        return usage
    }

    /// Total size of the regular files under `path` (or of the file itself).
    static func diskSize(_ path: String) -> Int {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else { return 0 }
        if !isDir.boolValue { return fileSize(path) }
        var total = 0
        for case let rel as String in fm.enumerator(atPath: path) ?? FileManager.DirectoryEnumerator() {
            total += fileSize((path as NSString).appendingPathComponent(rel))
        }
        return total
    }

    static func fileSize(_ path: String) -> Int {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return 0 }
        return Int(st.st_size)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
