import Foundation
import Testing
@testable import PamphletKit
#if canImport(Glibc)
import Glibc
#endif

/// A snapshot opened with `access: .copied` (the browser) is read into memory once: the same
/// answers as the mapped file, and a file cut short or rewritten afterwards cannot reach it. (The
/// mapped engine cannot be shown failing here: reading its pages past a truncation is SIGBUS; the
/// browser's end-to-end test shows the process surviving it.)
@Suite struct SnapshotCopiedTests {
    @Test func aCopiedSnapshotAnswersAsTheMappedOneAndOutlivesTruncation() throws {
        let dir = try SnapshotTextReadTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let library = SnapshotTextReadTests.library(sections: 40, wordsPerSection: 600, markedSection: 39,
                                                    marker: "quokkamarker", seed: 11)
        let (built, mapped) = try SnapshotTextReadTests.builtAndMapped(library, in: dir)
        let path = dir + "/.pamphlet-index"
        let copied = try SearchEngine.open(snapshotPath: path, access: .copied)
        #expect(!copied.index.storage.readsThroughFile)
        #expect(copied.index.storage.verification == .checksummed)
        let queries = ["quokkamarker", "quokkamark", "quokkamraker"]
        let before = queries.map { copied.search($0, limit: 10) }
        #expect(before == queries.map { mapped.search($0, limit: 10) })
        #expect(before == queries.map { built.search($0, limit: 10) })
        #expect(before[0].hits.first?.snippet.contains("quokkamarker") == true)

        // Cut the file to its header, then overwrite what is left: the copy does not notice.
        #expect(truncate(path, off_t(SnapshotFormat.headerSize)) == 0)
        let fd = open(path, O_WRONLY)
        #expect(fd >= 0)
        let junk = [UInt8](repeating: 0xA5, count: SnapshotFormat.headerSize)
        #expect(junk.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) } == junk.count)
        close(fd)
        #expect(queries.map { copied.search($0, limit: 10) } == before)
        for s in 0..<built.index.sectionCount {
            #expect(copied.index.text(ofSection: s) == built.index.text(ofSection: s), "section \(s)")
        }
        // And the damaged file itself is refused, to be rebuilt.
        #expect(throws: SnapshotError.self) { try SearchEngine.open(snapshotPath: path, access: .copied) }
    }

    @Test func aCopiedSnapshotIsCheckedLikeAMappedOne() throws {
        let dir = try SnapshotTextReadTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let library = SnapshotTextReadTests.library(sections: 8, wordsPerSection: 200, markedSection: 3,
                                                    marker: "quokkamarker", seed: 12)
        let path = dir + "/.pamphlet-index"
        try SearchEngine(library: library).writeSnapshot(to: path)
        guard let original = FileManager.default.contents(atPath: path) else { Issue.record("no snapshot"); return }

        // A flipped byte in the middle: the checksum on the copy catches it.
        var flipped = [UInt8](original)
        flipped[flipped.count / 2] ^= 0x40
        try Data(flipped).write(to: URL(fileURLWithPath: path))
        #expect(throws: SnapshotError.corrupt(path, "checksum mismatch")) { try SearchEngine.open(snapshotPath: path, access: .copied) }

        // Cut short: the header's length no longer matches.
        try Data(original.prefix(original.count - 100)).write(to: URL(fileURLWithPath: path))
        #expect(throws: SnapshotError.self) { try SearchEngine.open(snapshotPath: path, access: .copied) }

        // Intact, opened twice: the first full check leaves a stamp only when the file is old enough
        // (`VerifiedStamp`'s racy rule); with no margin the second open trusts it.
        try Data(original).write(to: URL(fileURLWithPath: path))
        let first = try SnapshotStorage.read(path: path, racyMargin: 0)
        #expect(first.verification == .checksummed)
        let second = try SnapshotStorage.read(path: path, racyMargin: 0)
        #expect(second.verification == .stamped)
        #expect(second.checksumAfterHeader == first.checksumAfterHeader)
        #expect(try SearchEngine(index: IndexData(storage: second, path: path)).search("quokkamarker").hits.count == 1)
    }

    @Test func theBrowsersLoadOrBuildReadsAMatchingSnapshotAndRebuildsADamagedOne() throws {
        let c = try SnapshotTests.TempContent()
        let first = SearchEngine.loadOrBuild(contentDirectory: c.dir, access: .copied) { c.library() }
        #expect(first.origin == .built(writtenTo: c.snapshot, reason: "no snapshot"))
        var loaded = false
        let second = SearchEngine.loadOrBuild(contentDirectory: c.dir, access: .copied) { loaded = true; return c.library() }
        #expect(second.origin == .snapshot(path: c.snapshot))
        #expect(!loaded)
        #expect(!second.engine.index.storage.readsThroughFile)
        #expect(second.engine.search("ketamin adictive") == first.engine.search("ketamin adictive"))
        #expect(truncate(c.snapshot, 1000) == 0)
        let third = SearchEngine.loadOrBuild(contentDirectory: c.dir, access: .copied) { c.library() }
        guard case .built(let written, let reason) = third.origin else { Issue.record("expected a rebuild: \(third.origin)"); return }
        #expect(written == c.snapshot)
        #expect(reason.contains("damaged"))
        #expect(third.engine.search("ketamin adictive") == first.engine.search("ketamin adictive"))
    }
}
