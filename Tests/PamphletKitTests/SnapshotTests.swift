import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// Snapshot files: round trip, damage and staleness are detected and rebuilt, never a crash.
@Suite struct SnapshotTests {
    /// A content folder on disk (site.yaml + content/), removed when the test ends.
    final class TempContent {
        let dir: String
        init(extra: String = "") throws {
            dir = NSTemporaryDirectory() + "pamphlet-snap-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir + "/content", withIntermediateDirectories: true)
            try "name: Test Clinic\n".write(toFile: dir + "/site.yaml", atomically: true, encoding: .utf8)
            try """
                ---
                kind: article
                title: Is Ketamine an Opiate?
                ---
                Ketamine and the opioid system.

                ## Ketamine Drug Trials

                Participants received naltrexone, an opioid blocker, before the infusion.\(extra)

                ## Is Ketamine Addictive?

                Ketamine can be habit forming when abused.
                """.write(toFile: dir + "/content/opiate.md", atomically: true, encoding: .utf8)
            try "tms, transcranial magnetic stimulation\n".write(toFile: dir + "/synonyms.txt", atomically: true, encoding: .utf8)
        }
        deinit { try? FileManager.default.removeItem(atPath: dir) }
        var snapshot: String { dir + "/.pamphlet-index" }
        func library() -> Library { ContentLoader.load(directory: dir).library }
    }

    func topHit(_ e: SearchEngine, _ q: String) -> String? { e.search(q, limit: 1).hits.first?.reference.description }

    @Test func roundTripGivesTheSameAnswers() throws {
        let c = try TempContent()
        let built = SearchEngine(library: c.library(), contentDirectory: c.dir)
        try built.writeSnapshot(to: c.snapshot)
        let mapped = try SearchEngine.open(snapshotPath: c.snapshot)
        for q in ["naltrex", "ketamin adictive", "\"opioid blocker\"", "tms", "ketamine -addictive"] {
            #expect(mapped.search(q, limit: 5) == built.search(q, limit: 5), "\(q)")
        }
        #expect(mapped.indexByteCount == built.indexByteCount)
    }

    @Test func loadOrBuildUsesThenReusesTheSnapshot() throws {
        let c = try TempContent()
        let first = SearchEngine.loadOrBuild(contentDirectory: c.dir) { c.library() }
        #expect(first.origin == .built(writtenTo: c.snapshot, reason: "no snapshot"))
        var loaded = false
        let second = SearchEngine.loadOrBuild(contentDirectory: c.dir) { loaded = true; return c.library() }
        #expect(second.origin == .snapshot(path: c.snapshot))
        #expect(!loaded)
        #expect(topHit(second.engine, "naltrexone") == "opiate#ketamine-drug-trials")
    }

    @Test func changedContentIsStaleAndRebuilt() throws {
        let c = try TempContent()
        _ = SearchEngine.loadOrBuild(contentDirectory: c.dir) { c.library() }
        try "---\nkind: faq\ntitle: New\n---\n## Is there parking?\n\nYes, behind the building.\n"
            .write(toFile: c.dir + "/content/new.md", atomically: true, encoding: .utf8)
        let again = SearchEngine.loadOrBuild(contentDirectory: c.dir) { c.library() }
        guard case .built(let written, let reason) = again.origin else { Issue.record("stale snapshot used"); return }
        #expect(written == c.snapshot)
        #expect(reason.contains("other content"))
        #expect(topHit(again.engine, "parking") == "new#is-there-parking")
    }

