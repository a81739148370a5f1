/// Draws a QR code with half-block characters: each text cell holds two modules stacked vertically,
/// so the code is square on a terminal whose cells are about twice as tall as wide.
public enum QRHalfBlocks {
    /// Light modules required around the symbol for a scanner to find it.
    public static let quietZone = 4

    /// What the block glyphs stand for. Terminals draw glyphs in the foreground colour.
    public enum Ink: Sendable {
        /// Glyphs are light modules, spaces dark: right when the cells show light text on a dark
        /// background (the Linux console, most terminal themes).
        case lightModules
        /// Glyphs are dark modules: right for dark text on a light background (e.g. reverse video
        /// on a dark terminal).
        case darkModules
    }

    /// Rows of text, each `size + 2 * quietZone` cells wide and half as many rows tall (rounded up).
    public static func rows(_ code: QRCode, ink: Ink = .lightModules, quietZone: Int = quietZone) -> [String] {
        let span = code.size + 2 * quietZone
        // A pixel is "inked" when the glyph should cover it.
        func inked(_ x: Int, _ y: Int) -> Bool {
            // Rows past the bottom (odd span) extend the quiet zone, which is light.
            let dark = y < span ? code[x - quietZone, y - quietZone] : false
            return ink == .darkModules ? dark : !dark
        }
        return stride(from: 0, to: span, by: 2).map { y in
            String((0..<span).map { x -> Character in
                switch (inked(x, y), inked(x, y + 1)) {
                case (true, true): "█"
                case (true, false): "▀"
                case (false, true): "▄"
                case (false, false): " "
                }
            })
        }
    }

    /// Cells wide and tall the rendering of `code` needs.
    public static func dimensions(_ code: QRCode, quietZone: Int = quietZone) -> (width: Int, height: Int) {
        let span = code.size + 2 * quietZone
        return (span, (span + 1) / 2)
    }
}
