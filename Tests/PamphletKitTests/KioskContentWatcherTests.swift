import Foundation
import Testing
@testable import PamphletKit

@Suite("Kiosk content watcher")
struct KioskContentWatcherTests {
    private func makeFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "name: Clinic\n".write(to: dir.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        try "# A\n".write(to: dir.appendingPathComponent("content/a.md"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func unchangedFolderReportsNothing() throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var watcher = ContentWatcher(directory: dir)
        #expect(watcher.last.entries.map(\.path) == ["/content/a.md", "/site.yaml"])
        let first = watcher.poll(), second = watcher.poll()
        #expect(!first && !second)
    }

    enum Change: CaseIterable { case edit, add, remove, touch }

    @Test(arguments: Change.allCases)
    func changesAreReportedOnce(_ change: Change) throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var watcher = ContentWatcher(directory: dir)
        let a = dir.appendingPathComponent("content/a.md")
        switch change {
        case .edit: try "# A, longer\n".write(to: a, atomically: false, encoding: .utf8)
        case .add: try "# B\n".write(to: dir.appendingPathComponent("content/b.md"), atomically: true, encoding: .utf8)
        case .remove: try FileManager.default.removeItem(at: a)
        case .touch:
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: a.path)
        }
        let first = watcher.poll(), second = watcher.poll()
        #expect(first && !second)
    }

    @Test func editorScratchFilesAreIgnored() throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var watcher = ContentWatcher(directory: dir)
        try "x".write(to: dir.appendingPathComponent("content/.a.md.swp"), atomically: true, encoding: .utf8)
        try "x".write(to: dir.appendingPathComponent("content/a.md~"), atomically: true, encoding: .utf8)
        let changed = watcher.poll()
        #expect(!changed)
    }

    @Test func missingFolderIsEmpty() {
        #expect(ContentFingerprint.scan(URL(fileURLWithPath: "/nonexistent/kiosk")).entries.isEmpty)
    }
}
