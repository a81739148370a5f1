#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A 64-bit fingerprint of a content folder as the search index sees it: every file's relative
/// path, size and modification time (nanoseconds), plus the snapshot format version, so a snapshot
/// is used only for the content (and engine) it was built from.
///
/// Hidden files (a leading ".", which includes the snapshot itself) and editor backups ("~") are
/// left out. Uses `openat`/`fstatat` relative to each open folder (no full path lookups) and byte
/// strings: it runs at every startup, on a thread beside the snapshot's opening, and is what that
/// start waits for. Files are hashed one by one (FNV-1a of the path, size and time, then mixed)
/// and the hashes added up, so the order `readdir` returns them in does not matter and nothing is
/// collected or sorted (sorting 515 paths was a fifth of it).
public enum SnapshotFingerprint {
    public static func of(contentDirectory: String) -> UInt64 {
        var files = FileSum()
        let fd = open(contentDirectory, O_RDONLY | O_DIRECTORY)
        var visited = Set<FolderID>()
        if fd >= 0 {
            var st = stat()
            if fstat(fd, &st) == 0 { visited.insert(FolderID(st)) }
            walk(fd, pathSeed: Checksum.fnvOffset, isRoot: true, into: &files, visited: &visited, depth: 0)
        }
        var h = Checksum.fnv1a(Array("pamphlet-index v\(SnapshotFormat.version)".utf8))
        withUnsafeBytes(of: files.sum.littleEndian) { h = Checksum.fnv1a($0, seed: h) }
        withUnsafeBytes(of: files.count.littleEndian) { h = Checksum.fnv1a($0, seed: h) }
        return h
    }

    /// The files seen so far: the wrapping sum of their mixed hashes, and how many.
    private struct FileSum {
        var sum: UInt64 = 0
        var count: UInt64 = 0

        mutating func add(pathHash: UInt64, size: Int64, sec: Int64, nsec: Int64) {
            var h = pathHash
            withUnsafeBytes(of: size.littleEndian) { h = Checksum.fnv1a($0, seed: h) }
            withUnsafeBytes(of: sec.littleEndian) { h = Checksum.fnv1a($0, seed: h) }
            withUnsafeBytes(of: nsec.littleEndian) { h = Checksum.fnv1a($0, seed: h) }
            // A full-avalanche mix (splitmix64's finaliser), so sums of related hashes do not cancel.
            h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
            h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
            sum &+= h ^ (h >> 31)
            count += 1
        }
    }

    /// A folder by device and inode: a folder reached again through a symbolic link is walked once,
    /// as the loader reads it once (`ContentWalker`). Two links to one folder had doubled the walk at
    /// every level, down to the depth limit: 2^31 folders, a hang (review H 1).
    private struct FolderID: Hashable {
        let device: UInt64
        let inode: UInt64
        init(_ st: stat) { (device, inode) = (UInt64(st.st_dev), UInt64(st.st_ino)) }
    }

    /// Walks the folder open as `fd` (and closes it). `pathSeed` is FNV-1a of the folder's path
    /// relative to the content folder, continued with "/" and each name below it.
    private static func walk(_ fd: Int32, pathSeed: UInt64, isRoot: Bool, into files: inout FileSum,
                             visited: inout Set<FolderID>, depth: Int) {
        guard depth < 32, let d = fdopendir(fd) else { close(fd); return }
        defer { closedir(d) }
        let prefix = isRoot ? pathSeed : Checksum.fnv1a(CollectionOfOne(UInt8(ascii: "/")), seed: pathSeed)
        while let ent = readdir(d) {
            // d_name is used in place, up to its NUL: copying all 256 bytes of it reads past a short
            // last record of readdir's buffer (ASan heap-buffer-overflow; SanitizerRegressionTests).
            let cName = UnsafeRawPointer(ent).advanced(by: MemoryLayout<dirent>.offset(of: \dirent.d_name)!)
                .assumingMemoryBound(to: CChar.self)
            let name = UnsafeRawBufferPointer(start: cName, count: strlen(cName))
            if name.first == UInt8(ascii: ".") || name.last == UInt8(ascii: "~") || name.isEmpty { continue }
            let pathHash = Checksum.fnv1a(name, seed: prefix)
            var st = stat()
            guard fstatat(fd, cName, &st, 0) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                guard visited.insert(FolderID(st)).inserted else { continue }
                let sub = openat(fd, cName, O_RDONLY | O_DIRECTORY)
                if sub >= 0 { walk(sub, pathSeed: pathHash, isRoot: false, into: &files, visited: &visited, depth: depth + 1) }
            } else if (st.st_mode & S_IFMT) == S_IFREG {
                let mt = FileTime(modifiedOf: st)
                files.add(pathHash: pathHash, size: Int64(st.st_size), sec: mt.seconds, nsec: mt.nanoseconds)
            }
        }
    }
}
