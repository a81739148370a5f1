/// Content text made safe to print on a terminal.
///
/// Content is written by staff (or imported from the web): a C0 or C1 control character in it,
/// printed as it is, is an instruction to the terminal (ESC `[2J` clears the screen, ESC `]0;…` BEL
/// sets the window title, a C1 CSI does the same on some terminals). `pamphlet show`, `search` and
/// `list` print content through this; the browser draws controls as `?` (see the terminal painter).
/// `pamphlet check` warns about the same characters (`isControl`).
public enum TerminalSafeText {
    /// What a control character becomes: visible, and plainly not part of the text.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// C0 controls (U+0000–U+001F), DEL (U+007F) and C1 controls (U+0080–U+009F).
    @inline(__always)
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v <= 0x9F)
    }

    /// Whether `text` holds a control character other than newline and tab (the ones `check` warns about).
    public static func containsControl(_ text: some StringProtocol) -> Bool {
        firstControl(in: text) != nil
    }

    /// Offset in Unicode scalars of the first control character other than newline and tab.
    public static func firstControl(in text: some StringProtocol) -> Int? {
        guard mayContainControl(text) else { return nil }
        for (offset, scalar) in text.unicodeScalars.enumerated() where isControl(scalar) && scalar != "\n" && scalar != "\t" {
            return offset
        }
        return nil
    }

    /// `text` with every control character except newline replaced by U+FFFD. Tabs become spaces:
    /// up to the next multiple of 8 columns (what a terminal would show) when `expandTabs`, else one
    /// space each, which keeps every scalar at its offset (search highlights count scalars).
    public static func clean(_ text: String, expandTabs: Bool = true) -> String {
        guard mayContainControl(text, tab: true) else { return text }
        var out = String.UnicodeScalarView()
        var column = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                out.append(scalar)
                column = 0
            case "\t":
                let spaces = expandTabs ? 8 - column % 8 : 1
                out.append(contentsOf: repeatElement(" ", count: spaces))
                column += spaces
            case _ where isControl(scalar):
                out.append(replacement)
                column += 1
            default:
                out.append(scalar)
                column += DisplayWidth.of(scalar: scalar)
            }
        }
        return String(out)
    }

    /// A quick byte scan: false when no byte can start a control (C1 controls are C2 80–C2 9F in UTF-8).
    private static func mayContainControl(_ text: some StringProtocol, tab: Bool = false) -> Bool {
        text.utf8.contains { byte in
            (byte < 0x20 && byte != 0x0A && (tab || byte != 0x09)) || byte == 0x7F || byte == 0xC2
        }
    }
}
