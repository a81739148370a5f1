/// Every thing a user can do, named and described (tig-style). Keymaps map keys to these, and the
/// help screen is generated from the keymaps, so help cannot drift from behaviour.
public enum Action: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case quit, help, home, back, forward, search, crisis, redraw
    case lineUp, lineDown, pageUp, pageDown, top, bottom
    case nextSection, previousSection
    case focusNext, focusPrevious, activate, toggle, toggleContents
    case openNumbered
    case nextMatch, previousMatch, clearHighlights
    // While the search bar is open every key goes to it.
    case searchPrevious, searchNext, searchPageUp, searchPageDown, searchOpen, searchClose
    case searchDelete, searchDeleteForward, searchDeleteWord, searchClear, searchUseSuggestion
    case searchCursorLeft, searchCursorRight, searchCursorStart, searchCursorEnd

    /// What the action does, as the help screen says it.
    public var description: String {
        switch self {
        case .quit: "Quit"
        case .help: "Show this help"
        case .home: "Go to the home screen"
        case .back: "Go back to the previous page"
        case .forward: "Go forward again (after going back)"
        case .search: "Search all pages"
        case .crisis: "Show the crisis line"
        case .redraw: "Redraw the screen"
        case .lineUp: "Scroll up a line"
        case .lineDown: "Scroll down a line"
        case .pageUp: "Scroll up a screen"
        case .pageDown: "Scroll down a screen"
        case .top: "Go to the top"
        case .bottom: "Go to the end"
        case .nextSection: "Next section"
        case .previousSection: "Previous section (or start of this one)"
        case .focusNext: "Move between contents and text; next link"
        case .focusPrevious: "Previous link"
        case .activate: "Open the selected item or link"
        case .toggle: "Tick or untick, open or close"
        case .toggleContents: "Show or hide the contents"
        case .openNumbered: "Open the numbered menu item"
        case .nextMatch: "Next search match"
        case .previousMatch: "Previous search match"
        case .clearHighlights: "Clear search highlights"
        case .searchPrevious: "Choose the previous result"
        case .searchNext: "Choose the next result"
        case .searchPageUp: "Results: up a screen"
        case .searchPageDown: "Results: down a screen"
        case .searchOpen: "Open the chosen result"
        case .searchClose: "Close search"
        case .searchDelete: "Delete the letter before the cursor"
        case .searchDeleteForward: "Delete the letter at the cursor"
        case .searchCursorLeft: "Move the cursor left"
        case .searchCursorRight: "Move the cursor right"
        case .searchCursorStart: "Move the cursor to the start"
        case .searchCursorEnd: "Move the cursor to the end"
        case .searchDeleteWord: "Delete the word before the cursor"
        case .searchClear: "Clear the search words"
        case .searchUseSuggestion: "Use the \"did you mean\" word, or choose the next result"
        }
    }

    /// What the action does on a screen with its own keys, as that screen's help table says it:
    /// on a menu the arrows choose an item, on the FAQ Enter opens an answer (review D 20: help
    /// said "Scroll down a line" and "Tick or untick" there).
    public func description(in context: KeyContext) -> String {
        switch (context, self) {
        case (.menu, .lineDown), (.faq, .lineDown), (.checklist, .lineDown): "Choose the next item"
        case (.menu, .lineUp), (.faq, .lineUp), (.checklist, .lineUp): "Choose the previous item"
        case (.menu, .pageDown), (.faq, .pageDown), (.checklist, .pageDown): "Down a screen"
        case (.menu, .pageUp), (.faq, .pageUp), (.checklist, .pageUp): "Up a screen"
        case (.faq, .toggle): "Open or close the answer"
        case (.checklist, .toggle): "Tick or untick"
        case (.faq, .focusNext), (.checklist, .focusNext): "Next link"
        default: description
        }
    }
}
