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
    private let release: @Sendable (UnsafeRawPointer, Int) -> Void

    private init(base: UnsafeRawPointer, count: Int, release: @escaping @Sendable (UnsafeRawPointer, Int) -> Void) {
        self.base = base
        self.count = count
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
    static func map(path: String) throws -> SnapshotStorage {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw SnapshotError.unreadable(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw SnapshotError.unreadable(path, String(cString: strerror(errno))) }
        let size = Int(st.st_size)
        guard size >= SnapshotFormat.headerSize else { throw SnapshotError.corrupt(path, "file is too short (\(size) bytes)") }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE | Self.populate, fd, 0), p != MAP_FAILED else {
            throw SnapshotError.unreadable(path, String(cString: strerror(errno)))
        }
        return SnapshotStorage(base: UnsafeRawPointer(p), count: size) { ptr, n in
            munmap(UnsafeMutableRawPointer(mutating: ptr), n)
        }
    }

    /// The whole file is read at open (checksum), so map it all at once rather than page by page.
    #if os(Linux)
    private static let populate = MAP_POPULATE
    #else
    private static let populate: Int32 = 0
    #endif

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
