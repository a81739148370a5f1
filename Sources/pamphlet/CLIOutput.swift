import Foundation
import PamphletKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small helpers shared by the `list`, `show` and `check` commands.
enum CLIOutput {
    /// Writes a line to standard error, content in it made safe for the terminal (diagnostics and
    /// messages quote titles, ids and what was typed).
    static func printError(_ text: String) {
        writeError(TerminalSafeText.clean(text) + "\n")
    }

    /// Writes `text` to standard error as it is. A failure is ignored: there is nowhere left to
    /// report it (Foundation's `FileHandle.write` would crash the process instead).
    static func writeError(_ text: String) {
        _ = StandardOutput.writeAll(text, to: STDERR_FILENO)
    }

    /// Loads a content folder for `search`, `list`, `show` and `index`. Problems in it are summed up
    /// in one line on standard error (a script would otherwise get the whole listing at every run;
    /// `pamphlet check` prints it), and the command works with whatever loaded.
    static func loadReportingErrors(_ directory: String) -> LoadResult {
        let result = ContentLoader.load(directory: directory)
        if let summary = problemSummary(result.diagnostics, directory: directory) { printError(summary) }
        return result
    }

    /// "pamphlet: 3 problems in the content (run `pamphlet check DIR` for details)", nil when there
    /// are none. Every diagnostic counts, as on the browser's home screen: warnings, and errors that
    /// kept a file out.
    static func problemSummary(_ diagnostics: [Diagnostic], directory: String) -> String? {
        guard !diagnostics.isEmpty else { return nil }
        return "pamphlet: \(count(diagnostics.count, "problem")) in the content "
            + "(run `pamphlet check \(shellQuoted(directory))` for details)"
    }

    /// `path` as typed at a shell prompt: as it is when every character is safe there, else in single quotes.
    static func shellQuoted(_ path: String) -> String {
        let safe = !path.isEmpty && path.unicodeScalars.allSatisfy { s in
            (s.value < 0x80 && (s.properties.isAlphabetic || ("0"..."9").contains(s))) || "/._-+,:@%=".unicodeScalars.contains(s)
        }
        return safe ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The terminal's width when standard output is a terminal, else 80.
    static func terminalWidth() -> Int {
        guard isatty(STDOUT_FILENO) == 1 else { return 80 }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    /// Pretty JSON with sorted keys (stable output for scripts and diffs), ending in a newline.
    /// DEL and C1 controls are escaped too (JSON requires it only below U+0020): the same strings,
    /// and nothing a terminal acts on when the JSON is read there.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        guard TerminalSafeText.containsControl(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if TerminalSafeText.isControl(scalar) && scalar.value >= 0x7F {
                out.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `1 error`, `2 warnings`.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

/// `{"id","title"}` of a section in JSON output; the id is `doc#slug`.
struct SectionJSON: Encodable {
    var id: String
    var title: String

    init(document: Document, section: Section) {
        id = "\(document.id)#\(section.id)"
        title = section.heading
    }
}

/// Plain words for a failed write, instead of Foundation's "The operation could not be completed".
enum WriteFailure {
    /// Names a path on the way to `target` that is a file rather than a folder, else the system's
    /// errno text (e.g. "Permission denied"), else Foundation's description.
    static func describe(_ error: Error, writing target: String) -> String {
        let fm = FileManager.default
        var folder = (target as NSString).deletingLastPathComponent
        while !folder.isEmpty && folder != "/" && folder != "." {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: folder, isDirectory: &isDirectory) {
                if !isDirectory.boolValue { return "\(folder): is a file, not a folder" }
                break
            }
            folder = (folder as NSString).deletingLastPathComponent
        }
        var nsError = error as NSError
        while true {
            if nsError.domain == NSPOSIXErrorDomain, let text = strerror(Int32(nsError.code)) { return String(cString: text) }
            guard let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError else { break }
            nsError = underlying
        }
        return error.localizedDescription
    }
}
