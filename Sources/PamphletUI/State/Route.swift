import PamphletKit

/// A place in the app, like a URL in a web browser.
public enum Route: Sendable, Hashable {
    case home
    /// Every document of one kind.
    case list(DocumentKind)
    /// A document by id (article, FAQ, treatment, self-check or contact page).
    case document(String)
    case help
    /// The crisis line, one key away from anywhere.
    case crisis
}

/// A reading position that survives re-layout: a section and an offset inside it.
///
/// `section == -1` is everything before the first section (title and intro, or a whole menu page).
/// The offset is scaled by how long the section was when it was stored, so a resize keeps the reader
/// at the same place even though lines wrap differently.
public struct Anchor: Sendable, Hashable {
    public var section: Int
    public var offset: Int
    /// The section's length in lines when `offset` was measured (0: not yet measured).
    public var sectionLines: Int

    public init(section: Int = -1, offset: Int = 0, sectionLines: Int = 0) {
        self.section = section
        self.offset = offset
        self.sectionLines = sectionLines
    }

    public static let top = Anchor()
}

/// Which part of a reading screen has the keyboard: the table of contents or the text.
public enum Focus: Sendable, Hashable {
    case contents, text
}

/// Identifies something focusable on a page (a link, a menu item, an FAQ question) across re-layouts.
public struct TargetKey: Sendable, Hashable, CustomStringConvertible {
    public var raw: String
    public init(_ raw: String) { self.raw = raw }
    public var description: String { raw }
}

/// One entry of the history: where, how far scrolled, what is focused.
public struct Page: Sendable, Hashable {
    public var route: Route
    public var anchor: Anchor
    public var focus: Focus
    /// The focused link, menu item, question or checkbox on this page, if any.
    public var focusedTarget: TargetKey?
    /// The selected row of the table of contents.
    public var contentsIndex: Int
    /// Whether the contents are shown in place of the text (narrow screens).
    public var contentsOpen: Bool
    /// Search words whose matches are highlighted on this page (after opening a search result).
    public var query: String?
    /// Index of the current match among all the page's matches (`allMatches`: on an FAQ, closed answers too).
    public var matchIndex: Int?
    /// The search that was open over this page when a result was opened from it: going back here
    /// reopens it, as a web browser goes back to its results page. History only; a reset drops it.
    public var searchToReturnTo: SearchReturn?

    public init(route: Route) {
        self.route = route
        anchor = .top
        focus = .text
        focusedTarget = nil
        contentsIndex = 0
        contentsOpen = false
        query = nil
        matchIndex = nil
        searchToReturnTo = nil
    }
}

/// What going back to a search needs: its words and the chosen row (results are searched again,
/// from the cache, so they follow reloaded content).
public struct SearchReturn: Sendable, Hashable {
    public var query: String
    public var selected: Int
}
