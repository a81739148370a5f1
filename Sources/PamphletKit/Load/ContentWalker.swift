import Foundation

/// Finds a content folder's Markdown files in a stable order (sorted paths), following symbolic
/// links but never into a loop: a link back to a folder already being read is reported and skipped.
enum ContentWalker {
    struct File {
        /// Path relative to the content root given to `load` (e.g. `content/faq/costs.md`).
        var relativePath: String
        var absolutePath: String
    }

    /// Markdown files under `absolute` (shown as `relative`); problems are reported with `display(relativePath)`.
    static func markdownFiles(in absolute: String, relative: String, display: (String) -> String,
                              diagnostics: inout [Diagnostic]) -> [File] {
        var files: [File] = []
        var ancestors: [String: String] = [:]
        walk(absolute, relative, display, &ancestors, &files, &diagnostics)
        return files
    }

    private static func walk(_ absolute: String, _ relative: String, _ display: (String) -> String,
                             _ ancestors: inout [String: String], _ files: inout [File], _ diagnostics: inout [Diagnostic]) {
        let fm = FileManager.default
        guard let real = realPath(absolute) else { return }
        if let first = ancestors[real] {
            diagnostics.append(.warning(display(relative), line: 1, column: 1,
                "symbolic link loop: this folder is '\(display(first))' again; skipped"))
            return
        }
        ancestors[real] = relative
        defer { ancestors[real] = nil }

        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: absolute)
        } catch {
            diagnostics.append(.error(display(relative), "cannot read folder: \(error.localizedDescription)"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let childAbsolute = (absolute as NSString).appendingPathComponent(name)
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: childAbsolute, isDirectory: &isDirectory) else {
                diagnostics.append(.warning(display(childRelative), "broken symbolic link; skipped"))
                continue
            }
            if isDirectory.boolValue {
                walk(childAbsolute, childRelative, display, &ancestors, &files, &diagnostics)
            } else if name.lowercased().hasSuffix(".md") {
                files.append(File(relativePath: childRelative, absolutePath: childAbsolute))
            }
        }
    }

    /// The canonical path with every symbolic link resolved (nil if it cannot be resolved).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
