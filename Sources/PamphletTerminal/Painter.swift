import CNCursesW
import Glibc
import PamphletUI

/// Paints canvases onto ncurses' standard screen, writing only what changed since the last frame.
final class Painter {
    private let styles: [Role: (attributes: attr_t, pair: Int32)]
    private var last: Canvas?
    private let asciiPunctuation: Bool

    /// Sets up one colour pair per role for the theme (none without colour support).
    /// `asciiPunctuation`: the locale is not UTF-8, so typographic quotes and dashes in the content
    /// are written as their ASCII look-alikes (same width) rather than trusted to the terminal.
    init(theme: Theme, support: ColorSupport, defaultColors: Bool, asciiPunctuation: Bool = false) {
        self.asciiPunctuation = asciiPunctuation
        var styles: [Role: (attr_t, Int32)] = [:]
        for (index, role) in Role.allCases.enumerated() {
            let style = theme.resolved(role, support: support)
            var pair: Int32 = 0
            if support != .none, style.usesColor {
                pair = Int32(index + 1)
                // Without default-colour support, -1 is not allowed: assume white on black.
                let fg = style.fg == -1 && !defaultColors ? 7 : style.fg
                let bg = style.bg == -1 && !defaultColors ? 0 : style.bg
                init_pair(Int16(pair), fg, bg)
            }
            styles[role] = (Painter.cursesAttributes(style.attributes), pair)
        }
        self.styles = styles
    }

    static func cursesAttributes(_ a: TextAttributes) -> attr_t {
        var result = pamphlet_a_normal()
        if a.contains(.bold) { result |= pamphlet_a_bold() }
        if a.contains(.underline) { result |= pamphlet_a_underline() }
        if a.contains(.reverse) { result |= pamphlet_a_reverse() }
        if a.contains(.dim) { result |= pamphlet_a_dim() }
        if a.contains(.italic) { result |= pamphlet_a_italic() }
        return result
    }

    /// Forgets the last frame so the next paint writes every cell (after a resize or a clear).
    func invalidate() { last = nil }

    /// Writes the cells that differ from the last frame, then refreshes the terminal.
    func paint(_ canvas: Canvas) {
        let runs = CanvasDiff.changes(from: last, to: canvas)
        last = canvas
        guard !runs.isEmpty else { return }
        var buffer: [wchar_t] = []
        buffer.reserveCapacity(canvas.width * 2)
        for run in runs {
            let style = styles[run.role] ?? (pamphlet_a_normal(), 0)
            _ = pamphlet_set_style(style.attributes, style.pair)
            PaintText.characters(of: run, asciiPunctuation: asciiPunctuation, into: &buffer)
            _ = buffer.withUnsafeBufferPointer {
                pamphlet_mvaddnwstr(Int32(run.y), Int32(run.x), $0.baseAddress, Int32($0.count))
            }
        }
        _ = pamphlet_set_style(pamphlet_a_normal(), 0)
        _ = pamphlet_refresh()
    }
}

/// What curses is given for a run of changed cells: pure, so the keystroke benchmark times it too.
public enum PaintText {
    /// Replaces `buffer`'s contents with the run's characters as wide characters. `asciiPunctuation`:
    /// the locale is not UTF-8, so typographic quotes and dashes are written as their ASCII
    /// look-alikes (same width) rather than trusted to the terminal.
    public static func characters(of run: PaintRun, asciiPunctuation: Bool, into buffer: inout [wchar_t]) {
        buffer.removeAll(keepingCapacity: true)
        for glyph in run.glyphs {
            if let ascii = glyph.cell.asciiValue, ascii >= 0x20, ascii < 0x7F {
                buffer.append(wchar_t(ascii))   // the common case: no string, no lookup
            } else if asciiPunctuation, glyph.width == 1, let plain = asciiLookAlike[glyph.text] {
                buffer.append(wchar_t(plain.value))
            } else {
                append(glyph, to: &buffer)
            }
        }
    }

    /// One-cell stand-ins for the typography most content uses.
    static let asciiLookAlike: [String: Unicode.Scalar] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"",
        "\u{2013}": "-", "\u{2014}": "-", "\u{2010}": "-", "\u{2011}": "-", "\u{2212}": "-",
        "\u{2026}": ".", "\u{00A0}": " ", "\u{2022}": "*", "\u{00B7}": ".", "\u{00AB}": "<", "\u{00BB}": ">",
    ]

    /// Appends a glyph's characters, unless the terminal would give it a different width than the
    /// view did (control characters, emoji sequences the C library measures otherwise): then a
    /// stand-in of the right width, so the rest of the row stays where the view put it.
    static func append(_ glyph: PaintRun.Glyph, to buffer: inout [wchar_t]) {
        let scalars = glyph.text.unicodeScalars
        if scalars.count == 1, let only = scalars.first, only.value >= 0x20, only.value < 0x7F {
            buffer.append(wchar_t(only.value))  // ASCII: the common case, no lookup
            return
        }
        var total: Int32 = 0
        for scalar in scalars {
            let w = wcwidth(wchar_t(scalar.value))
            if w < 0 { total = -1; break }
            total += w
        }
        if total == Int32(glyph.width) {
            for scalar in scalars { buffer.append(wchar_t(scalar.value)) }
        } else if let first = scalars.first, wcwidth(wchar_t(first.value)) == Int32(glyph.width) {
            buffer.append(wchar_t(first.value))  // keep the base character, drop what it cannot show
        } else {
            let stand = Character("?").unicodeScalars.first!.value
            for _ in 0..<glyph.width { buffer.append(wchar_t(stand)) }
        }
    }
}
