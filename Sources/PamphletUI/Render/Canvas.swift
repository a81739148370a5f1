/// What a cell means; themes in the terminal layer turn roles into colours and attributes.
/// Views never name colours, so monochrome, NO_COLOR and high-contrast are just other tables.
public enum Role: String, Sendable, Hashable, CaseIterable {
    case normal, title, tagline, heading, subheading, emphasis, strong, code, link, linkFocused
    case highlight, selection, menuItem, menuSelected, border, statusBar, statusKey, hint, dim
    case warning, crisis, searchInput, quote, tableHeader, checkboxOn
}

/// One terminal cell: a grapheme cluster and its role. A wide character's second cell has `text == ""`.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var role: Role
    public init(text: String = " ", role: Role = .normal) {
        self.text = text
        self.role = role
    }
    public static let blank = Cell()
    /// The covered right half of a wide character.
    public static let continuation = Cell(text: "", role: .normal)
}

/// A grid of styled cells that views draw into; the terminal paints only what changed (ratatui's Buffer).
public struct Canvas: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { (0..<width).contains(x) && (0..<height).contains(y) ? cells[y * width + x] : .blank }
        set {
            guard (0..<width).contains(x), (0..<height).contains(y) else { return }
            cells[y * width + x] = newValue
        }
    }
}