    /// The answer worked out while the fingerprint was still being taken is kept only when the
    /// snapshot turns out current; a stale one's answer is worked out again on the rebuilt engine.
    @Test func anAnswerFromAStaleSnapshotIsWorkedOutAgain() throws {
        let c = try TempContent()
        _ = SearchEngine.loadOrBuild(contentDirectory: c.dir) { c.library() }
        var runs = 0
        let current = SearchEngine.loadOrBuild(contentDirectory: c.dir, loadLibrary: { c.library() }) { engine in
            runs += 1
            return engine.search("naltrexone", limit: 1).hits.first?.reference.description
        }
        #expect(current.origin == .snapshot(path: c.snapshot))
        #expect(current.answer == "opiate#ketamine-drug-trials")
        #expect(runs == 1)
        try "---\nkind: faq\ntitle: New\n---\n## Is there parking?\n\nYes, behind the building.\n"
            .write(toFile: c.dir + "/content/new.md", atomically: true, encoding: .utf8)
        runs = 0
        let stale = SearchEngine.loadOrBuild(contentDirectory: c.dir, loadLibrary: { c.library() }) { engine in
            runs += 1
            return engine.search("parking", limit: 1).hits.first?.reference.description
        }
        guard case .built = stale.origin else { Issue.record("stale snapshot used"); return }
        #expect(stale.answer == "new#is-there-parking")
        #expect(runs == 2)
    }

