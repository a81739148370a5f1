import ArgumentParser
import Foundation

/// `--content DIR`, shared by every command; without it the bundled content is used.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Content folder (holds site.yaml and content/).", valueName: "DIR"))
    var content: String?

    /// The folder to load: `--content`, else `$PAMPHLET_CONTENT`, else the bundled Assets.
    func directory() throws -> String {
        if let content { return content }
        if let env = ProcessInfo.processInfo.environment["PAMPHLET_CONTENT"], !env.isEmpty { return env }
        if let bundled = BundledContent.locate() { return bundled }
        throw ValidationError("No content folder found. Pass --content DIR.")
    }
}

/// Finds the bundled Assets: next to an installed binary (`../share/pamphlet/Assets`), else in the source tree.
enum BundledContent {
    static func locate() -> String? {
        let fm = FileManager.default
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [
            exe.deletingLastPathComponent().appendingPathComponent("../share/pamphlet/Assets").standardized.path,
            // Built from the repository: Sources/pamphlet/ContentOptions.swift -> repo root.
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Assets").path,
        ]
        return candidates.first { fm.fileExists(atPath: ($0 as NSString).appendingPathComponent("site.yaml")) }
    }
}
