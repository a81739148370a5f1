import Foundation
import Testing
@testable import PamphletKit

/// The stamp that lets a start skip re-reading a snapshot it checked before, and everything
/// that must make the next start check it in full again.
@Suite struct VerifiedStampTests {
    typealias TempContent = SnapshotTests.TempContent

    /// A snapshot written to disk, and its stamp's path.
    func written() throws -> (TempContent, stamp: String) {
        let c = try TempContent()
        try SearchEngine(library: c.library(), contentDirectory: c.dir).writeSnapshot(to: c.snapshot)
        return (c, VerifiedStamp.path(for: c.snapshot))
    }

    func verification(_ path: String, margin: Int = 0) throws -> SnapshotStorage.Verification {
        let storage = try SnapshotStorage.map(path: path, racyMargin: margin)
        _ = try IndexData(storage: storage, path: path)
        return storage.verification
    }

    /// Coarse change times advance once per clock tick: wait one out so a write in a test gets a
    /// later time than the stamp recorded, as any write a second or more later does.
    func nextTick() { usleep(50_000) }

    @Test func aFullCheckLeavesAStampTheNextOpenTrusts() throws {
        let (c, stamp) = try written()
        #expect(!FileManager.default.fileExists(atPath: stamp))
        #expect(try verification(c.snapshot) == .checksummed)
        #expect(FileManager.default.fileExists(atPath: stamp))
        #expect(try verification(c.snapshot) == .stamped)
        #expect(try verification(c.snapshot) == .stamped)
        // What is opened through a stamp answers as the same file checked in full.
        let stamped = try SearchEngine.open(snapshotPath: c.snapshot)
        let checked = try SearchEngine.open(snapshotPath: c.snapshot, fullCheck: true)
        #expect(stamped.search("naltrex", limit: 3) == checked.search("naltrex", limit: 3))
    }

    /// What start-up uses: without a stamp the checksum runs on another thread, and its verdict
    /// leaves the stamp the next start trusts.
    @Test func aCheckInTheBackgroundLeavesAStampToo() throws {
        let (c, stamp) = try written()
        let (storage, pending) = try SnapshotStorage.mapVerifyingInBackground(path: c.snapshot, racyMargin: 0)
        #expect(storage.verification == .checkingInBackground)
        try #require(pending).wait()
        #expect(FileManager.default.fileExists(atPath: stamp))
        let (again, none) = try SnapshotStorage.mapVerifyingInBackground(path: c.snapshot, racyMargin: 0)
        #expect(again.verification == .stamped)
        #expect(none == nil)
    }

    @Test func aByteFlippedInPlaceIsStillDetected() throws {
        let (c, _) = try written()
        #expect(try verification(c.snapshot) == .checksummed)
        #expect(try verification(c.snapshot) == .stamped)
        nextTick()
        let handle = try #require(FileHandle(forUpdatingAtPath: c.snapshot))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        let byte = try #require(try handle.read(upToCount: 1))
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: [byte[0] ^ 0x01])
        try handle.close()
        #expect(throws: SnapshotError.corrupt(c.snapshot, "checksum mismatch")) { try verification(c.snapshot) }
        // And through the start-up path: rebuilt, then trusted again once checked.
        let rebuilt = SearchEngine.loadOrBuild(contentDirectory: c.dir) { c.library() }
        guard case .built = rebuilt.origin else { Issue.record("damaged snapshot used"); return }
        #expect(try verification(c.snapshot) == .checksummed)
    }

    @Test func aReplacedOrTouchedFileIsCheckedInFull() throws {
        let (c, _) = try written()
        _ = try verification(c.snapshot)
        #expect(try verification(c.snapshot) == .stamped)
        // A new file (another inode), as `pamphlet index` writes it; the old stamp goes with it.
        try SearchEngine(library: c.library(), contentDirectory: c.dir).writeSnapshot(to: c.snapshot)
        #expect(!FileManager.default.fileExists(atPath: VerifiedStamp.path(for: c.snapshot)))
        #expect(try verification(c.snapshot) == .checksummed)
        #expect(try verification(c.snapshot) == .stamped)
        // Metadata changed without a write to the bytes: still checked in full.
        nextTick()
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: c.snapshot)
        #expect(try verification(c.snapshot) == .checksummed)
    }

    @Test func aStampWrittenTooSoonAfterTheFileChangedDoesNotCount() throws {
        let (c, _) = try written()
        _ = try verification(c.snapshot, margin: 3600)
        #expect(try verification(c.snapshot, margin: 3600) == .checksummed)
        #expect(try verification(c.snapshot, margin: 0) == .stamped)
    }

    @Test(arguments: ["", "pamphlet-verified 1\n", "pamphlet-verified 1 1 2 3 4 5 6 7 zz\n", "pamphlet-ver"])
    func aDamagedStampIsNoStamp(_ text: String) throws {
        let (c, stamp) = try written()
        _ = try verification(c.snapshot)
        try text.write(toFile: stamp, atomically: false, encoding: .utf8)
        #expect(try verification(c.snapshot) == .checksummed)
        #expect(try verification(c.snapshot) == .stamped)
    }

    /// A file there that is not a stamp at all may be someone's: it vouches for nothing and is
    /// neither replaced nor removed (every start then checks in full).
    @Test(arguments: ["garbage\n", String(repeating: "x", count: 5000)])
    func aForeignFileWhereTheStampGoesIsLeftAlone(_ text: String) throws {
        let (c, stamp) = try written()
        _ = try verification(c.snapshot)
        try text.write(toFile: stamp, atomically: false, encoding: .utf8)
        #expect(try verification(c.snapshot) == .checksummed)
        #expect(try verification(c.snapshot) == .checksummed)
        #expect(try String(contentsOfFile: stamp, encoding: .utf8) == text)
    }

    @Test func aStampForAnotherFileDoesNotCount() throws {
        let (c, stamp) = try written()
        let other = try written()
        _ = try verification(other.0.snapshot)
        try FileManager.default.copyItem(atPath: other.stamp, toPath: stamp)
        #expect(try verification(c.snapshot) == .checksummed)
    }

    @Test func aFullCheckIgnoresTheStampAndWritesNone() throws {
        let (c, stamp) = try written()
        _ = try SearchEngine.open(snapshotPath: c.snapshot, fullCheck: true)
        #expect(!FileManager.default.fileExists(atPath: stamp))
        _ = try verification(c.snapshot)
        let storage = try SnapshotStorage.map(path: c.snapshot, trustStamp: false)
        #expect(storage.verification == .checksummed)
    }

    @Test func theStampRoundTrips() throws {
        let (c, _) = try written()
        var st = stat()
        #expect(stat(c.snapshot, &st) == 0)
        let stamp = VerifiedStamp(st, checksum: 0xDEAD_BEEF_0123_4567)
        #expect(VerifiedStamp.parse(ArraySlice(stamp.text.utf8)) == stamp)
        #expect(VerifiedStamp.parse(ArraySlice(stamp.text.dropLast().utf8)) == nil)
    }
}
