import Foundation

/// Paths of the repository, found from this file's location, for tests that read real files.
public enum RepoPaths {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static var assets: URL { root.appendingPathComponent("Assets") }
    /// The shared seeds folder beside the repository (`../shared/seeds`), if present.
    public static var seeds: URL { root.deletingLastPathComponent().appendingPathComponent("shared/seeds") }
    /// The debug build's `pamphlet` binary.
    public static var binary: URL { root.appendingPathComponent(".build/debug/pamphlet") }
}
