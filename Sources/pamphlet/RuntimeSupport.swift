import ArgumentParser
import Foundation
import PamphletKit
import PamphletTerminal
import PamphletUI

/// What `browse` and `kiosk` share around the terminal runtime: the terminal check, the theme,
/// NO_COLOR, loading content, today's date, and turning how a run ended into an exit code.
enum RuntimeSupport {
    /// Exits with 2 and a clear message unless standard input and output are a terminal.
    static func requireTerminal() throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            printError("pamphlet: \(TerminalError.notATerminal.description) "
                + "To read content without the browser, try `pamphlet show` or `pamphlet search`.")
            throw ExitCode(2)
        }
    }

    /// The theme: `--theme` if given (an unknown name is a usage error), else `site.yaml`'s `theme`
    /// (an unknown name there is a warning), else the default.
    static func theme(flag: String?, site: String?) throws -> Theme {
        let names = Theme.all.map(\.name).joined(separator: ", ")
        if let flag {
            guard let theme = Theme.named(flag) else {
                throw ValidationError("Unknown theme \"\(flag)\". Themes: \(names).")
            }
            return theme
        }
        if let site, !site.isEmpty {
            if let theme = Theme.named(site) { return theme }
            printError("pamphlet: warning: site.yaml: unknown theme \"\(site)\" (themes: \(names)); using default.")
        }
        return .standard
    }

    /// NO_COLOR (https://no-color.org): any non-empty value turns colour off.
    static var noColor: Bool {
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"] { return !value.isEmpty }
        return false
    }

    /// Loads content and its search engine. Warnings go to stderr; errors too, and when nothing
    /// loaded at all the command exits with 1.
    static func loadContent(_ options: ContentOptions) throws -> LoadedContent {
        let directory = try options.directory()
        let result = ContentLoader.load(directory: directory)
        for diagnostic in result.diagnostics { printError(diagnostic.description) }
        guard !result.library.documents.isEmpty else {
            printError("pamphlet: no documents could be loaded from \(directory).")
            throw ExitCode(1)
        }
        // The snapshot (when it matches the content) spares the index build; synonyms come from the folder.
        // Read into memory, not mapped: the browser stays up for hours, and a snapshot truncated in
        // place under a mapping would end it with SIGBUS at its next search.
        let engine = SearchEngine.loadOrBuild(contentDirectory: directory, access: .copied) { result.library }.engine
        // The diagnostics (already on stderr) also give the home screen its "N problems" notice.
        return LoadedContent(library: result.library, engine: engine, diagnostics: result.diagnostics)
    }

    /// Today in the local time zone, for review dates (the app core never reads a clock), or the
    /// `PAMPHLET_TODAY=YYYY-MM-DD` date: what `check` and the browser would say on that day (and
    /// tests that do not change with the calendar).
    static func today() -> CalendarDate {
        if let given = ProcessInfo.processInfo.environment["PAMPHLET_TODAY"] {
            if let date = CalendarDate(iso: given) { return date }
            // Said, not ignored: a check "as of" a mistyped date would look clean.
            printError("pamphlet: PAMPHLET_TODAY=\(given) is not a date written YYYY-MM-DD; using today's date")
        }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// Runs a program in the terminal; maps a terminal that cannot be opened to exit code 2 and
    /// a signal to 128 + its number (the shell's convention).
    static func run<P: Program>(_ program: inout P, options: RuntimeOptions, mailbox: Mailbox? = nil,
                                perform: ((Effect) -> [Msg])? = nil) throws {
        let outcome: RunOutcome
        do {
            outcome = try TerminalRuntime.run(&program, options: options, mailbox: mailbox, perform: perform)
        } catch let error as TerminalError {
            printError("pamphlet: \(error.description)")
            throw ExitCode(2)
        }
        if case .signal(let sig) = outcome { throw ExitCode(128 + sig) }
    }

    static func printError(_ message: String) {
        CLIOutput.printError(message)
    }
}
