import Foundation

/// Turns raw bytes into text the importer can work on: UTF-8 decoded lossily, line endings and
/// control characters normalised. Never fails; problems become warnings.
enum TextDecoding {
    /// Decodes UTF-8 (dropping a byte-order mark). Text that is not UTF-8 at all but reads as
    /// Windows-1252 is decoded as that; otherwise invalid bytes become U+FFFD. Either way a warning names the file.
    static func decode(_ data: Data, sourceName: String) -> (text: String, diagnostics: [Diagnostic]) {
        let bytes = data.droppingUTF8BOM
        var diagnostics: [Diagnostic] = []
        if String(data: bytes, encoding: .utf8) == nil {
            if Windows1252.isLikely(bytes) {
                diagnostics.append(.warning(sourceName, "not UTF-8; read as Windows-1252 (Western European): check quotes, dashes and accented letters"))
                return (Windows1252.decode(bytes), diagnostics)
            }
            diagnostics.append(.warning(sourceName, "not valid UTF-8; invalid bytes were replaced with \u{FFFD}"))
        }
        return (String(decoding: bytes, as: UTF8.self), diagnostics)
    }

    /// CRLF and lone CR become LF; a form feed (page break) becomes a blank line; other control
    /// characters except tab are dropped, so nothing invisible reaches the content file.
    static func normalize(_ text: String) -> String {
        // Fast path: nothing but printable text, tabs and LF (the usual case) stays as it is.
        if !text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }) {
            return text
        }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for s in text.unicodeScalars {
            defer { previousWasCR = s == "\r" }
            switch s {
            case "\r": out.append("\n")
            case "\n": if !previousWasCR { out.append("\n") }
            case "\u{0C}", "\u{0B}", "\u{1F}", "\u{2028}", "\u{2029}": out.append("\n"); out.append("\n")
            case "\t": out.append(s)
            case "\u{FEFF}": break
            default:
                if s.value < 0x20 || (0x7F...0x9F).contains(s.value) { continue }
                out.append(s)
            }
        }
        return String(out)
    }
}
