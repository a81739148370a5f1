import PamphletKit

/// The whole browser: where the reader is, what they came from, what is open, ticked or typed.
/// Drive it with `update(_:)`, draw it with `view(width:height:)`; it never does I/O itself.
public struct AppState: Program {
    public private(set) var content: LoadedContent
    public var options: AppOptions
    /// The terminal size from the last `.resize` message (what scrolling and paging measure against).
    public private(set) var width: Int
    public private(set) var height: Int
    /// The page on screen.
    public internal(set) var current: Page
    /// Pages to go back to (last is the most recent) and forward to after going back.
    public internal(set) var backStack: [Page] = []
    public internal(set) var forwardStack: [Page] = []
    /// The search bar, when open (every key goes to it).
    public internal(set) var search: SearchState?
    /// Expanded FAQ questions, per document id.
    public internal(set) var expanded: [String: Set<Int>] = [:]
    /// Self-check answers, per document id (memory only).
    public internal(set) var answers: [String: ChecklistAnswers] = [:]
    /// The reader hid the contents beside the text (`t` on a wide screen); kept from page to page.
    public internal(set) var contentsHidden = false
    /// The errors of the last content edit that could not be loaded (`Msg.contentReloadRefused`),
    /// until a later edit loads: the status line says the screen shows the content as it was.
    public internal(set) var reloadRefusedErrors: Int?
    /// The title of the page that was on screen when an edit removed it (the reader was taken
    /// Home): the status line says so until the next key, click or paste (review I 9).
    public internal(set) var removedPageTitle: String?
    /// The mouse button (a finger) is down: a tap acts at its release, a drag scrolls (Mouse.swift).
    var pointer: PointerDown?

    let cache = LayoutCache()
    static let historyLimit = 200

    public init(content: LoadedContent, options: AppOptions = AppOptions(), width: Int = 80, height: Int = 24) {
        self.content = content
        self.options = options
        self.width = width
        self.height = height
        current = Page(route: .home)
    }

    /// Back to a fresh start: home, no history, no answers, no search. Keeps content, options and size.
    /// The kiosk calls this after a visitor leaves.
    public mutating func reset() {
        current = Page(route: .home)
        backStack = []
        forwardStack = []
        search = nil
        expanded = [:]
        answers = [:]
        contentsHidden = false
        pointer = nil
    }

    public var route: Route { current.route }
    public var canGoBack: Bool { !backStack.isEmpty }
    public var canGoForward: Bool { !forwardStack.isEmpty }
    /// True on the home screen with nothing open: what a kiosk's idle reset can leave alone.
    public var isPristine: Bool { route == .home && backStack.isEmpty && search == nil && answers.isEmpty }

    mutating func setSize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    mutating func replaceContent(_ new: LoadedContent) {
        let onScreen: String? = if case .document(let id) = current.route { document(id)?.title ?? id } else { nil }
        // A reload never brings an old content back, and every cached layout and ranking holds
        // its content (library and index, tens of MB for a large folder) alive: with the browser
        // reloading on every save, 8 edits had kept 300 MB more (review H 4). Start afresh.
        if new !== content { cache.removeAll() }
        content = new
        reloadRefusedErrors = nil
        func valid(_ p: Page) -> Bool {
            if case .document(let id) = p.route { return document(id) != nil }
            return true
        }
        backStack = backStack.filter(valid)
        forwardStack = forwardStack.filter(valid)
        if !valid(current) {
            current = Page(route: .home)
            removedPageTitle = onScreen
        }
        if search != nil { runSearch() }
    }

    // MARK: documents and layouts

    /// A document by id, including the app's own pages (help, crisis, built-in contact).
    func document(_ id: String) -> Document? {
        if let doc = content.library.document(id) { return doc }
        switch id {
        case BuiltInPages.helpID: return BuiltInPages.help(options.glyphs, allowQuit: options.allowQuit,
                                                                  kioskKeys: options.kioskKeysInHelp,
                                                                  lettersSearch: options.lettersSearch)
        case BuiltInPages.crisisID: return BuiltInPages.crisis(options.crisisSentence(site: content.library.site))
        case builtInContactID: return BuiltInPages.contact()
        default: return nil
        }
    }

    func documentID(of route: Route) -> String? {
        switch route {
        case .document(let id): id
        case .help: BuiltInPages.helpID
        case .crisis: BuiltInPages.crisisID
        default: nil
        }
    }

    /// Whether a page shows a table of contents (documents with more than one part).
    func hasContents(_ route: Route) -> Bool {
        guard let id = documentID(of: route), let doc = document(id) else { return false }
        return DocumentPages.hasContents(doc)
    }

    /// The page's layout at a text width, from the cache when nothing it depends on changed.
    /// `expanded` overrides the open FAQ answers (the search matches of a page count closed ones too).
    func layout(of page: Page, textWidth: Int, expanded: Set<Int>? = nil) -> PageLayout {
        let id = documentID(of: page.route) ?? ""
        let key = LayoutKey(route: page.route, width: textWidth, expanded: expanded ?? self.expanded[id] ?? [],
                            answers: answers[id] ?? ChecklistAnswers(), query: page.query, options: options,
                            content: ContentIdentity(content: content))
        return cache.layout(key) {
            let ctx = LayoutContext(content: content, options: options, width: textWidth,
                                    expanded: key.expanded, answers: key.answers, query: page.query)
            switch page.route {
            case .home: return MenuPages.home(ctx)
            case .list(let kind): return MenuPages.list(kind, ctx)
            case .document, .help, .crisis:
                guard let doc = document(id) else {
                    var b = PageBuilder(width: textWidth, glyphs: ctx.glyphs)
                    b.wrap(b.glyphs("This page is no longer available.", role: .dim, searchable: false))
                    return b.layout
                }
                return DocumentPages.layout(doc, ctx)
            }
        }
    }
}
