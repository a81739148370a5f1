import PamphletUI

/// A terminal colour as themes name it; the palette decides what each becomes on a given terminal.
public enum ThemeColor: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    /// The bright variant (colours 8–15); on 8-colour terminals the base colour, made bold if a foreground.
    indirect case bright(ThemeColor)

    /// The ANSI number of the base colour (0–7), or nil for `default`.
    var base: Int16? {
        switch self {
        case .default: nil
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        case .bright(let c): c.base
        }
    }
}

/// Text attributes a style may ask for. Terminals without one (vt100 has no italic) just ignore it.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let underline = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)
}

/// How a role looks: colours and attributes.
public struct Style: Sendable, Hashable {
    public var fg: ThemeColor
    public var bg: ThemeColor
    public var attributes: TextAttributes
    public init(fg: ThemeColor = .default, bg: ThemeColor = .default, _ attributes: TextAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }
}

/// What the terminal can show, decided once at start-up.
public enum ColorSupport: Sendable, Hashable {
    /// NO_COLOR, or a terminal without colours (vt100): attributes only.
    case none
    /// 8 colours: bright colours become bold.
    case basic
    /// 16 colours or more.
    case bright
}

/// A style reduced to what one terminal can do: colour numbers (-1 = terminal default) and attributes.
public struct ResolvedStyle: Sendable, Hashable {
    public var fg: Int16
    public var bg: Int16
    public var attributes: TextAttributes
    public init(fg: Int16, bg: Int16, attributes: TextAttributes) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }
    /// Whether this style needs a colour pair at all.
    public var usesColor: Bool { fg != -1 || bg != -1 }
}

/// A table from every `Role` to a `Style`. Views name roles; only themes name colours.
public struct Theme: Sendable {
    public let name: String
    let styles: [Role: Style]

    /// The style of a role as designed (before the terminal's limits).
    public func style(for role: Role) -> Style { styles[role] ?? Style() }

    /// The style of a role on a terminal with the given colour support. Without colour every theme
    /// falls back to the monochrome table, so emphasis is carried by bold, underline and reverse.
    public func resolved(_ role: Role, support: ColorSupport) -> ResolvedStyle {
        if support == .none {
            let mono = Theme.monochrome.style(for: role)
            return ResolvedStyle(fg: -1, bg: -1, attributes: mono.attributes)
        }
        let style = style(for: role)
        var attributes = style.attributes
        func number(_ color: ThemeColor, foreground: Bool) -> Int16 {
            guard let base = color.base else { return -1 }
            if case .bright = color {
                if support == .bright { return base + 8 }
                if foreground { attributes.insert(.bold) }
            }
            return base
        }
        let fg = number(style.fg, foreground: true)
        let bg = number(style.bg, foreground: false)
        return ResolvedStyle(fg: fg, bg: bg, attributes: attributes)
    }

    /// Every theme, by the name `--theme` and `site.yaml` use.
    public static let all: [Theme] = [.standard, .highContrast, .monochrome]

    /// The theme called `name` (case-insensitive), or nil.
    public static func named(_ name: String) -> Theme? {
        let wanted = name.lowercased()
        return all.first { $0.name == wanted }
    }

    /// Calm colours that read on dark and light backgrounds alike (no yellow or white text on the
    /// terminal's own background).
    public static let standard = Theme(name: "default", styles: [
        .normal: Style(),
        .title: Style(fg: .cyan, [.bold]),
        .tagline: Style(fg: .cyan),
        .heading: Style(fg: .cyan, [.bold]),
        .subheading: Style([.bold]),
        .emphasis: Style([.italic]),
        .strong: Style([.bold]),
        .code: Style(fg: .green),
        .link: Style(fg: .blue, [.underline]),
        .linkFocused: Style(fg: .white, bg: .blue, [.bold, .underline]),
        .highlight: Style(fg: .black, bg: .yellow),
        .selection: Style(fg: .black, bg: .cyan),
        .menuItem: Style(),
        .menuSelected: Style(fg: .black, bg: .cyan, [.bold]),
        .border: Style(fg: .blue),
        .statusBar: Style(fg: .white, bg: .blue),
        .statusKey: Style(fg: .bright(.yellow), bg: .blue, [.bold]),
        .hint: Style([.dim]),
        .dim: Style([.dim]),
        .warning: Style(fg: .red, [.bold]),
        .crisis: Style(fg: .bright(.white), bg: .red, [.bold]),
        .searchInput: Style([.bold, .underline]),
        .quote: Style(fg: .magenta),
        .tableHeader: Style([.bold, .underline]),
        .checkboxOn: Style(fg: .green, [.bold]),
    ])

