/// Gathers a bracketed paste: once the terminal has sent `ESC [ 200 ~`, everything up to
/// `ESC [ 201 ~` is text, not keys. Without it a pasted line break was Enter and the letters after
/// it commands (a "q" quit the browser). Pure, so it is tested without a terminal.
///
/// Line breaks (CR, which terminals send for a pasted newline, and LF) become "\n"; tabs stay;
/// other control characters, escape sequences and keys ncurses decoded inside the paste are
/// dropped. Text past `maxCharacters` is read and dropped too: the paste still ends where the
/// terminal says, so nothing after it is mistaken for keys.
public struct PasteCollector: Sendable {
    public static let maxCharacters = 16_384
    /// The end marker as characters, for when ncurses does not turn it into `pasteEndKeyCode`.
    private static let endMarker: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]   // ESC [ 2 0 1 ~

    public private(set) var text = ""
    private var characters = 0
    /// How much of `endMarker` the latest characters matched.
    private var matched = 0

    public init() {}

    /// Takes the next input of the paste; true when it was the end marker.
    public mutating func take(_ raw: RawInput) -> Bool {
        switch raw {
        case .keyCode(let code):
            if code == KeyDecoder.pasteEndKeyCode { return true }
            flushPartialMarker()
            return false
        case .character(let c):
            if c == Self.endMarker[matched] {
                matched += 1
                if matched == Self.endMarker.count { return true }
                return false
            }
            flushPartialMarker()
            if c == Self.endMarker[0] { matched = 1; return false }
            append(c)
            return false
        }
    }

    /// A partial end marker that did not complete: its ESC is dropped, the rest was typed text.
    private mutating func flushPartialMarker() {
        for c in Self.endMarker[1..<max(1, matched)] { append(c) }
        matched = 0
    }

    private mutating func append(_ c: UInt32) {
        guard characters < Self.maxCharacters else { return }
        let kept: Unicode.Scalar?
        switch c {
        case 13, 10: kept = "\n"
        case 9: kept = "\t"
        case 0..<0x20, 0x7F, 0x80..<0xA0: kept = nil
        default: kept = Unicode.Scalar(c)
        }
        guard let kept else { return }
        text.unicodeScalars.append(kept)
        characters += 1
    }
}
