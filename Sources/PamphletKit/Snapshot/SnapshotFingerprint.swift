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
/// left out. Uses `opendir`/`stat` directly: it runs at every startup and must stay well under a
/// millisecond for a few hundred files.
public enum SnapshotFingerprint {
    public static func of(contentDirectory: String) -> UInt64 {
        var entries: [(path: String, size: Int64, sec: Int64, nsec: Int64)] = []
        walk(contentDirectory, relative: "", into: &entries, depth: 0)
        entries.sort { $0.path < $1.path }
        var h = Checksum.fnv1a(Array("pamphlet-index v\(SnapshotFormat.version)".utf8))
        for e in entries {
            h = Checksum.fnv1a(e.path.utf8, seed: h)
            for v in [e.size, e.sec, e.nsec] {
                withUnsafeBytes(of: v.littleEndian) { h = Checksum.fnv1a($0, seed: h) }
            }
        }
        return h
    }

    private static func walk(_ dir: String, relative: String, into out: inout [(path: String, size: Int64, sec: Int64, nsec: Int64)], depth: Int) {
        guard depth < 32, let d = opendir(dir) else { return }
        defer { closedir(d) }
        while let ent = readdir(d) {
            // Read the name in place up to its NUL: copying the whole 256-byte d_name reads past a
            // short last record of readdir's buffer (AddressSanitizer: heap-buffer-overflow).
            let name = withUnsafeMutablePointer(to: &ent.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
            }
            if name.hasPrefix(".") || name.hasSuffix("~") { continue }
            let full = dir + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var st = stat()
            guard stat(full, &st) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                walk(full, relative: rel, into: &out, depth: depth + 1)
            } else if (st.st_mode & S_IFMT) == S_IFREG {
                #if canImport(Darwin)
                let mt = st.st_mtimespec
                #else
                let mt = st.st_mtim
                #endif
                out.append((rel, Int64(st.st_size), Int64(mt.tv_sec), Int64(mt.tv_nsec)))
            }
        }
    }
}
