#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A note kept next to a snapshot (`<snapshot>.verified`) saying that this very file was read
/// whole and matched its checksum: its device, inode, size, modification and change times and
/// stored checksum when it was read.
///
/// Reading and checksumming a snapshot costs about 2.5 ms of every start on the benchmark's
/// 9.8 MB index, about an eighth of a `pamphlet search`. A later open of a file whose metadata
/// still equal the stamp's skips it, as git trusts its index's stat data instead of rehashing
/// files. Any write to the file moves its change time (which no user can set), and a rename
/// brings another inode; either makes the stamp stale and the next open checks in full.
///
/// Change times are coarse on some filesystems (a clock tick, 2 s on FAT), so a write in the same
/// tick as the read that made the stamp could leave them equal. As git does for its "racily clean"
/// entries, a stamp counts only when the stamp file itself was written at least `racyMargin`
/// seconds after the snapshot last changed (both times from the same filesystem, no clock read).
/// A stamp that does not count is rewritten after the next full check.
///
/// What this gives up: damage that changes no metadata (a failing disk) is found only when the
/// snapshot is next rewritten; every offset is still bounds-checked, so it cannot crash a search.
/// `pamphlet index --check` always checks in full.
struct VerifiedStamp: Equatable {
    static let defaultRacyMargin = 3
    private static let tag = "pamphlet-verified 1"

    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: FileTime
    var changed: FileTime
    var checksum: UInt64

    init(device: UInt64, inode: UInt64, size: Int64, modified: FileTime, changed: FileTime, checksum: UInt64) {
        (self.device, self.inode, self.size) = (device, inode, size)
        (self.modified, self.changed, self.checksum) = (modified, changed, checksum)
    }

    /// The stamp for a file as `stat` describes it now.
    init(_ st: stat, checksum: UInt64) {
        self.init(device: UInt64(truncatingIfNeeded: st.st_dev), inode: UInt64(truncatingIfNeeded: st.st_ino),
                  size: Int64(st.st_size), modified: FileTime(modifiedOf: st), changed: FileTime(changedOf: st),
                  checksum: checksum)
    }

    static func path(for snapshot: String) -> String { snapshot + ".verified" }

    /// Whether the stamp at `path` vouches for `live` (the snapshot's metadata now).
    static func vouches(for live: VerifiedStamp, at path: String, racyMargin: Int) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)   // a FIFO there must not block
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return false }
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0, let stamp = parse(buffer[0..<n]), stamp == live else { return false }
        return FileTime(changedOf: st).seconds - live.changed.seconds >= Int64(racyMargin)
    }

    /// Writes the stamp atomically; best effort (a read-only folder just means full checks). Never
    /// over a file that is not a stamp: `<snapshot>.verified` is a name a user's file may have.
    func write(to path: String) {
        guard Self.isStampOrFree(path) else { return }
        try? SnapshotFile.writeAtomically(Array(text.utf8), to: path, sync: false)
    }

    /// Removes the stamp at `path` (a new snapshot's old stamp), if what is there is a stamp.
    static func remove(at path: String) {
        var st = stat()
        guard lstat(path, &st) == 0, isStampOrFree(path) else { return }
        unlink(path)
    }

    /// Whether `path` holds nothing, an empty file or a stamp (by its first bytes, damaged or not):
    /// what may be replaced or removed. A link or anything else is left alone.
    static func isStampOrFree(_ path: String) -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0 else { return true }
        guard st.st_mode & S_IFMT == S_IFREG else { return false }
        guard st.st_size > 0 else { return true }
        return SnapshotFile.startsAs(Array(tag.utf8), path: path) ?? false
    }

    var text: String {
        [Self.tag, String(device), String(inode), String(size), String(modified.seconds), String(modified.nanoseconds),
         String(changed.seconds), String(changed.nanoseconds), String(checksum, radix: 16)].joined(separator: " ") + "\n"
    }

    /// The stamp in `bytes`, or nil for anything else (a damaged stamp is no stamp).
    static func parse(_ bytes: ArraySlice<UInt8>) -> VerifiedStamp? {
        guard bytes.last == UInt8(ascii: "\n") else { return nil }
        let fields = String(decoding: bytes.dropLast(), as: UTF8.self).split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 10, "\(fields[0]) \(fields[1])" == tag,
              let device = UInt64(fields[2]), let inode = UInt64(fields[3]), let size = Int64(fields[4]),
              let ms = Int64(fields[5]), let mn = Int64(fields[6]), let cs = Int64(fields[7]), let cn = Int64(fields[8]),
              let checksum = UInt64(fields[9], radix: 16) else { return nil }
        return VerifiedStamp(device: device, inode: inode, size: size, modified: FileTime(seconds: ms, nanoseconds: mn),
                             changed: FileTime(seconds: cs, nanoseconds: cn), checksum: checksum)
    }
}

/// A file timestamp from `stat`, to the nanosecond where the filesystem keeps them.
struct FileTime: Equatable {
    var seconds: Int64
    var nanoseconds: Int64

    init(seconds: Int64, nanoseconds: Int64) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    #if canImport(Darwin)
    init(modifiedOf st: stat) { self.init(st.st_mtimespec) }
    init(changedOf st: stat) { self.init(st.st_ctimespec) }
    #else
    init(modifiedOf st: stat) { self.init(st.st_mtim) }
    init(changedOf st: stat) { self.init(st.st_ctim) }
    #endif

    private init(_ t: timespec) { self.init(seconds: Int64(t.tv_sec), nanoseconds: Int64(t.tv_nsec)) }
}
