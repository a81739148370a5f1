import Foundation
import Testing
@testable import PamphletKit
#if canImport(Glibc)
import Glibc
#endif

/// A mapped snapshot's section texts are read from the file with `pread` (`SnapshotStorage.copy`),
/// not through the mapping: the same answers as the image in memory, and the pages stay out of the
/// process's resident set.
@Suite struct SnapshotTextReadTests {
    /// Sections of made-up words (they compress about as well as prose), so the texts fill
    /// `sections × wordsPerSection × ~7` bytes; `marker` is written once, into `markedSection`.
    static func library(sections: Int, wordsPerSection: Int, markedSection: Int, marker: String, seed: UInt64) -> Library {
        var random = SplitMix(seed: seed)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let vocabulary = (0..<3000).map { _ in
            String((0..<(3 + Int(random.next() % 7))).map { _ in letters[Int(random.next() % 26)] })
        }
        var parts: [(String, String)] = []
        for s in 0..<sections {
            var words = (0..<wordsPerSection).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
            if s == markedSection { words[wordsPerSection * 3 / 4] = marker }
            parts.append(("Part \(s)", words.joined(separator: " ")))
        }
        return Library(site: Site(name: "Test Clinic"), documents: [SearchFixtures.doc("words", title: "Words", sections: parts)])
    }

    /// The library's engine built in memory, and the same opened from a snapshot file in `dir`.
    static func builtAndMapped(_ library: Library, in dir: String) throws -> (built: SearchEngine, mapped: SearchEngine) {
        let built = SearchEngine(library: library)
        let path = dir + "/.pamphlet-index"
        try built.writeSnapshot(to: path)
        return (built, try SearchEngine.open(snapshotPath: path))
    }

    static func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "pamphlet-textread-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func textsReadFromTheFileAreTheImagesOwn() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Sections of ~25 KB: four frames each, markers in the third.
        let library = Self.library(sections: 6, wordsPerSection: 3500, markedSection: 4, marker: "quokkamarker", seed: 7)
        let (built, mapped) = try Self.builtAndMapped(library, in: dir)
        #expect(mapped.index.storage.readsThroughFile)
        #expect(!built.index.storage.readsThroughFile)
        for s in 0..<built.index.sectionCount {
            #expect(mapped.index.text(ofSection: s) == built.index.text(ofSection: s), "section \(s)")
        }
        #expect(mapped.index.textChunks(ofSection: 5).count >= 3)
        let results = mapped.search("quokkamarker", limit: 5)
        #expect(results == built.search("quokkamarker", limit: 5))
        #expect(results.hits.first?.snippet.contains("quokkamarker") == true)
        for word in ["quokkamark", "quokkamraker"] { #expect(mapped.search(word, limit: 5) == built.search(word, limit: 5), "\(word)") }
        // The mapped engine writes the same file it was opened from (its texts read from the file).
        try mapped.writeSnapshot(to: dir + "/copy")
        #expect(FileManager.default.contents(atPath: dir + "/copy") == FileManager.default.contents(atPath: dir + "/.pamphlet-index"))
    }

