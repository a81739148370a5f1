import Foundation
import PamphletKit
import PamphletUI

/// The repository's bundled content (`Assets/`), loaded once with the real loader and search engine.
public enum BundledContent {
    /// The repository root: `$PAMPHLET_ROOT`, else found from this file's place (Fuzz/Sources/FuzzSupport).
    public static let root: URL = {
        if let env = ProcessInfo.processInfo.environment["PAMPHLET_ROOT"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    public static var assets: String { root.appendingPathComponent("Assets").path }

    public static let loaded: LoadedContent = {
        let result = ContentLoader.load(directory: assets)
        precondition(!result.library.documents.isEmpty, "no bundled content at \(assets)")
        return LoadedContent(library: result.library,
                             engine: SearchEngine(library: result.library, contentDirectory: assets))
    }()

    /// A second load of the same folder: a different object, as a hot reload delivers.
    public static let reloaded: LoadedContent = {
        let result = ContentLoader.load(directory: assets)
        return LoadedContent(library: result.library, engine: SearchEngine(library: result.library))
    }()

    /// A library holding only the first document: a reload that takes pages away from under the reader.
    public static let shrunk: LoadedContent = {
        let library = Library(site: loaded.library.site, documents: Array(loaded.library.documents.prefix(1)))
        return LoadedContent(library: library, engine: SearchEngine(library: library))
    }()
}

/// The resident set size now (from /proc/self/statm) and the peak (getrusage), in kilobytes.
public enum Memory {
    public static var residentKB: Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }

    public static var peakKB: Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss
    }
}
