import Foundation

/// Paths of the repository, found from this file's location, for tests that read real files.
public enum RepoPaths {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static var assets: URL { root.appendingPathComponent("Assets") }
    /// The shared seeds folder beside the repository (`../shared/seeds`), if present.
    public static var seeds: URL { root.deletingLastPathComponent().appendingPathComponent("shared/seeds") }
    /// The built `pamphlet` binary: `$PAMPHLET_BINARY`, else the one beside the running test bundle
    /// (so `swift test --scratch-path .build-x` tests its own build), else `.build/debug/pamphlet`.
    public static var binary: URL {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["PAMPHLET_BINARY"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        // Test bundles live in the build folder (`.build/debug/PamphletPackageTests.xctest`), next to the binary.
        let starts = [Bundle.main.bundleURL, Bundle.main.executableURL, CommandLine.arguments.first.map { URL(fileURLWithPath: $0) }]
        for start in starts.compactMap({ $0 }) {
            var folder = start.standardizedFileURL
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("pamphlet")
                var isDirectory: ObjCBool = false
                if fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   fm.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                folder.deleteLastPathComponent()
            }
        }
        return root.appendingPathComponent(".build/debug/pamphlet")
    }
}
