/// The screens that have their own keys. `global` applies everywhere unless a screen overrides a key.
public enum KeyContext: String, Sendable, Hashable, CaseIterable {
    case global, reading, menu, faq, checklist, search

    /// Heading on the help screen.
    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .reading: "Reading a page"
        case .menu: "Menus and lists"
        case .faq: "Questions (FAQ)"
        case .checklist: "Self-check"
        case .search: "While searching"
        }
    }
}

/// Keys bound to one action; `hint` is the short label in the key-hint row (nil: not hinted).
public struct Binding: Sendable, Hashable {
    public var keys: [Key]
    public var action: Action
    public var hint: String?
    public init(_ keys: [Key], _ action: Action, hint: String? = nil) {
        self.keys = keys
        self.action = action
        self.hint = hint
    }
}

extension Binding {
    /// The keys that still do this action; with `lettersSearch` (the kiosk) letters and digits
    /// start a search instead.
    func keys(lettersSearch: Bool) -> [Key] {
        lettersSearch ? keys.filter { !$0.startsSearch } : keys
    }
}

extension Key {
    /// A letter or digit key (any script): with `AppOptions.lettersSearch` it starts a search. Digits
    /// too (review G 1): a patient typing 911 or 988 must reach the Help right now row, not menu item 9.
    var startsSearch: Bool {
        if case .char(let c) = self { return c.isLetter || c.isNumber }
        return false
    }
}

