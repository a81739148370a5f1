#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The bytes of one snapshot image: freshly built in memory, memory-mapped from a file, or read
/// from one into memory.
/// Immutable once made; the engine reads its arrays in place.
final class SnapshotStorage: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int
    /// `Checksum.words` of the bytes after the header for a mapped file: computed while reading
    /// it, or the header's own when a `VerifiedStamp` vouched for the file; for an image just built,
    /// the builder's own. Nil for bytes copied into memory.
    let checksumAfterHeader: UInt64?
    let verification: Verification
    /// The mapped file, kept open to read the section texts with `pread` (`copy(_:to:)`); -1 for
    /// bytes in memory.
    private let fd: Int32
    private let release: @Sendable (UnsafeRawPointer, Int) -> Void

    /// How the bytes were checked against the header's checksum.
    enum Verification: Equatable {
        /// Bytes in memory: `IndexData` computes the checksum itself.
        case inMemory
        /// The whole file was read and its checksum computed.
        case checksummed
        /// A `VerifiedStamp` showed this exact file was checksummed before.
        case stamped
        /// Being read for its checksum on another thread (`mapVerifyingInBackground`).
        case checkingInBackground
    }

    private init(base: UnsafeRawPointer, count: Int, checksumAfterHeader: UInt64? = nil, verification: Verification = .inMemory,
                 fd: Int32 = -1, release: @escaping @Sendable (UnsafeRawPointer, Int) -> Void) {
        self.base = base
        self.count = count
        self.checksumAfterHeader = checksumAfterHeader
        self.verification = verification
        self.fd = fd
        self.release = release
    }

    deinit {
        release(base, count)
        if fd >= 0 { close(fd) }
    }

    /// An image written in place by `write` into `count` bytes of fresh 16-byte aligned memory
    /// (the builder's, so the image is not built in an array and copied: 9 MB for the benchmark).
    /// `write` initializes every byte and returns `Checksum.words` of the bytes after the header,
    /// which `IndexData` then takes instead of reading the image a second time.
    convenience init(count: Int, writing write: (UnsafeMutableRawBufferPointer) -> UInt64) {
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: 16)
        let sum = write(UnsafeMutableRawBufferPointer(start: p, count: count))
        self.init(base: UnsafeRawPointer(p), count: count, checksumAfterHeader: sum) { ptr, _ in
            UnsafeMutableRawPointer(mutating: ptr).deallocate()
        }
    }

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
        let opened = try openFile(path: path)
        let sum: UInt64
        let verification: Verification
        if trustStamp && VerifiedStamp.vouches(for: opened.live, at: opened.stampPath, racyMargin: racyMargin) {
            (sum, verification) = (opened.live.checksum, .stamped)
        } else {
            do {
                (sum, verification) = (try checksum(fd: opened.fd, from: SnapshotFormat.headerSize, to: opened.size, path: path), .checksummed)
            } catch {
                close(opened.fd)
                throw error
            }
            if trustStamp && sum == opened.live.checksum { opened.live.write(to: opened.stampPath) }
        }
        return try mapOpened(opened, path: path, checksum: sum, verification: verification)
    }

    /// Reads the whole file into memory (`SnapshotAccess.copied`): nothing done to the file later,
    /// truncation included, can reach the copy, so every bound checked on open holds for as long as
    /// it lives. The checksum is computed on the copy unless a stamp vouches for the file, so the
    /// file is read once either way.
    static func read(path: String, trustStamp: Bool = true,
                     racyMargin: Int = VerifiedStamp.defaultRacyMargin) throws -> SnapshotStorage {
        let opened = try openFile(path: path)
        defer { close(opened.fd) }
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(opened.size, 1), alignment: 16)
        let got = readFully(opened.fd, into: p, count: opened.size, at: 0)
        guard got == opened.size else {
            let why = got == nil ? String(cString: strerror(errno)) : nil
            p.deallocate()
            if let why { throw SnapshotError.unreadable(path, why) }
            throw SnapshotError.corrupt(path, "file is shorter than its size (\(got ?? 0) of \(opened.size) bytes)")
        }
        let stamped = trustStamp && VerifiedStamp.vouches(for: opened.live, at: opened.stampPath, racyMargin: racyMargin)
        let header = SnapshotFormat.headerSize
        let sum = stamped ? opened.live.checksum : Checksum.words(UnsafeRawPointer(p) + header, count: opened.size - header)
        if trustStamp && !stamped && sum == opened.live.checksum { opened.live.write(to: opened.stampPath) }
        return SnapshotStorage(base: UnsafeRawPointer(p), count: opened.size, checksumAfterHeader: sum,
                               verification: stamped ? .stamped : .checksummed) { ptr, _ in
            UnsafeMutableRawPointer(mutating: ptr).deallocate()
        }
    }

    /// `map`, except that a file the stamp does not vouch for is mapped at once and read for its
    /// checksum on another thread: `PendingChecksum.wait()` gives the verdict (and leaves a stamp
    /// when it passes). The mapping may be used before then, as a damaged file can be (every
    /// offset is bounds-checked on open and where used), but nothing it yields may be trusted,
    /// shown or kept until the verdict is in. Nil pending check: the stamp vouched.
    static func mapVerifyingInBackground(path: String, racyMargin: Int = VerifiedStamp.defaultRacyMargin)
        throws -> (storage: SnapshotStorage, pending: PendingChecksum?) {
        let opened = try openFile(path: path)
        if VerifiedStamp.vouches(for: opened.live, at: opened.stampPath, racyMargin: racyMargin) {
            return (try mapOpened(opened, path: path, checksum: opened.live.checksum, verification: .stamped), nil)
        }
        // Its own descriptor of the same open file (not a second `open` of the path, which a
        // rename could point elsewhere), closed by the thread when done.
        let fd = fcntl(opened.fd, F_DUPFD_CLOEXEC, 0)
        guard fd >= 0 else {
            let why = String(cString: strerror(errno))
            close(opened.fd)
            throw SnapshotError.unreadable(path, why)
        }
        let (live, stampPath, size) = (opened.live, opened.stampPath, opened.size)
        let pending = PendingChecksum(BackgroundComputation {
            defer { close(fd) }
            do {
                let sum = try checksum(fd: fd, from: SnapshotFormat.headerSize, to: size, path: path)
                guard sum == live.checksum else {
                    return SnapshotError.corrupt(path, "checksum mismatch")
                }
                live.write(to: stampPath)
                return nil
            } catch let error as SnapshotError {
                return error
            } catch {
                return SnapshotError.unreadable(path, "\(error)")
            }
        })
        return (try mapOpened(opened, path: path, checksum: live.checksum, verification: .checkingInBackground), pending)
    }

    /// The open file and what is known of it before reading it.
    private struct OpenedFile {
        let fd: Int32
        let size: Int
        /// The file's metadata and stored checksum, as a stamp would record them.
        let live: VerifiedStamp
        let stampPath: String
    }

    /// Opens the file (the descriptor is the caller's to close, or `mapOpened`'s to keep).
    private static func openFile(path: String) throws -> OpenedFile {
        // Non-blocking: opening a FIFO by that name for reading waits for a writer, forever (review H 5).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw SnapshotError.unreadable(path, String(cString: strerror(errno))) }
        do {
            var st = stat()
            guard fstat(fd, &st) == 0 else { throw SnapshotError.unreadable(path, String(cString: strerror(errno))) }
            guard st.st_mode & S_IFMT == S_IFREG else { throw SnapshotError.unreadable(path, "it is not a regular file") }
            let size = Int(st.st_size)
            guard size >= SnapshotFormat.headerSize else { throw SnapshotError.corrupt(path, "file is too short (\(size) bytes)") }
            let stored = try storedChecksum(fd: fd, path: path)
            return OpenedFile(fd: fd, size: size, live: VerifiedStamp(st, checksum: stored), stampPath: VerifiedStamp.path(for: path))
        } catch {
            close(fd)
            throw error
        }
    }

    /// Maps the opened file; the storage keeps its descriptor (closed here if mapping fails).
    private static func mapOpened(_ opened: OpenedFile, path: String, checksum sum: UInt64,
                                  verification: Verification) throws -> SnapshotStorage {
        guard let p = mmap(nil, opened.size, PROT_READ, MAP_PRIVATE, opened.fd, 0), p != MAP_FAILED else {
            let why = String(cString: strerror(errno))
            close(opened.fd)
            throw SnapshotError.unreadable(path, why)
        }
        return SnapshotStorage(base: UnsafeRawPointer(p), count: opened.size, checksumAfterHeader: sum, verification: verification,
                               fd: opened.fd) { ptr, n in
            munmap(UnsafeMutableRawPointer(mutating: ptr), n)
        }
    }

    /// The checksum the header says the bytes after it have (`SnapshotFormat`, offset 24).
    private static func storedChecksum(fd: Int32, path: String) throws -> UInt64 {
        var value: UInt64 = 0
        let n = withUnsafeMutableBytes(of: &value) { readFully(fd, into: $0.baseAddress!, count: 8, at: 24) }
        guard n == 8 else { throw SnapshotError.unreadable(path, n == nil ? String(cString: strerror(errno)) : "short read") }
        return UInt64(littleEndian: value)
    }

    /// Reads `count` bytes at `offset`, through interrupted and short reads: how many were read
    /// (fewer when the file ends first), nil on an I/O error (`errno` says which).
    private static func readFully(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Int? {
        var got = 0
        while got < count {
            let n = pread(fd, buffer + got, count - got, off_t(offset + got))
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { break }
            got += n
        }
        return got
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
            guard let got = readFully(fd, into: buffer, count: want, at: offset) else {
                throw SnapshotError.unreadable(path, String(cString: strerror(errno)))
            }
            // Shorter than fstat said: the file shrank while being read.
            guard got == want else { throw SnapshotError.corrupt(path, "file is shorter than its size (\(offset + got) of \(end) bytes)") }
            lanes.add(buffer, count: want)
            offset += want
        }
        return lanes.finish()
    }

    /// The image in place. For a mapped file, pages given up by `unmapPages(inside:)` are not
    /// readable through it (`withAllBytes` reads everything).
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// `body` over every byte of the image: `bytes` in memory, a copy read from a mapped file.
    func withAllBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        guard fd >= 0, count > 0 else { return try body(bytes) }
        var copy = [UInt8](repeating: 0, count: count)
        let ok = copy.withUnsafeMutableBufferPointer {
            self.copy(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count), to: $0.baseAddress!)
        }
        guard ok else { throw SnapshotError.unreadable("(mapped snapshot)", "the file can no longer be read in full") }
        return try copy.withUnsafeBytes(body)
    }

    /// Stops mapping the pages that lie wholly inside `range` (byte offsets of a mapped file's
    /// image, read only through `copy` from then on), keeping their addresses reserved. A fault
    /// next to them would otherwise map them too: the kernel maps the 64 KB around a faulting page,
    /// and a whole large folio when the page cache holds the file in those (as it does after a
    /// sequential read or a large write). Does nothing for bytes in memory.
    func unmapPages(inside range: Range<Int>) {
        guard fd >= 0, range.lowerBound >= 0, range.upperBound <= count else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page, end = range.upperBound / page * page
        guard end > start else { return }
        // Replaced in place (MAP_FIXED) by inaccessible memory that holds nothing.
        _ = mmap(UnsafeMutableRawPointer(mutating: base + start), end - start, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0)
    }

    /// Whether `copy(_:to:)` reads the file rather than memory.
    var readsThroughFile: Bool { fd >= 0 }

    /// Copies `region`, bytes of this storage, to `destination`. A mapped file's bytes are read
    /// with `pread`, not through the mapping: the section texts, read a frame at a time for
    /// snippets, are a third of a snapshot, and pages read this way stay in the page cache without
    /// joining the process's resident set (as SQLite reads its pages). False when the file cannot
    /// be read (it shrank, or an I/O error): the caller treats the bytes as damaged.
    func copy(_ region: UnsafeBufferPointer<UInt8>, to destination: UnsafeMutablePointer<UInt8>) -> Bool {
        guard let start = region.baseAddress, region.count > 0 else { return true }
        let offset = UnsafeRawPointer(start) - base
        guard offset >= 0, region.count <= count - offset else { return false }
        guard fd >= 0 else {
            destination.update(from: start, count: region.count)
            return true
        }
        return Self.readFully(fd, into: destination, count: region.count, at: offset) == region.count
    }
}

/// The verdict of a snapshot's checksum being computed on another thread
/// (`SnapshotStorage.mapVerifyingInBackground`).
struct PendingChecksum: Sendable {
    fileprivate let computation: BackgroundComputation<SnapshotError?>

    fileprivate init(_ computation: BackgroundComputation<SnapshotError?>) { self.computation = computation }

    /// Waits for the checksum; throws `SnapshotError` when the file is damaged or could not be read.
    func wait() throws {
        if let error = computation.wait() { throw error }
    }
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