    /// Bright text on black, strong highlights: for low vision and glare.
    public static let highContrast = Theme(name: "high-contrast", styles: [
        .normal: Style(fg: .bright(.white), bg: .black),
        .title: Style(fg: .bright(.yellow), bg: .black, [.bold]),
        .tagline: Style(fg: .bright(.white), bg: .black),
        .heading: Style(fg: .bright(.yellow), bg: .black, [.bold, .underline]),
        .subheading: Style(fg: .bright(.yellow), bg: .black, [.bold]),
        .emphasis: Style(fg: .bright(.white), bg: .black, [.underline]),
        .strong: Style(fg: .bright(.white), bg: .black, [.bold]),
        .code: Style(fg: .bright(.green), bg: .black),
        .link: Style(fg: .bright(.cyan), bg: .black, [.underline, .bold]),
        .linkFocused: Style(fg: .black, bg: .bright(.cyan), [.bold]),
        .highlight: Style(fg: .black, bg: .bright(.yellow), [.bold]),
        .selection: Style(fg: .black, bg: .bright(.white), [.bold]),
        .menuItem: Style(fg: .bright(.white), bg: .black, [.bold]),
        .menuSelected: Style(fg: .black, bg: .bright(.yellow), [.bold]),
        .border: Style(fg: .bright(.white), bg: .black),
        .statusBar: Style(fg: .black, bg: .bright(.white)),
        .statusKey: Style(fg: .black, bg: .bright(.white), [.bold, .underline]),
        .hint: Style(fg: .bright(.white), bg: .black),
        .dim: Style(fg: .bright(.white), bg: .black),
        .warning: Style(fg: .bright(.yellow), bg: .black, [.bold, .underline]),
        .crisis: Style(fg: .bright(.white), bg: .red, [.bold]),
        .searchInput: Style(fg: .bright(.white), bg: .black, [.bold, .underline]),
        .quote: Style(fg: .bright(.white), bg: .black),
        .tableHeader: Style(fg: .bright(.yellow), bg: .black, [.bold, .underline]),
        .checkboxOn: Style(fg: .bright(.green), bg: .black, [.bold]),
    ])

    /// No colour: bold, underline and reverse carry every distinction. Also used for NO_COLOR and
    /// colourless terminals whatever theme was chosen.
    public static let monochrome = Theme(name: "monochrome", styles: [
        .normal: Style(),
        .title: Style([.bold]),
        .tagline: Style(),
        .heading: Style([.bold, .underline]),
        .subheading: Style([.bold]),
        .emphasis: Style([.underline]),
        .strong: Style([.bold]),
        .code: Style(),
        .link: Style([.underline]),
        .linkFocused: Style([.reverse, .underline]),
        .highlight: Style([.reverse]),
        // The current match (n / F3) among the others, all reverse (review J 8: they looked the same).
        .selection: Style([.reverse, .bold, .underline]),
        .menuItem: Style(),
        .menuSelected: Style([.reverse, .bold]),
        .border: Style(),
        .statusBar: Style([.reverse]),
        .statusKey: Style([.reverse, .bold]),
        .hint: Style(),
        .dim: Style(),
        .warning: Style([.bold]),
        .crisis: Style([.reverse, .bold]),
        .searchInput: Style([.underline]),
        .quote: Style(),
        .tableHeader: Style([.bold, .underline]),
        .checkboxOn: Style([.bold]),
    ])
}
