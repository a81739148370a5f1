import PamphletKit

/// Word wrapping of `pamphlet search`'s plain output on a terminal (review J 13: a snippet ran on
/// past the right edge, and the terminal cut words and ids in two). Wrapping works on the text's
/// words with their Unicode scalar offsets, so marks given as scalar ranges (highlights, the bold
/// title) are drawn where they were, whatever line a word lands on.
enum SearchOutputWrap {
    /// A word of the text: its scalars' offsets (a half-open range) and its display width.
    /// A word of the text: its scalars' offsets (a half-open range), its display width, and the
    /// spaces before it in the text (kept while it stays on the line of the word before).
    private struct Word { var start: Int; var end: Int; var width: Int; var gap: Int }

    /// `text` in lines of at most `width` cells: the first after `firstPrefix`, the others after
    /// `indent` (both counted in the width). Spaces between words stay as they are; a word
    /// wider than a line gets a line of its own, whole (ids and addresses are copied). `marks`
    /// (scalar ranges of `text`) are wrapped in `open` and `close` on each line they touch.
    static func wrap(_ text: String, marks: [TextRange], open: String, close: String,
                     width: Int, firstPrefix: String, indent: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var words: [Word] = []
        var i = 0, spaces = 0
        while i < scalars.count {
            if scalars[i] == " " { i += 1; spaces += 1; continue }
            var j = i
            while j < scalars.count && scalars[j] != " " { j += 1 }
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[i..<j])
            words.append(Word(start: i, end: j, width: DisplayWidth.of(String(piece)), gap: max(spaces, 1)))
            (i, spaces) = (j, 0)
        }
        var lines: [[Word]] = [[]]
        var used = DisplayWidth.of(firstPrefix)
        let indentWidth = DisplayWidth.of(indent)
        for word in words {
            if !lines[lines.count - 1].isEmpty && used + word.gap + word.width > width {
                lines.append([])
                used = indentWidth
            }
            used += (lines[lines.count - 1].isEmpty ? 0 : word.gap) + word.width
            lines[lines.count - 1].append(word)
        }
        let sorted = marks.filter { $0.length > 0 }.sorted { $0.start < $1.start }
        var out = ""
        for (n, line) in lines.enumerated() {
            out += n == 0 ? firstPrefix : "\n" + indent
            for (k, word) in line.enumerated() {
                if k > 0 { out += String(repeating: " ", count: word.gap) }
                out += marked(scalars, word.start, word.end, sorted, open: open, close: close)
            }
        }
        return out
    }

    /// Scalars `from..<to` of `scalars`, with the parts inside `marks` wrapped in `open`/`close`.
    private static func marked(_ scalars: [Unicode.Scalar], _ from: Int, _ to: Int, _ marks: [TextRange],
                               open: String, close: String) -> String {
        var out = String.UnicodeScalarView()
        var i = from
        for m in marks where m.end > i && m.start < to {
            let s = max(m.start, i), e = min(m.end, to)
            out.append(contentsOf: scalars[i..<s])
            out.append(contentsOf: open.unicodeScalars)
            out.append(contentsOf: scalars[s..<e])
            out.append(contentsOf: close.unicodeScalars)
            i = e
        }
        out.append(contentsOf: scalars[i..<to])
        return String(out)
    }
}