    /// The first start after `pamphlet index` checksums the snapshot on another thread while the
    /// answer is worked out: a damaged file's answer is dropped and worked out on the rebuilt engine.
    @Test func anAnswerFromADamagedSnapshotIsWorkedOutAgain() throws {
        let c = try TempContent()
        _ = SearchEngine.loadOrBuild(contentDirectory: c.dir) { c.library() }
        // A byte of the section texts: the offsets stay valid, so the engine opens and answers.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: c.snapshot)))
        let entry = SnapshotFormat.headerSize + 16 * SnapshotArray.textBytes.rawValue
        let (offset, length) = bytes.withUnsafeBytes { raw in
            (Int(raw.loadUnaligned(fromByteOffset: entry, as: UInt64.self)), Int(raw.loadUnaligned(fromByteOffset: entry + 8, as: UInt64.self)))
        }
        try #require(length > 0 && offset + length <= bytes.count)
        bytes[offset + length / 2] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: c.snapshot))
        var runs = 0
        let result = SearchEngine.loadOrBuild(contentDirectory: c.dir, loadLibrary: { c.library() }) { engine in
            runs += 1
            return topHit(engine, "naltrex")
        }
        guard case .built(_, let reason) = result.origin else { Issue.record("damaged snapshot used"); return }
        #expect(reason.contains("checksum mismatch"))
        #expect(runs == 2)
        #expect(result.answer == "opiate#ketamine-drug-trials")
    }

    /// The snapshot goes beside the content or in the cache; a missing content folder is not made
    /// to hold it.
    @Test func aMissingContentFolderIsNotCreated() throws {
        let c = try TempContent()
        let missing = c.dir + "/not-there"
        let result = SearchEngine.loadOrBuild(contentDirectory: missing) { c.library() }
        #expect(!FileManager.default.fileExists(atPath: missing))
        if case .built(let written?, _) = result.origin { #expect(!written.hasPrefix(missing)) }
        if let cache = SnapshotFile.cachePath(contentDirectory: missing) { try? FileManager.default.removeItem(atPath: cache) }
    }

    static let damage: [(String, @Sendable (inout [UInt8]) -> Void)] = [
        ("flip a header byte", { $0[20] ^= 0xFF }),
        ("flip a byte in the middle", { $0[$0.count / 2] ^= 0x01 }),
        ("flip the last byte", { $0[$0.count - 1] ^= 0x80 }),
        ("flip many bytes", { for i in stride(from: 70, to: $0.count, by: 97) { $0[i] = ~$0[i] } }),
        ("truncate to half", { $0.removeLast($0.count / 2) }),
        ("truncate by one byte", { $0.removeLast() }),
        ("truncate to 10 bytes", { $0.removeLast($0.count - 10) }),
        ("empty file", { $0.removeAll() }),
        ("wrong magic", { $0[0] = 0x58 }),
        ("extra bytes", { $0.append(contentsOf: [1, 2, 3]) }),
    ]

    @Test(arguments: 0..<damage.count)
    func damagedSnapshotIsDetectedAndRebuilt(_ which: Int) throws {
        let (name, damage) = Self.damage[which]
        let c = try TempContent()
        _ = SearchEngine.loadOrBuild(contentDirectory: c.dir) { c.library() }
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: c.snapshot)))
        damage(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: c.snapshot))
        #expect(throws: SnapshotError.self, "\(name)") { try SearchEngine.open(snapshotPath: c.snapshot) }
        let rebuilt = SearchEngine.loadOrBuild(contentDirectory: c.dir) { c.library() }
        guard case .built(let written, _) = rebuilt.origin else { Issue.record("\(name): damaged snapshot used"); return }
        #expect(written == c.snapshot)
        #expect(topHit(rebuilt.engine, "naltrex") == "opiate#ketamine-drug-trials")
        // The rewritten file is good again.
        #expect(SearchEngine.loadOrBuild(contentDirectory: c.dir) { c.library() }.origin == .snapshot(path: c.snapshot))
    }

    /// Damage that keeps the checksum valid (a buggy or hostile writer) must still never crash:
    /// every offset is bounds-checked on open or where it is used.
    @Test func garbageWithAValidChecksumNeverCrashes() throws {
        let image = IndexBuilder.build(library: SearchFixtures.clinic, synonyms: SynonymTable.parse("tms, transcranial magnetic stimulation"))
        var rng = SplitMix(seed: 42)
        var opened = 0
        for round in 0..<300 {
            var bytes = image
            for _ in 0..<(1 + round % 8) {
                let i = SnapshotFormat.headerSize + Int(rng.next() % UInt64(bytes.count - SnapshotFormat.headerSize))
                bytes[i] = UInt8(truncatingIfNeeded: rng.next())
            }
            let sum = bytes.withUnsafeBytes { Checksum.words($0.baseAddress! + SnapshotFormat.headerSize, count: $0.count - SnapshotFormat.headerSize) }
            withUnsafeBytes(of: sum.littleEndian) { for (k, b) in $0.enumerated() { bytes[24 + k] = b } }
            guard let data = try? IndexData(storage: SnapshotStorage(copying: bytes)) else { continue }
            opened += 1
            let engine = SearchEngine(index: data)
            for q in ["ketamine", "naltrex", "\"opioid blocker\"", "adictive", "tms -infusion", "zzqqx "] {
                let r = engine.search(q, limit: 5)
                for h in r.hits { _ = engine.highlights(for: q, in: h.snippet) }
            }
            _ = engine.related(to: ContentReference("tms-therapy#what-is-tms"), limit: 3)
        }
        #expect(opened > 0)
    }

    /// A FIFO by the snapshot's name (or its stamp's) is no snapshot: opening it for reading had
    /// waited for a writer, so `search` and the browser hung on a blank screen (review H 5).
    @Test(arguments: [".pamphlet-index", ".pamphlet-index.verified"])
    func aFIFOWhereTheSnapshotGoesDoesNotBlock(_ name: String) throws {
        let c = try TempContent()
        if name.hasSuffix(".verified") {
            _ = SearchEngine.loadOrBuild(contentDirectory: c.dir) { c.library() }   // a real snapshot beside it
        }
        try? FileManager.default.removeItem(atPath: c.dir + "/" + name)
        #expect(mkfifo(c.dir + "/" + name, 0o644) == 0)
        let run = try BoundedRun.run(RepoPaths.binary.path, ["search", "naltrexone", "--content", c.dir, "--limit", "1"], timeout: 30)
        #expect(run.end == .exited(0), "\(run.end)\n\(run.stderr)")
        #expect(run.stdout.contains("Ketamine Drug Trials"), "\(run.stdout)")
    }

    @Test func atomicWriteReplacesAndLeavesNoTemporaryFile() throws {
        let c = try TempContent()
        let e = SearchEngine(library: c.library(), contentDirectory: c.dir)
        try e.writeSnapshot(to: c.snapshot)
        try e.writeSnapshot(to: c.snapshot)
        let names = try FileManager.default.contentsOfDirectory(atPath: c.dir)
        #expect(names.filter { $0.contains("tmp") }.isEmpty)
        #expect(throws: SnapshotError.self) { try e.writeSnapshot(to: c.dir + "/no/such/folder/index") }
    }

    @Test func readOnlyContentFallsBackToTheCache() throws {
        let c = try TempContent()
        let cache = NSTemporaryDirectory() + "pamphlet-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let paths = [c.dir + "/sub/does-not-exist/.pamphlet-index", cache + "/pamphlet/index-test"]
        // loadOrBuild with an explicit path writes there; the default list tries the content folder,
        // then the cache. Simulate an unwritable first candidate with a path under a missing folder.
        var written: String?
        let e = SearchEngine(library: c.library(), contentDirectory: c.dir)
        for p in paths {
            SnapshotFile.ensureDirectory(for: p == paths[0] ? "/proc/nope/x" : p)
            if (try? e.writeSnapshot(to: p)) != nil { written = p; break }
        }
        #expect(written == paths[1])
        #expect(SnapshotFile.cachePath(contentDirectory: c.dir)?.contains("/pamphlet/index-") == true)
    }

    @Test func fingerprintFollowsTheContent() throws {
        let c = try TempContent()
        let a = SnapshotFingerprint.of(contentDirectory: c.dir)
        #expect(a == SnapshotFingerprint.of(contentDirectory: c.dir))
        try Data([1]).write(to: URL(fileURLWithPath: c.snapshot))   // hidden files do not count
        #expect(a == SnapshotFingerprint.of(contentDirectory: c.dir))
        try "tms, transcranial magnetic stimulation, magnets\n".write(toFile: c.dir + "/synonyms.txt", atomically: true, encoding: .utf8)
        #expect(a != SnapshotFingerprint.of(contentDirectory: c.dir))
    }

    /// Every change that can change what the index holds changes the fingerprint; the order files
    /// are listed in cannot (the same files made in another order fingerprint alike).
    @Test func fingerprintSeesEveryChangeAndNoOrder() throws {
        let fm = FileManager.default
        func make(_ names: [String]) throws -> String {
            let dir = NSTemporaryDirectory() + "pamphlet-fp-\(UUID().uuidString)"
            for name in names {
                try fm.createDirectory(atPath: (dir + "/" + name as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(name.utf8).write(to: URL(fileURLWithPath: dir + "/" + name))
                try fm.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: dir + "/" + name)
            }
            return dir
        }
        let names = ["site.yaml", "content/a.md", "content/b.md", "content/sub/c.md", "synonyms.txt"]
        let one = try make(names), other = try make(names.reversed())
        defer { try? fm.removeItem(atPath: one); try? fm.removeItem(atPath: other) }
        let base = SnapshotFingerprint.of(contentDirectory: one)
        #expect(base == SnapshotFingerprint.of(contentDirectory: other))
        var seen: Set<UInt64> = [base]
        func changed(_ what: String, _ change: () throws -> Void) throws {
            try change()
            let now = SnapshotFingerprint.of(contentDirectory: one)
            #expect(!seen.contains(now), "\(what)")
            seen.insert(now)
        }
        try changed("moved to another folder") { try fm.moveItem(atPath: one + "/content/sub/c.md", toPath: one + "/content/c.md") }
        try changed("renamed") { try fm.moveItem(atPath: one + "/content/c.md", toPath: one + "/content/d.md") }
        try changed("touched") {
            try fm.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_001)], ofItemAtPath: one + "/content/a.md")
        }
        try changed("resized") {
            let h = try #require(FileHandle(forWritingAtPath: one + "/content/b.md"))
            try h.truncate(atOffset: 3)
            try h.close()
            try fm.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: one + "/content/b.md")
        }
        try changed("added") { try Data("x".utf8).write(to: URL(fileURLWithPath: one + "/content/e.md")) }
        try changed("removed") { try fm.removeItem(atPath: one + "/synonyms.txt") }
        let before = SnapshotFingerprint.of(contentDirectory: one)
        try Data("x".utf8).write(to: URL(fileURLWithPath: one + "/content/.hidden.md"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: one + "/content/a.md~"))
        #expect(before == SnapshotFingerprint.of(contentDirectory: one))
    }
}

/// A tiny seeded generator, so the fuzz test is repeatable.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
