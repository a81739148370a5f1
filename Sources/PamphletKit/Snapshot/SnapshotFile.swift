#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where snapshots live and how they are written.
///
/// The default is `<content>/.pamphlet-index` (next to `site.yaml`, hidden, so it does not change the
/// content's own fingerprint). When the content folder is read-only (a kiosk image), the index goes to
/// `$XDG_CACHE_HOME/pamphlet/index-<hash of the content path>` (`~/.cache/pamphlet/…` without
/// XDG_CACHE_HOME). Readers try both, in that order.
public enum SnapshotFile {
    public static let fileName = ".pamphlet-index"

    /// `<content>/.pamphlet-index`.
    public static func contentPath(contentDirectory: String) -> String {
        (contentDirectory as NSString).appendingPathComponent(fileName)
    }

    /// The per-user cache location for this content folder, if a cache folder can be named.
    public static func cachePath(contentDirectory: String) -> String? {
        let env = ProcessInfo.processInfo.environment
        let base: String
        if let xdg = env["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else if let home = env["HOME"], !home.isEmpty {
            base = (home as NSString).appendingPathComponent(".cache")
        } else {
            return nil
        }
        let absolute = URL(fileURLWithPath: contentDirectory).standardizedFileURL.path
        let key = String(Checksum.fnv1a(Array(absolute.utf8)), radix: 16)
        return ((base as NSString).appendingPathComponent("pamphlet") as NSString).appendingPathComponent("index-\(key)")
    }

    /// The stamp kept next to a snapshot once a start has checked it in full (`VerifiedStamp`).
    public static func stampPath(for snapshot: String) -> String { VerifiedStamp.path(for: snapshot) }

    /// Seconds a snapshot must have been unchanged when a stamp is written for it, for the stamp to count.
    public static let stampMarginSeconds = VerifiedStamp.defaultRacyMargin

    /// Candidate paths, in the order they are tried.
    public static func candidates(contentDirectory: String) -> [String] {
        [contentPath(contentDirectory: contentDirectory)] + (cachePath(contentDirectory: contentDirectory).map { [$0] } ?? [])
    }

    /// Throws unless `path` is free for a snapshot: nothing there, an empty file, or a file that
    /// starts as a snapshot does (`SnapshotFormat.magic`, damaged or not). A snapshot path is often
    /// given by hand (`--index`, `--out`), and a slip there must not replace someone's notes, a
    /// content file or a system file with an index.
    public static func checkReplaceable(_ path: String) throws {
        var st = stat()
        // Through a link, what it points to is judged (the rename then replaces the link itself, so
        // the file it points to is never written). Nothing there, or a dangling link: free.
        guard stat(path, &st) == 0 else { return }
        let type = st.st_mode & S_IFMT
        if type == S_IFDIR { throw SnapshotError.unwritable(path, "it is a folder") }
        guard type == S_IFREG else { throw SnapshotError.unwritable(path, "it is not a regular file") }
        guard st.st_size > 0 else { return }
        guard let ours = startsAs(SnapshotFormat.magic, path: path) else {
            throw SnapshotError.unwritable(path, "cannot read the file there to check it is a search index (\(String(cString: strerror(errno))))")
        }
        guard ours else {
            throw SnapshotError.unwritable(path, "the file there is not a Pamphlet search index; not replacing it (remove it or choose another path)")
        }
    }

    /// Whether the file at `path` starts as `magic` does (its first bytes, up to `magic`'s length,
    /// are a prefix of it: a file cut short still counts), so it is one of ours; nil when it cannot
    /// be read (`errno` says why). For a non-empty regular file, as the callers check first.
    static func startsAs(_ magic: [UInt8], path: String) -> Bool? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: magic.count)
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n >= 0 else { return nil }
        return n > 0 && head[0..<n].elementsEqual(magic[0..<n])
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same folder, fsync, rename,
    /// then fsync of the folder. Readers see the old file or the new one, never a partial one.
    /// `sync: false` skips both fsyncs, for files whose loss in a crash costs nothing (a stamp).
    public static func writeAtomically(_ bytes: UnsafeRawBufferPointer, to path: String, sync: Bool = true) throws {
        let dir = (path as NSString).deletingLastPathComponent
        let tmp = (dir.isEmpty ? "." : dir) + "/." + ((path as NSString).lastPathComponent) + ".tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw SnapshotError.unwritable(path, String(cString: strerror(errno))) }
        var ok = false
        defer {
            if !ok { unlink(tmp) }
        }
        var written = 0
        while written < bytes.count {
            let n = write(fd, bytes.baseAddress! + written, bytes.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                let why = String(cString: strerror(errno))
                close(fd)
                throw SnapshotError.unwritable(path, why)
            }
            written += n
        }
        guard !sync || fsync(fd) == 0 else {
            let why = String(cString: strerror(errno))
            close(fd)
            throw SnapshotError.unwritable(path, why)
        }
        close(fd)
        guard rename(tmp, path) == 0 else { throw SnapshotError.unwritable(path, String(cString: strerror(errno))) }
        ok = true
        guard sync else { return }
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    static func writeAtomically(_ bytes: [UInt8], to path: String, sync: Bool = true) throws {
        try bytes.withUnsafeBytes { try writeAtomically($0, to: path, sync: sync) }
    }

    /// Creates the folder holding `path` if needed (for the cache location).
    static func ensureDirectory(for path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
}
