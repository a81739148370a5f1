import Foundation
import Logging
import PamphletKit
import PamphletTerminal
import PamphletUI

/// Hot reload, for the kiosk and the browser alike: polls the content folder about once a second
/// on its own thread (it sleeps in between: no CPU while nothing changes); on a change, loads and
/// indexes the content there, and hands the result to the UI loop through the mailbox
/// (`Msg.contentReloaded`; the app keeps the reader's page and place). Content with errors is not
/// swapped in: the old content stays, the diagnostics go to the log, and the app is told
/// (`Msg.contentReloadRefused`: the browser says so on its status line, the kiosk shows patients nothing).
enum ContentReloader {
    static func start(directory: String, interval: Double = 1, mailbox: Mailbox, logger: Logger) {
        let url = URL(fileURLWithPath: directory)
        let thread = Thread {
            var watcher = ContentWatcher(directory: url)
            while true {
                Thread.sleep(forTimeInterval: interval)
                guard watcher.poll() else { continue }
                switch load(directory: directory, logger: logger, purpose: "reload") {
                case .loaded(let loaded): mailbox.post(.contentReloaded(loaded))
                case .refused(let errors): mailbox.post(.contentReloadRefused(errors: errors))
                }
            }
        }
        thread.name = "pamphlet-content-watch"
        thread.qualityOfService = .utility
        thread.start()
    }

    enum Outcome {
        case loaded(LoadedContent)
        /// Errors in the content (or no documents): `errors` is how many.
        case refused(errors: Int)

        var content: LoadedContent? {
            if case .loaded(let c) = self { return c }
            return nil
        }
    }

    /// Loads and indexes content; logs diagnostics. Refused when it has errors (or no documents).
    static func load(directory: String, logger: Logger, purpose: String) -> Outcome {
        let result = ContentLoader.load(directory: directory)
        for diagnostic in result.diagnostics {
            switch diagnostic.severity {
            case .error: logger.error("content: \(diagnostic.description)")
            case .warning: logger.warning("content: \(diagnostic.description)")
            }
        }
        if result.diagnostics.hasErrors || result.library.documents.isEmpty {
            let count = result.diagnostics.filter { $0.severity == .error }.count
            let consequence = purpose == "reload" ? "keeping the content on screen" : "nothing to show"
            logger.error("\(purpose) refused: \(count) error(s) in the content\(result.library.documents.isEmpty ? " (no documents)" : ""); \(consequence)")
            return .refused(errors: max(count, 1))
        }
        // The warnings go along: the browser's home screen counts them ("⚠ 2 problems").
        let loaded = LoadedContent(library: result.library, engine: SearchEngine(library: result.library, contentDirectory: directory),
                                   diagnostics: result.diagnostics)
        logger.info("\(purpose): \(result.library.documents.count) documents loaded")
        return .loaded(loaded)
    }
}
