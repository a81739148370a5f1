#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The bytes of one snapshot image, either freshly built in memory or memory-mapped from a file.
/// Immutable once made; the engine reads its arrays in place.
final class SnapshotStorage: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int
    /// `Checksum.words` of the bytes after the header for a mapped file: computed while reading
    /// it, or the header's own when a `VerifiedStamp` vouched for the file. Nil for bytes in memory.
    let checksumAfterHeader: UInt64?
    let verification: Verification
    private let release: @Sendable (UnsafeRawPointer, Int) -> Void

    /// How the bytes were checked against the header's checksum.
    enum Verification: Equatable {
        /// Bytes in memory: `IndexData` computes the checksum itself.
        case inMemory
        /// The whole file was read and its checksum computed.
        case checksummed
        /// A `VerifiedStamp` showed this exact file was checksummed before.
        case stamped
    }

    private init(base: UnsafeRawPointer, count: Int, checksumAfterHeader: UInt64? = nil, verification: Verification = .inMemory,
                 release: @escaping @Sendable (UnsafeRawPointer, Int) -> Void) {
        self.base = base
        self.count = count
        self.checksumAfterHeader = checksumAfterHeader
        self.verification = verification
        self.release = release
    }

    deinit { release(base, count) }

    /// Copies bytes into 16-byte aligned memory.
    convenience init(copying bytes: [UInt8]) {
        let n = max(bytes.count, 1)
        let p = UnsafeMutableRawPointer.allocate(byteCount: n, alignment: 16)
        bytes.withUnsafeBytes { src in
            if let s = src.baseAddress { p.copyMemory(from: s, byteCount: bytes.count) }
        }
        self.init(base: UnsafeRawPointer(p), count: bytes.count) { ptr, _ in UnsafeMutableRawPointer(mutating: ptr).deallocate() }
    }

    /// Maps a file read-only (pages are loaded lazily by the kernel and shared with the page cache).
    ///
    /// The checksum is computed from the same open file with `pread` into a small buffer, not
    /// through the mapping: reading all of a mapping (it was mapped with `MAP_POPULATE`) sets up a
    /// page-table entry per 4 KB and makes every page resident, while a search touches part of the
    /// index. How much a touch maps depends on the page cache: `pamphlet search python` on the
    /// 9.8 MB benchmark snapshot peaked at 20.7 MB with the file read in from disk (3.2 MB of it
    /// mapped), and at 27.3 MB right after `pamphlet index` wrote it (the kernel keeps a freshly
    /// written file in large folios and maps a whole folio at a fault), as with `MAP_POPULATE`.
    ///
    /// With `trustStamp`, a `VerifiedStamp` next to the file that still matches it stands in for
    /// the checksum, and a full check that passes leaves a stamp for next time.
    static func map(path: String, trustStamp: Bool = true,
                    racyMargin: Int = VerifiedStamp.defaultRacyMargin) throws -> SnapshotStorage {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw SnapshotError.unreadable(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw SnapshotError.unreadable(path, String(cString: strerror(errno))) }
        let size = Int(st.st_size)
        guard size >= SnapshotFormat.headerSize else { throw SnapshotError.corrupt(path, "file is too short (\(size) bytes)") }
        // Before mapping, so a failure leaves nothing to unmap.
        let stored = try storedChecksum(fd: fd, path: path)
        let live = VerifiedStamp(st, checksum: stored)
        let stampPath = VerifiedStamp.path(for: path)
        let sum: UInt64
        let verification: Verification
        if trustStamp && VerifiedStamp.vouches(for: live, at: stampPath, racyMargin: racyMargin) {
            (sum, verification) = (stored, .stamped)
        } else {
            (sum, verification) = (try checksum(fd: fd, from: SnapshotFormat.headerSize, to: size, path: path), .checksummed)
            if trustStamp && sum == stored { live.write(to: stampPath) }
        }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            throw SnapshotError.unreadable(path, String(cString: strerror(errno)))
        }
        return SnapshotStorage(base: UnsafeRawPointer(p), count: size, checksumAfterHeader: sum, verification: verification) { ptr, n in
            munmap(UnsafeMutableRawPointer(mutating: ptr), n)
        }
    }

    /// The checksum the header says the bytes after it have (`SnapshotFormat`, offset 24).
    private static func storedChecksum(fd: Int32, path: String) throws -> UInt64 {
        var value: UInt64 = 0
        let n = withUnsafeMutableBytes(of: &value) { pread(fd, $0.baseAddress, 8, 24) }
        guard n == 8 else { throw SnapshotError.unreadable(path, n < 0 ? String(cString: strerror(errno)) : "short read") }
        return UInt64(littleEndian: value)
    }

    /// `Checksum.words` of the file's bytes `from..<to`, read in chunks that stay in the CPU's cache.
    private static func checksum(fd: Int32, from start: Int, to end: Int, path: String) throws -> UInt64 {
        let chunk = 256 * 1024   // a multiple of 64, as `Checksum.Lanes` needs
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 64)
        defer { buffer.deallocate() }
        var lanes = Checksum.Lanes()
        var offset = start
        while offset < end {
            let want = min(chunk, end - offset)
            var got = 0
            while got < want {
                let n = pread(fd, buffer + got, want - got, off_t(offset + got))
                if n < 0 && errno == EINTR { continue }
                guard n >= 0 else { throw SnapshotError.unreadable(path, String(cString: strerror(errno))) }
                // Shorter than fstat said: the file shrank while being read.
                guard n > 0 else { throw SnapshotError.corrupt(path, "file is shorter than its size (\(offset + got) of \(end) bytes)") }
                got += n
            }
            lanes.add(buffer, count: want)
            offset += want
        }
        return lanes.finish()
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}

/// Why a snapshot could not be used. Callers rebuild the index; nothing here is fatal.
public enum SnapshotError: Error, CustomStringConvertible, Equatable {
    case unreadable(String, String)
    case corrupt(String, String)
    case stale(String)
    case unwritable(String, String)

    public var description: String {
        switch self {
        case .unreadable(let p, let why): "\(p): cannot read the search index: \(why)"
        case .corrupt(let p, let why): "\(p): search index is damaged: \(why)"
        case .stale(let p): "\(p): search index was built from other content"
        case .unwritable(let p, let why): "\(p): cannot write the search index: \(why)"
        }
    }
}
