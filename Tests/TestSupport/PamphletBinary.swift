import Foundation

/// Finds the `pamphlet` executable the tests should run.
public enum PamphletBinary {
    /// `PAMPHLET_BINARY` if set; else a `pamphlet` in the build products folder holding the test
    /// bundle (whatever `--scratch-path` was used); else `.build/debug/pamphlet` in the repository.
    public static var url: URL {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["PAMPHLET_BINARY"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        let starts = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0])]
        for start in starts {
            var dir = start.standardizedFileURL
            for _ in 0..<4 {
                let candidate = dir.appendingPathComponent("pamphlet")
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue,
                   fm.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                dir = dir.deletingLastPathComponent()
            }
        }
        return RepoPaths.binary
    }
}
