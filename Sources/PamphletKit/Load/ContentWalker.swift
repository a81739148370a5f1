import Foundation

/// Finds a content folder's Markdown files in a stable order (sorted paths), following symbolic
/// links but never into a loop: a link back to a folder already being read is reported and skipped,
/// and a folder or file reached again by another path (links fanning out) is read only once.
enum ContentWalker {
    struct File {
        /// Path relative to the content root given to `load` (e.g. `content/faq/costs.md`).
        var relativePath: String
        var absolutePath: String
    }

    /// Markdown files under `absolute` (shown as `relative`); problems are reported with `display(relativePath)`.
    static func markdownFiles(in absolute: String, relative: String, display: @escaping (String) -> String,
                              diagnostics: inout [Diagnostic]) -> [File] {
        var walk = Walk(display: display, root: realPath(absolute) ?? absolute, rootRelative: relative)
        walk.folder(absolute, relative)
        diagnostics += walk.diagnostics
        return walk.files
    }

    private struct Walk {
        let display: (String) -> String
        /// Real path of the folder being walked and the name it is shown as.
        let root: String
        let rootRelative: String
        var files: [File] = []
        var diagnostics: [Diagnostic] = []
        /// Real paths of the folders being read (the current path from the root), to spot loops.
        var ancestors: [String: String] = [:]
        /// Real paths already read, with the path they were first read as.
        var seenFolders: [String: String] = [:]
        var seenFiles: [String: String] = [:]

        /// A folder as named in a diagnostic: the walked folder itself without the "/" that
        /// `display("")` ends in ("." when it is the current folder).
        func shownFolder(_ relative: String) -> String {
            let shown = display(relative)
            guard relative.isEmpty else { return shown }
            return shown.isEmpty ? "." : shown == "/" ? shown : String(shown.dropLast())
        }

        mutating func folder(_ absolute: String, _ relative: String) {
            guard let real = ContentWalker.realPath(absolute) else { return }
            if let first = ancestors[real] {
                diagnostics.append(.folder(shownFolder(relative), severity: .warning,
                    "symbolic link loop: this folder is '\(display(first))' again; skipped"))
                return
            }
            if let first = seenFolders[real] {
                diagnostics.append(.folder(shownFolder(relative), severity: .warning,
                    "same folder as '\(display(first))' (a symbolic link); read once, skipped here"))
                return
            }
            ancestors[real] = relative
            seenFolders[real] = relative
            defer { ancestors[real] = nil }
            entries(absolute, relative)
        }

        mutating func entries(_ absolute: String, _ relative: String) {
            let fm = FileManager.default

            let names: [String]
            do {
                names = try fm.contentsOfDirectory(atPath: absolute)
            } catch {
                diagnostics.append(.folder(shownFolder(relative), "cannot read folder: \(error.localizedDescription)"))
                return
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let childAbsolute = (absolute as NSString).appendingPathComponent(name)
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: childAbsolute, isDirectory: &isDirectory) else {
                    // A link that never reaches a file: a loop (a -> b -> a) or a missing target.
                    var st = stat()
                    let loops = stat(childAbsolute, &st) != 0 && errno == ELOOP
                    diagnostics.append(.warning(display(childRelative), loops
                        ? "symbolic link loop (it leads back to itself, never to a file); skipped"
                        : "broken symbolic link (what it points to does not exist); skipped"))
                    continue
                }
                if isDirectory.boolValue || name.lowercased().hasSuffix(".md"),
                   let target = linkTargetInsideRoot(childAbsolute) {
                    // A link to something the walk reads under its own name anyway: skip it, so each
                    // file is named by where it really is. A link to a folder being read is a loop.
                    let real = ContentWalker.realPath(childAbsolute) ?? ""
                    let message = ancestors[real].map { "symbolic link loop: this folder is '\(display($0))' again; skipped" }
                        ?? "symbolic link to '\(display(target))', which is read there; skipped"
                    diagnostics.append(.warning(display(childRelative), message))
                    continue
                }
                if isDirectory.boolValue {
                    folder(childAbsolute, childRelative)
                } else if name.lowercased().hasSuffix(".md") {
                    if let kind = Self.specialFileKind(childAbsolute) {
                        // Reading a FIFO waits for a writer; a device never ends (review H 6 had read
                        // "cannot read file (permissions?)").
                        diagnostics.append(.warning(display(childRelative), "not a regular file (\(kind)); skipped"))
                        continue
                    }
                    let real = ContentWalker.realPath(childAbsolute) ?? childAbsolute
                    if let first = seenFiles[real] {
                        diagnostics.append(.warning(display(childRelative),
                            "same file as '\(display(first))' (a symbolic link); read once, skipped here"))
                        continue
                    }
                    seenFiles[real] = childRelative
                    files.append(File(relativePath: childRelative, absolutePath: childAbsolute))
                }
            }
        }

        /// What the file at `path` (links followed) is when it is not a regular file: "a FIFO", "a
        /// device", "a socket"; nil for a regular file or one that cannot be examined.
        static func specialFileKind(_ path: String) -> String? {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            switch st.st_mode & S_IFMT {
            case S_IFREG: return nil
            case S_IFIFO: return "a FIFO"
            case S_IFCHR, S_IFBLK: return "a device"
            case S_IFSOCK: return "a socket"
            default: return "a special file"
            }
        }

        /// For a symbolic link whose target lies inside the walked folder: the target's path as shown
        /// (e.g. `content/faq`). Nil for anything else, including links that leave the folder.
        func linkTargetInsideRoot(_ path: String) -> String? {
            guard (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil,
                  let real = ContentWalker.realPath(path) else { return nil }
            if real == root { return rootRelative.isEmpty ? "." : rootRelative }
            guard real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return nil }
            let inside = String(real.dropFirst(root.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            return rootRelative.isEmpty ? inside : rootRelative + "/" + inside
        }
    }

    /// The canonical path with every symbolic link resolved (nil if it cannot be resolved).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