    @Test func aFileThatShrankReadsAsDamagedTextNotACrash() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let library = Self.library(sections: 40, wordsPerSection: 600, markedSection: 39, marker: "quokkamarker", seed: 8)
        let (built, mapped) = try Self.builtAndMapped(library, in: dir)
        let last = built.index.sectionCount - 1
        let frame = mapped.index.texts.buffer(mapped.index.textChunks(ofSection: last).lowerBound)
        // Cut the file inside the last section's frame, as another program could. (Only the texts
        // are read past that point here: touching the mapping beyond the end would be SIGBUS,
        // which is why snapshots are only ever replaced by a rename.)
        let offset = UnsafeRawPointer(frame.baseAddress!) - mapped.index.storage.base
        #expect(truncate(dir + "/.pamphlet-index", off_t(offset + 4)) == 0)
        var buffer = [UInt8](repeating: 0, count: frame.count)
        #expect(!buffer.withUnsafeMutableBufferPointer { mapped.index.storage.copy(frame, to: $0.baseAddress!) })
        #expect(mapped.index.text(ofSection: last).isEmpty)
        #expect(mapped.index.textDecoder.contentSize(frame) == nil)
    }

    /// A directory that places another array inside the texts (a hostile or buggy writer, with a
    /// valid checksum) keeps the texts mapped: that array is read through the mapping.
    @Test func anArrayInsideTheTextsKeepsThemMapped() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let library = Self.library(sections: 200, wordsPerSection: 600, markedSection: 100, marker: "quokkamarker", seed: 10)
        let path = dir + "/.pamphlet-index"
        try SearchEngine(library: library).writeSnapshot(to: path)
        var bytes = [UInt8](FileManager.default.contents(atPath: path)!)
        func u64(_ at: Int) -> Int { Int(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt64.self) }) }
        let checkpoints = SnapshotFormat.headerSize + 16 * SnapshotArray.checkpoints.rawValue
        let texts = SnapshotFormat.headerSize + 16 * SnapshotArray.textBytes.rawValue
        #expect(u64(checkpoints + 8) < u64(texts + 8) / 2)
        let inside = (u64(texts) + u64(texts + 8) / 2) & ~7
        withUnsafeBytes(of: UInt64(inside).littleEndian) { for (k, b) in $0.enumerated() { bytes[checkpoints + k] = b } }
        let sum = bytes.withUnsafeBytes { Checksum.words($0.baseAddress! + SnapshotFormat.headerSize, count: $0.count - SnapshotFormat.headerSize) }
        withUnsafeBytes(of: sum.littleEndian) { for (k, b) in $0.enumerated() { bytes[24 + k] = b } }
        try SnapshotFile.writeAtomically(bytes, to: path)

        let mapped = try SearchEngine.open(snapshotPath: path, fullCheck: true)
        // Snippets read the (now nonsense) checkpoints from the middle of the texts: no crash.
        for q in ["quokkamarker", "quokkamark", "quokkamraker"] { _ = mapped.search(q, limit: 10) }
        #expect(mapped.search("quokkamarker", limit: 1).hits.first?.reference.sectionID == "part-100")
    }

    #if os(Linux)
    /// Whether the page holding `address` is mapped into this process (`/proc/self/pagemap`, bit 63).
    static func isResident(_ address: UnsafeRawPointer) -> Bool? {
        let fd = open("/proc/self/pagemap", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var entry: UInt64 = 0
        let page = UInt(bitPattern: address) / UInt(sysconf(Int32(_SC_PAGESIZE)))
        guard pread(fd, &entry, 8, off_t(page * 8)) == 8 else { return nil }
        return entry >> 63 == 1
    }

    @Test func aSnippetLeavesItsTextOutOfTheResidentSet() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // ~0.9 MB of frames, the marked section in the middle, far from the pages the texts share
        // with the arrays around them.
        let library = Self.library(sections: 600, wordsPerSection: 600, markedSection: 300, marker: "quokkamarker", seed: 9)
        let built = SearchEngine(library: library)
        let path = dir + "/.pamphlet-index"
        try built.writeSnapshot(to: path)
        let mapped = try SearchEngine.open(snapshotPath: path)
        let marked = 1 + 300   // the document's intro comes first
        let frames = mapped.index.textChunks(ofSection: marked)
        let frame = mapped.index.texts.buffer(frames.lowerBound)
        let textStart = UnsafeRawPointer(mapped.index.texts.buffer(0).baseAddress!)
        let textEnd = UnsafeRawPointer(mapped.index.texts.buffer(mapped.index.texts.count - 1).baseAddress!)
        #expect(UnsafeRawPointer(frame.baseAddress!) - textStart > 64 * 1024)
        #expect(textEnd - UnsafeRawPointer(frame.baseAddress!) > 64 * 1024)

        #expect(Self.isResident(frame.baseAddress!) == false)
        let hit = mapped.search("quokkamarker", limit: 1).hits.first
        #expect(hit?.snippet.contains("quokkamarker") == true)
        #expect(Self.isResident(frame.baseAddress!) == false)
        #expect(Self.isResident(frame.baseAddress! + frame.count - 1) == false)
    }
    #endif
}
