import Foundation

/// What a content folder looks like on disk: every file's relative path, size and modification time.
/// Two scans differ when a file was added, removed, resized or rewritten. No clock is read: the caller
/// decides when to scan (the kiosk polls about once a second).
public struct ContentFingerprint: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var size: Int
        /// Modification time as seconds since 1970, as the file system reports it.
        public var modified: Double
    }

    public let entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries.sorted { $0.path < $1.path }
    }

    /// Scans `directory` recursively. Hidden files and editor backups (`.x.swp`, `x~`) are left out,
    /// so an editor's scratch files do not trigger reloads. A missing folder gives an empty fingerprint.
    public static func scan(_ directory: URL) -> ContentFingerprint {
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        guard let walker = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]
        ) else { return ContentFingerprint(entries: []) }
        let base = directory.standardizedFileURL.path
        var entries: [Entry] = []
        for case let url as URL in walker {
            guard !url.lastPathComponent.hasSuffix("~"),
                  let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true
            else { continue }
            var path = url.standardizedFileURL.path
            if path.hasPrefix(base) { path = String(path.dropFirst(base.count)) }
            entries.append(Entry(path: path, size: values.fileSize ?? 0,
                                 modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0))
        }
        return ContentFingerprint(entries: entries)
    }
}

/// Polls a content folder and says when it changed since the last poll (hot reload).
public struct ContentWatcher: Sendable {
    public let directory: URL
    public private(set) var last: ContentFingerprint

    /// Takes the first fingerprint now, so only later changes are reported.
    public init(directory: URL) {
        self.directory = directory
        last = ContentFingerprint.scan(directory)
    }

    /// Scans again; true when anything differs from the previous scan.
    public mutating func poll() -> Bool {
        let now = ContentFingerprint.scan(directory)
        defer { last = now }
        return now != last
    }
}
