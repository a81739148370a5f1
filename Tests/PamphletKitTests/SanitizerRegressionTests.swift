import Foundation
import Testing
@testable import PamphletKit

/// Bugs found by `scripts/sanitize` (AddressSanitizer / ThreadSanitizer), kept as tests. In a plain
/// build they check behaviour; under the sanitizer they re-create what the report needed.
@Suite struct SanitizerRegressionTests {
    /// `SnapshotFingerprint` copied each `dirent.d_name` whole (256 bytes); the last record of
    /// readdir's 32 KB buffer can be shorter, so the copy read past the buffer (ASan:
    /// heap-buffer-overflow, seen in `pamphlet search`). It takes a folder with enough entries to
    /// fill that buffer several times; 1,200 short names were enough, 3,000 long ones are used.
    @Test func fingerprintOfAFolderThatFillsReaddirsBuffer() throws {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("pamphlet-fingerprint-\(UUID().uuidString.prefix(8))")
        let sub = dir.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for i in 0..<3_000 {
            let name = "an-article-with-a-long-descriptive-file-name-\(i).md"
            #expect(FileManager.default.createFile(atPath: sub.appendingPathComponent(name).path, contents: Data("x".utf8)))
        }
        let first = SnapshotFingerprint.of(contentDirectory: dir.path)
        #expect(first == SnapshotFingerprint.of(contentDirectory: dir.path))
        // A new file changes it; hidden files and editor backups do not.
        #expect(FileManager.default.createFile(atPath: sub.appendingPathComponent(".hidden").path, contents: Data()))
        #expect(FileManager.default.createFile(atPath: sub.appendingPathComponent("draft.md~").path, contents: Data()))
        #expect(first == SnapshotFingerprint.of(contentDirectory: dir.path))
        #expect(FileManager.default.createFile(atPath: sub.appendingPathComponent("one-more.md").path, contents: Data()))
        #expect(first != SnapshotFingerprint.of(contentDirectory: dir.path))
    }
}
