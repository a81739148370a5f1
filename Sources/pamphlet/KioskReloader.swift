import Foundation
import Logging
import PamphletKit
import PamphletTerminal
import PamphletUI

/// Hot reload for the kiosk: polls the content folder about once a second on its own thread; on a
/// change, loads and indexes the content there, and hands the result to the UI loop through the
/// mailbox. Content with errors is not swapped in: the old content stays and staff get the
/// diagnostics in the log.
enum KioskReloader {
    static func start(directory: String, interval: Double = 1, mailbox: Mailbox, logger: Logger) {
        let url = URL(fileURLWithPath: directory)
        let thread = Thread {
            var watcher = ContentWatcher(directory: url)
            while true {
                Thread.sleep(forTimeInterval: interval)
                guard watcher.poll() else { continue }
                if let loaded = load(directory: directory, logger: logger, purpose: "reload") {
                    mailbox.post(.contentReloaded(loaded))
                }
            }
        }
        thread.name = "pamphlet-content-watch"
        thread.qualityOfService = .utility
        thread.start()
    }

    /// Loads and indexes content; logs diagnostics. Nil when it has errors (or no documents).
    static func load(directory: String, logger: Logger, purpose: String) -> LoadedContent? {
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
            return nil
        }
        let loaded = LoadedContent(library: result.library, engine: SearchEngine(library: result.library, contentDirectory: directory))
        logger.info("\(purpose): \(result.library.documents.count) documents loaded")
        return loaded
    }
}
