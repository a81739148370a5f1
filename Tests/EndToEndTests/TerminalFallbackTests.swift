import PamphletTerminal
import Testing

/// Which terminfo entry an unknown TERM runs as (review A finding 19).
@Suite struct TerminalFallbackTests {
    @Test(arguments: [
        ("xterm-kitty", ["xterm-256color", "xterm", "vt100"]),
        ("foot", ["xterm-256color", "xterm", "vt100"]),
        ("alacritty", ["xterm-256color", "xterm", "vt100"]),
        ("wezterm", ["xterm-256color", "xterm", "vt100"]),
        ("xterm-ghostty", ["xterm-256color", "xterm", "vt100"]),
        ("no-such-terminal", ["vt100"]),
        ("vt100", []),
    ])
    func candidates(term: String, expected: [String]) {
        #expect(TerminalFallback.candidates(for: term) == expected)
    }

    @Test func theNoteIsOneLine() {
        let note = TerminalFallback.note(term: "xterm-kitty", using: "xterm-256color")
        #expect(!note.contains("\n"))
        #expect(note.contains("TERM=xterm-kitty"))
        #expect(note.contains("xterm-256color"))
    }
}
