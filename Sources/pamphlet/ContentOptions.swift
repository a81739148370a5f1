import ArgumentParser
import Foundation

/// `--content DIR`, shared by every command; without it the bundled content is used.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Content folder (holds site.yaml and content/).", valueName: "DIR"))
    var content: String?

    /// The folder to load: `--content`, else `$PAMPHLET_CONTENT`, else the bundled Assets.
    /// A folder that does not exist (or is a file) prints `pamphlet: content folder X does not exist`
    /// and exits with 2: loaded as it is, it would be empty content, and `search` would answer
    /// "No results" (exit 1) as if the words were simply not there.
    func directory() throws -> String {
        let path = try unchecked()
        if let problem = Self.problem(with: path) {
            CLIOutput.printError("pamphlet: \(problem)")
            throw ExitCode(2)
        }
        return path
    }

    /// The folder named by `--content`, `$PAMPHLET_CONTENT` or the bundle, not yet checked (the kiosk
    /// checks it itself, to report a missing folder in its log). With none of them, says how to name
    /// one and exits with 2 (the arguments were fine: the content is missing, as when `--content`
    /// names no folder).
    func unchecked() throws -> String {
        if let content { return content }
        if let env = ProcessInfo.processInfo.environment["PAMPHLET_CONTENT"], !env.isEmpty { return env }
        if let bundled = BundledContent.locate() { return bundled }
        CLIOutput.printError("pamphlet: no content folder found: pass --content DIR or set PAMPHLET_CONTENT=DIR "
            + "(there is no bundled content in ../share/pamphlet/Assets beside this program).")
        throw ExitCode(2)
    }

    /// Why `path` cannot be a content folder, or nil when it is an existing folder.
    /// `what` names it in the message ("content folder"; empty: the path alone).
    static func problem(with path: String, what: String = "content folder", fileAllowed: Bool = false) -> String? {
        let name = what.isEmpty ? path : "\(what) \(path)"
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            let reason = code == ENOENT || code == ENOTDIR ? "does not exist" : "cannot be read (\(String(cString: strerror(code))))"
            return "\(name) \(reason)"
        }
        if (info.st_mode & S_IFMT) != S_IFDIR && !fileAllowed { return "\(name) is not a folder" }
        if (info.st_mode & S_IFMT) == S_IFDIR, let root = enclosingContentFolder(of: path) {
            // Loaded as it is, every link to a page outside it was an error and the browser wrote
            // its snapshot into the content tree (review J 18).
            return "\(path) is a folder inside the content folder \(root) (the folder that holds site.yaml "
                + "and content/): give that folder instead, e.g. --content \(CLIOutput.shellQuoted(root))"
        }
        return nil
    }

    /// The content folder `path` lies inside when it is `content/` or a folder below it, and has
    /// no site.yaml of its own: the nearest folder above it holding site.yaml and that content/.
    static func enclosingContentFolder(of path: String) -> String? {
        let fm = FileManager.default
        let start = URL(fileURLWithPath: path).standardized
        if fm.fileExists(atPath: start.appendingPathComponent("site.yaml").path) { return nil }
        var below = [start.lastPathComponent]
        var folder = start.deletingLastPathComponent()
        for _ in 0..<32 {
            // `below` runs from the folder just under `folder` down to `path`.
            if below.first == "content", fm.fileExists(atPath: folder.appendingPathComponent("site.yaml").path) {
                return folder.path
            }
            if folder.path == "/" { return nil }
            below.insert(folder.lastPathComponent, at: 0)
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}

/// Finds the bundled Assets: next to an installed binary (`../share/pamphlet/Assets`), else, for a
/// binary still inside the source tree it was built from (`.build/...`), that tree's Assets.
///
/// A copy of the binary elsewhere does not fall back to the build machine's source tree: `search`
/// and `index` would write their snapshot into the checkout.
enum BundledContent {
    static func locate() -> String? {
        let fm = FileManager.default
        let exe = executable()
        // Sources/pamphlet/ContentOptions.swift -> the repository's root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().standardized.path
        var candidates = [exe.deletingLastPathComponent().appendingPathComponent("../share/pamphlet/Assets").standardized.path]
        if exe.path.hasPrefix(root + "/") { candidates.append(root + "/Assets") }
        return candidates.first { fm.fileExists(atPath: ($0 as NSString).appendingPathComponent("site.yaml")) }
    }

    /// The running binary, symbolic links resolved. `argv[0]` is only what was typed (`pamphlet`
    /// when found through PATH): Linux names the file in /proc/self/exe.
    static func executable() -> URL {
        let link = URL(fileURLWithPath: "/proc/self/exe")
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link.path) {
            return URL(fileURLWithPath: target).resolvingSymlinksInPath()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    }
}
