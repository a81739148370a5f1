#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A 64-bit fingerprint of a content folder as the search index sees it: FNV-1a over every file's
/// relative path, size and modification time (nanoseconds), plus the snapshot format version, so
/// a snapshot is used only for the content (and engine) it was built from.
///
/// Hidden files (a leading ".", which includes the snapshot itself) and editor backups ("~") are
/// left out. Uses `openat`/`fstatat` relative to each open folder (no full path lookups) and byte
/// strings: it runs at every startup and must stay well under a millisecond for a few hundred files.
public enum SnapshotFingerprint {
    private struct Entry { var path: [UInt8]; var size: Int64; var sec: Int64; var nsec: Int64 }

    public static func of(contentDirectory: String) -> UInt64 {
        var entries: [Entry] = []
        let fd = open(contentDirectory, O_RDONLY | O_DIRECTORY)
        if fd >= 0 { walk(fd, relative: [], into: &entries, depth: 0) }
        entries.sort { $0.path.lexicographicallyPrecedes($1.path) }
        var h = Checksum.fnv1a(Array("pamphlet-index v\(SnapshotFormat.version)".utf8))
        for e in entries {
            h = Checksum.fnv1a(e.path, seed: h)
            withUnsafeBytes(of: e.size.littleEndian) { h = Checksum.fnv1a($0, seed: h) }
            withUnsafeBytes(of: e.sec.littleEndian) { h = Checksum.fnv1a($0, seed: h) }
            withUnsafeBytes(of: e.nsec.littleEndian) { h = Checksum.fnv1a($0, seed: h) }
        }
        return h
    }

    /// Walks the folder open as `fd` (and closes it).
    private static func walk(_ fd: Int32, relative: [UInt8], into out: inout [Entry], depth: Int) {
        guard depth < 32, let d = fdopendir(fd) else { close(fd); return }
        defer { closedir(d) }
        while let ent = readdir(d) {
            // d_name is used in place, up to its NUL: copying all 256 bytes of it reads past a short
            // last record of readdir's buffer (ASan heap-buffer-overflow; SanitizerRegressionTests).
            let cName = UnsafeRawPointer(ent).advanced(by: MemoryLayout<dirent>.offset(of: \dirent.d_name)!)
                .assumingMemoryBound(to: CChar.self)
            let name = UnsafeRawBufferPointer(start: cName, count: strlen(cName))
            if name.first == UInt8(ascii: ".") || name.last == UInt8(ascii: "~") || name.isEmpty { continue }
            var rel = relative
            if !rel.isEmpty { rel.append(UInt8(ascii: "/")) }
            rel.append(contentsOf: name)
            var st = stat()
            guard fstatat(fd, cName, &st, 0) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                let sub = openat(fd, cName, O_RDONLY | O_DIRECTORY)
                if sub >= 0 { walk(sub, relative: rel, into: &out, depth: depth + 1) }
            } else if (st.st_mode & S_IFMT) == S_IFREG {
                #if canImport(Darwin)
                let mt = st.st_mtimespec
                #else
                let mt = st.st_mtim
                #endif
                out.append(Entry(path: rel, size: Int64(st.st_size), sec: Int64(mt.tv_sec), nsec: Int64(mt.tv_nsec)))
            }
        }
    }
}
