/// Where things go on a screen of a given size: header, body (contents column and text), status, hints.
struct Geometry: Sendable {
    let width: Int
    let height: Int
    /// The table of contents beside the text (wide screens with a multi-part page).
    let contentsBeside: Bool
    /// Narrow screens: the contents replace the text while open.
    let contentsOpen: Bool
    let contentsWidth: Int
    let textX: Int
    let textWidth: Int

    static let headerRow = 0
    var bodyTop: Int { 1 }
    var bodyHeight: Int { max(1, height - 3) }
    var statusRow: Int { height - 2 }
    var hintsRow: Int { height - 1 }
    /// Widest reading column: long lines are hard to read.
    static let maxTextWidth = 100
    static let minWidthForContentsBeside = 72

    /// `contentsHidden`: the reader hid the contents beside the text (`t`), so the text takes the width.
    init(width: Int, height: Int, hasContents: Bool, contentsOpen: Bool, contentsHidden: Bool = false) {
        self.width = width
        self.height = height
        let wide = width >= Self.minWidthForContentsBeside
        contentsBeside = hasContents && wide && !contentsHidden
        self.contentsOpen = hasContents && !wide && contentsOpen
        if contentsBeside {
            contentsWidth = min(30, max(20, width * 3 / 10))
            textX = contentsWidth + 3
        } else {
            contentsWidth = self.contentsOpen ? width - 2 : 0
            textX = width >= 60 ? 2 : 1
        }
        textWidth = max(4, min(Self.maxTextWidth, width - textX - 1))
    }

    var contentsVisible: Bool { contentsBeside || contentsOpen }
    /// Column of the contents list (1: one cell margin).
    var contentsX: Int { 1 }
}

extension AppState {
    func geometry(for page: Page, width: Int, height: Int) -> Geometry {
        Geometry(width: width, height: height, hasContents: hasContents(page.route), contentsOpen: page.contentsOpen,
                 contentsHidden: contentsHidden)
    }

    var geometry: Geometry { geometry(for: current, width: width, height: height) }

    /// The current page's layout at the current size.
    var currentLayout: PageLayout { layout(of: current, textWidth: geometry.textWidth) }

    /// Whether the terminal is too small to draw the browser.
    func isTooSmall(width: Int, height: Int) -> Bool {
        width < options.minimumWidth || height < options.minimumHeight
    }
}