/// One screen's bindings, in the order help and hints list them.
public struct Keymap: Sendable {
    public var context: KeyContext
    public var bindings: [Binding]

    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The whole table, one keymap per context. Everything keyboard-related reads this.
    public static let all: [Keymap] = [
        Keymap(context: .global, bindings: [
            Binding([.char("/")], .search, hint: "search"),
            Binding([.backspace, .left, .char("h")], .back, hint: "back"),
            Binding([.right, .char("l"), .char("f")], .forward),
            Binding([.char("H")], .home, hint: "home"),
            // F2 too: in the kiosk letters search, and while searching `c` is typing.
            Binding([.char("c"), .function(2)], .crisis),
            Binding([.char("?"), .function(1)], .help, hint: "help"),
            Binding([.char("q")], .quit, hint: "quit"),
            Binding([.ctrl("l")], .redraw),
        ]),
        Keymap(context: .reading, bindings: [
            Binding([.down, .char("j"), .ctrl("n")], .lineDown, hint: "scroll"),
            Binding([.up, .char("k"), .ctrl("p")], .lineUp),
            Binding([.pageDown, .char(" "), .ctrl("f")], .pageDown),
            Binding([.pageUp, .char("b"), .ctrl("b")], .pageUp),
            Binding([.home, .char("g")], .top),
            Binding([.end, .char("G")], .bottom),
            Binding([.char("]")], .nextSection, hint: "section"),
            Binding([.char("[")], .previousSection),
            Binding([.tab], .focusNext, hint: "links"),
            Binding([.backTab], .focusPrevious),
            Binding([.enter], .activate, hint: "open"),
            Binding([.char("t")], .toggleContents, hint: "contents"),
            Binding([.char("n"), .function(3)], .nextMatch, hint: "next match"),
            Binding([.char("N"), .function(15)], .previousMatch),
            Binding([.escape], .clearHighlights),
        ]),
        Keymap(context: .menu, bindings: [
            Binding([.down, .char("j"), .tab], .lineDown, hint: "choose"),
            Binding([.up, .char("k"), .backTab], .lineUp),
            Binding([.pageDown, .char(" ")], .pageDown),
            Binding([.pageUp, .char("b")], .pageUp),
            Binding([.home, .char("g")], .top),
            Binding([.end, .char("G")], .bottom),
            Binding([.enter], .activate, hint: "open"),
            Binding((1...9).map { .char(Character(String($0))) }, .openNumbered),
        ]),
        Keymap(context: .faq, bindings: [
            Binding([.down, .char("j")], .lineDown, hint: "choose"),
            Binding([.up, .char("k")], .lineUp),
            Binding([.enter, .char(" ")], .toggle, hint: "open/close"),
            Binding([.pageDown, .ctrl("f")], .pageDown),
            Binding([.pageUp, .char("b")], .pageUp),
            Binding([.home, .char("g")], .top),
            Binding([.end, .char("G")], .bottom),
            Binding([.tab], .focusNext),
            Binding([.backTab], .focusPrevious),
            Binding([.char("]")], .nextSection),
            Binding([.char("[")], .previousSection),
            Binding([.char("n"), .function(3)], .nextMatch, hint: "next match"),
            Binding([.char("N"), .function(15)], .previousMatch),
            Binding([.escape], .clearHighlights),
        ]),
        Keymap(context: .checklist, bindings: [
            Binding([.down, .char("j")], .lineDown, hint: "choose"),
            Binding([.up, .char("k")], .lineUp),
            Binding([.char(" "), .enter], .toggle, hint: "tick"),
            // As on the FAQ: Tab also reaches the links (the intro's, "Related pages") the arrows skip.
            Binding([.tab], .focusNext),
            Binding([.backTab], .focusPrevious),
            Binding([.pageDown], .pageDown),
            Binding([.pageUp, .char("b")], .pageUp),
            Binding([.home, .char("g")], .top),
            Binding([.end, .char("G")], .bottom),
            Binding([.char("n"), .function(3)], .nextMatch, hint: "next match"),
            Binding([.char("N"), .function(15)], .previousMatch),
            Binding([.escape], .clearHighlights),
        ]),
        Keymap(context: .search, bindings: [
            Binding([.down, .ctrl("n")], .searchNext, hint: "choose"),
            Binding([.up, .ctrl("p"), .backTab], .searchPrevious),
            Binding([.pageDown], .searchPageDown),
            Binding([.pageUp], .searchPageUp),
            Binding([.enter], .searchOpen, hint: "open"),
            Binding([.backspace], .searchDelete),
            Binding([.delete], .searchDeleteForward),
            Binding([.left], .searchCursorLeft),
            Binding([.right], .searchCursorRight),
            Binding([.home], .searchCursorStart),
            Binding([.end], .searchCursorEnd),
            Binding([.ctrl("w"), .alt(Key.altBackspaceCharacter)], .searchDeleteWord),
            Binding([.ctrl("u")], .searchClear),
            Binding([.tab], .searchUseSuggestion),
            // Global keys that type nothing also work here; listed so the help's table says so.
            Binding([.function(2)], .crisis),
            Binding([.escape], .searchClose, hint: "close"),
        ]),
    ]

    public static func map(for context: KeyContext) -> Keymap {
        all.first { $0.context == context } ?? Keymap(context: context, bindings: [])
    }

    /// The action a key triggers on a screen: the screen's own map first, then the global one.
    /// While searching only the search map applies (printable keys become typing), and the global
    /// keys that type nothing: Ctrl-L and the crisis page's F2.
    public static func action(for key: Key, in context: KeyContext) -> Action? {
        if context == .search {
            if let action = map(for: .search).action(for: key) { return action }
            if case .char = key { return nil }
            let global = map(for: .global).action(for: key)
            return global == .redraw || global == .crisis ? global : nil
        }
        return map(for: context).action(for: key) ?? map(for: .global).action(for: key)
    }
}

extension Key {
    /// How help and hints name the key.
    func label(_ g: Glyphs) -> String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .up: g.arrowUp
        case .down: g.arrowDown
        case .left: g.arrowLeft
        case .right: g.arrowRight
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .insert: "Ins"
        case .escape: "Esc"
        case .function(15): "Shift-F3"   // how terminals send it (xterm's kf15)
        case .function(let n): "F\(n)"
        case .ctrl(let c): "Ctrl-\(c.uppercased())"
        case .alt(Key.altBackspaceCharacter): "Alt-Backspace"
        case .alt(let c): "Alt-\(c)"
        case .unknown: "?"
        }
    }
}
