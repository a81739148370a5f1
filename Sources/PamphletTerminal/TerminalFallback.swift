/// What to run as when the terminfo database has no entry for `TERM` (xterm-kitty, foot, wezterm on
/// a machine without their terminfo): an entry the terminal surely understands, rather than
/// refusing to start. Pure, so it is unit tested; `TerminalSession` tries these in order and says
/// on stderr which one it used.
public enum TerminalFallback {
    /// Name prefixes of terminals that speak xterm's language (256 colours, mouse, the same keys).
    static let xtermLike = ["xterm", "kitty", "alacritty", "foot", "wezterm", "ghostty", "contour", "rio", "konsole",
                            "gnome", "vte", "st-", "tmux", "screen", "iterm", "mintty", "putty"]

    /// The entries to try, best first: xterm-256color (then xterm) for xterm-like names, and a
    /// basic vt100 last, which every terminal emulator can act as.
    public static func candidates(for term: String) -> [String] {
        let name = term.lowercased()
        var out: [String] = []
        if xtermLike.contains(where: { name.hasPrefix($0) }) { out += ["xterm-256color", "xterm"] }
        out.append("vt100")
        return out.filter { $0 != term }
    }

    /// The one-line note written to stderr when a fallback is used.
    public static func note(term: String, using fallback: String) -> String {
        "pamphlet: unknown TERM=\(term) (no terminfo); running as \(fallback)"
    }
}
