import PamphletKit

/// A program the terminal runtime can drive: messages in, effects out, a pure view.
/// The browser's app state and the kiosk wrapper around it both conform.
public protocol Program: Sendable {
    /// Handles one message; returns the I/O the runtime should perform.
    mutating func update(_ msg: Msg) -> [Effect]
    /// Draws the whole screen. Pure: same state and size give the same canvas.
    func view(width: Int, height: Int) -> Canvas
}

/// A loaded library and its search engine, swapped in as one value (hot reload).
/// Compared by identity: two loads are different content even if equal.
public final class LoadedContent: Sendable, Equatable {
    public let library: Library
    public let engine: SearchEngine
    /// What the loader reported (errors and warnings). The browser's home screen says how many, so
    /// staff learn of them without quitting; the kiosk never shows them (`AppOptions.showContentProblems`).
    public let diagnostics: [Diagnostic]
    /// The search box's rankings for each lower-case ASCII letter and digit, made when the content
    /// loads: every search starts with one letter, and a one-letter prefix is the costliest query
    /// (dozens of completions over thousands of sections). Made from the content alone, for every
    /// letter, so nothing here depends on what anyone typed.
    let firstLetterRankings: [String: RankedResults]

    public init(library: Library, engine: SearchEngine, diagnostics: [Diagnostic] = []) {
        self.library = library
        self.engine = engine
        self.diagnostics = diagnostics
        var rankings: [String: RankedResults] = [:]
        for letter in "abcdefghijklmnopqrstuvwxyz0123456789" {
            let query = String(letter)
            rankings[query] = engine.rankedSearch(query, limit: AppState.searchLimit)
        }
        firstLetterRankings = rankings
    }

    public static func == (a: LoadedContent, b: LoadedContent) -> Bool { a === b }
}
