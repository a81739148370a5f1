import ArgumentParser
import Foundation
import PamphletKit

/// `pamphlet check [DIR]`: validates a content folder and reports every problem in one run.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check content and report every problem as path:line:column.",
        discussion: """
            Reads site.yaml and every content/**/*.md, and prints each problem to standard output as \
            `path:line:column: error|warning: message` (the form editors and CI understand; a problem \
            with a folder as a whole, such as one with no pages, or a missing site.yaml is \
            `path: error: message`), then a \
            summary such as `2 errors, 1 warning in 7 files` to standard error. Problems come in \
            order of path and line, except that the links to a file that did not load follow that \
            file's own errors. Checks: UTF-8 text, \
            front matter present, closed and valid YAML, required keys (kind, title), known kinds and \
            keys, dates (YYYY-MM-DD), value types, duplicate ids, cross-references \
            `[text](pamphlet:doc#section)` and `related:` entries, checklists' items and outcomes, \
            pages past their `next_review` date, pages with no review dates, self-checks that \
            still have `pamphlet import`'s placeholder outcome texts (its header comment says so), \
            and synonyms.txt lines with fewer than two entries (warnings).

            With --json, prints one object instead: {"files", "errors", "warnings", "problems": \
            [{"path", "line", "column", "severity", "message"}]}, problems in the order above \
            (line and column are 0 where the text has none), nothing on standard error.

            Exits 1 if there is any error, 0 otherwise (warnings alone do not fail), 2 when DIR \
            does not exist. \
            DIR may also be a single .md file, a site.yaml or a synonyms.txt. For a .md file \
            inside a content folder (the nearest folder above it with a site.yaml), that folder is \
            loaded and only this file's problems are reported, its cross-references checked \
            against the other pages; when the file has none but other files have errors, the \
            summary says so (the browser and the kiosk load no edit until they are fixed; with \
            --json, "errorsInOtherFiles" counts them). A .md file outside any content folder is checked alone: \
            links to other pages are then not checked, and the summary says so (with --json, \
            "uncheckedLinks" counts them).

            Examples:
              pamphlet check                    check the bundled content
              pamphlet check ~/clinic-content
              pamphlet check ~/clinic-content/content/faq/ketamine-faq.md
              pamphlet check /srv/clinic-content/site.yaml
              pamphlet check --json | jq '.problems[] | select(.severity == "error")'
            """
    )

    @Argument(help: ArgumentHelp("Content folder or .md file to check (default: --content or the bundled content).",
                                 valueName: "DIR"))
    var directory: String?

    @OptionGroup var contentOptions: ContentOptions

    @Flag(help: "Print the problems and counts as JSON.")
    var json = false

    /// What `--json` prints.
    struct Report: Encodable {
        struct Problem: Encodable {
            var path: String
            var line: Int
            var column: Int
            var severity: String
            var message: String
        }
        var files: Int
        var errors: Int
        var warnings: Int
        var problems: [Problem]
        /// Only for a single .md file outside any content folder: its links to other pages, not checked.
        var uncheckedLinks: Int?
        /// Only for a single .md file without errors of its own in a content folder whose other files
        /// have errors: how many (the browser and the kiosk load no edit of the folder until they are fixed).
        var errorsInOtherFiles: Int?
    }

    func run() throws {
        let target: String
        if let directory {
            // A .md file is fine here; a missing path is not an empty folder (exit 2, as for --content).
            if let problem = ContentOptions.problem(with: directory, what: "", fileAllowed: true) {
                CLIOutput.printError("pamphlet: \(problem)")
                throw ExitCode(2)
            }
            target = directory
        } else {
            target = try contentOptions.directory()
        }
        var result: LoadResult
        // Links to other pages that were not checked (a .md file with no content folder around it).
        var uncheckedLinks: Int?
        // A .md file checked in its folder: errors in the folder's other files, and the folder.
        var elsewhere: (errors: Int, folder: String)?
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
            result = ContentLoader.load(directory: target)
            result.diagnostics += Self.pageWarnings(in: result.library, directory: target)
            result.diagnostics += SynonymTable.problems(inFileAt: (target as NSString).appendingPathComponent("synonyms.txt"),
                                                        shownAs: ContentLoader.displayPrefix(target) + "synonyms.txt")
        } else if let folder = Self.enclosingFolderLoad(of: target) {
            result = folder.result
            if folder.errorsElsewhere > 0 { elsewhere = (folder.errorsElsewhere, folder.directory) }
        } else {
            result = ContentLoader.load(directory: target)
            if target.lowercased().hasSuffix(".md") { uncheckedLinks = result.uncheckedReferences }
        }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        // Said only when this file is fine: its own errors come first.
        if errors > 0 { elsewhere = nil }
        let warnings = result.diagnostics.count - errors
        if json {
            // JSON escapes control characters itself; line 0 (the file as a whole) prints as 1, as in
            // text; a folder has no position (0 and 0).
            let problems = result.diagnostics.map {
                Report.Problem(path: $0.path, line: $0.hasPosition ? max(1, $0.line) : 0,
                               column: $0.hasPosition ? max(1, $0.column) : 0,
                               severity: $0.severity.rawValue, message: $0.message)
            }
            StandardOutput.line(try CLIOutput.json(Report(files: result.files.count, errors: errors,
                                                          warnings: warnings, problems: problems,
                                                          uncheckedLinks: uncheckedLinks,
                                                          errorsInOtherFiles: elsewhere?.errors)))
            if errors > 0 { throw ExitCode.failure }
            return
        }
        // Messages quote content (an unknown key, a bad value): cleaned like everything else printed.
        for diagnostic in result.diagnostics { StandardOutput.line(TerminalSafeText.clean(diagnostic.description)) }
        let counts = result.diagnostics.isEmpty ? "no problems"
            : "\(CLIOutput.count(errors, "error")), \(CLIOutput.count(warnings, "warning"))"
        // "no problems" must not read as "the kiosk will take it" when links were not followed (review G 3).
        var note = (uncheckedLinks ?? 0) > 0 ? " (links to other pages not checked: run `pamphlet check DIR`)" : ""
        if let elsewhere {
            // The file is fine, but the folder will not load, so the edit would not show (review I 3).
            note += "; the folder has \(CLIOutput.count(elsewhere.errors, "error")) in other files, so the browser "
                + "and the kiosk will not load it: run `pamphlet check \(elsewhere.folder)`"
        }
        // "in 0 files" (an empty folder without a site.yaml) read like a miscount.
        CLIOutput.printError(result.files.isEmpty ? counts + "; no files to read"
                             : counts + " in " + CLIOutput.count(result.files.count, "file") + note)
        if errors > 0 { throw ExitCode.failure }
    }

    /// Warnings `check` adds for a loaded folder's pages (the loader itself does not look at the calendar).
    static func pageWarnings(in library: Library, directory: String) -> [Diagnostic] {
        ReviewDue.warnings(in: library, directory: directory, today: RuntimeSupport.today())
            + ReviewDue.unfinished(in: library, directory: directory)
    }

    /// A .md file inside a content folder: the folder loaded, with only this file's problems, shown
    /// under the path as given. Nil when the file is in no content folder, or the folder's walk does
    /// not read it (a hidden file): it is then checked alone.
    /// `errorsElsewhere`: the errors in the folder's other files (site.yaml included), which stop
    /// the folder loading whatever this file holds.
    static func enclosingFolderLoad(of file: String) -> (result: LoadResult, errorsElsewhere: Int, directory: String)? {
        guard file.lowercased().hasSuffix(".md"), let folder = ContentLoader.enclosingFolder(of: file) else { return nil }
        var loaded = ContentLoader.load(directory: folder.directory)
        guard loaded.files.contains(folder.shownPath) else { return nil }
        loaded.diagnostics += pageWarnings(in: loaded.library, directory: folder.directory)
        let mine = loaded.diagnostics.filter { $0.path == folder.shownPath }.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.path = file
            return diagnostic
        }
        let elsewhere = loaded.diagnostics.filter { $0.path != folder.shownPath && $0.severity == .error }.count
        return (LoadResult(library: loaded.library, diagnostics: mine.sorted(), files: [file]), elsewhere, folder.directory)
    }
}
