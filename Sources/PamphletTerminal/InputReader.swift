import CNCursesW
import PamphletUI

/// Reads input from ncurses and turns it into messages, using the pure decoders for the meaning.
final class InputReader {
    enum Event: Equatable {
        case msg(Msg)
        /// ncurses saw SIGWINCH and resized its screens; the runtime reads the new size.
        case resized
    }

    /// Set when ncurses reported a resize in the middle of reading something else (a paste, an
    /// escape sequence, a mouse report): that reader would have dropped it and the screen stayed
    /// at the old size (seen in CI: a kiosk drawn at 40x12 in an 80x24 terminal after a resize storm).
    private var resizePending = false
    /// Whether ncurses' motion reports come with the button down (drags).
    private var mouse = MouseTracker()

    /// One `wget_wch` result, or nil on timeout. A resize is noted and read past, never returned.
    private func next(timeoutMilliseconds ms: Int32) -> RawInput? {
        pamphlet_timeout(ms)
        while true {
            var ch: wint_t = 0
            let rc = pamphlet_get_wch(&ch)
            if rc == KEY_CODE_YES && Int32(bitPattern: ch) == KEY_RESIZE {
                resizePending = true
                continue
            }
            if rc == KEY_CODE_YES { return .keyCode(Int32(bitPattern: ch)) }
            if rc == OK { return .character(UInt32(ch)) }
            return nil
        }
    }

    /// The events from one input, waiting at most `timeoutMilliseconds` (0: do not wait). Nil when
    /// nothing came (empty when an input came that means nothing, such as a mouse report ncurses
    /// drops). A resize comes first: ncurses has already resized, so what follows is at the new size.
    func read(timeoutMilliseconds ms: Int32) -> [Event]? {
        let events = decodeNext(timeoutMilliseconds: ms)
        guard resizePending else { return events }
        resizePending = false
        return [.resized] + (events ?? [])
    }

    private func decodeNext(timeoutMilliseconds ms: Int32) -> [Event]? {
        guard let raw = next(timeoutMilliseconds: ms) else { return nil }
        switch KeyDecoder.decode(raw) {
        case .key(.unknown):
            // An extended terminfo key (Ctrl+Up is kUP5): ncurses knows its name.
            if case .keyCode(let code) = raw, code > KEY_MAX, let name = keyname(code) {
                return [.msg(.key(KeyDecoder.extendedKey(name: String(cString: name))))]
            }
            return [.msg(.key(.unknown))]
        case .key(let key): return [.msg(.key(key))]
        case .resize: return []   // `next` never returns a resize: it sets `resizePending`
        case .mouse:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return [] }
            return mouse.events(x: Int(event.x), y: Int(event.y), buttonState: event.bstate).map { .msg(.mouse($0)) }
        case .sgrMousePrefix:
            return sgrMouse(body: "")
        case .pasteStart:
            return paste()
        case .escapePrefix:
            // ncurses already waited ESCDELAY for a known sequence; what follows at once belongs to this ESC.
            let following = next(timeoutMilliseconds: 0)
            if case .character(let c)? = following, c == 0x5B || c == 0x4F {  // '[' or 'O'
                let introducer = Character(Unicode.Scalar(UInt8(c)))
                guard let body = sequenceBody() else { return [.msg(.key(.alt(introducer)))] }
                if introducer == "[", body.hasPrefix("<") {
                    return sgrMouse(body: String(body.dropFirst()), complete: true)
                }
                if introducer == "[", body == "200~" { return paste() }   // ncurses did not know the marker
                return [.msg(.key(KeyDecoder.escapeSequence(introducer: introducer, body: body)))]
            }
            return KeyDecoder.compose(escapeFollowedBy: following).map { .msg(.key($0)) }
        }
    }

    /// The rest of a CSI or SS3 sequence already waiting: parameter and intermediate bytes, then a
    /// final byte. Nil when nothing follows at once (a typed Alt+[).
    private func sequenceBody() -> String? {
        var body = ""
        while body.count < 32, let raw = next(timeoutMilliseconds: body.isEmpty ? 0 : 5) {
            guard case .character(let c) = raw, let scalar = Unicode.Scalar(c) else { return body }
            body.unicodeScalars.append(scalar)
            if (0x40...0x7E).contains(c) { return body }
        }
        return body.isEmpty ? nil : body
    }

    /// Reads a bracketed paste up to its end marker. A terminal that stops sending mid-paste (a
    /// dropped link) ends it after a second of silence, with what arrived.
    private func paste() -> [Event] {
        var paste = PasteCollector()
        while let raw = next(timeoutMilliseconds: 1000), !paste.take(raw) {}
        return paste.text.isEmpty ? [] : [.msg(.paste(paste.text))]
    }

    /// Reads an SGR mouse report's parameters up to its final `M` or `m`.
    private func sgrMouse(body start: String, complete: Bool = false) -> [Event] {
        var body = start
        if !complete {
            while body.count < 32, let raw = next(timeoutMilliseconds: 10) {
                guard case .character(let c) = raw, let scalar = Unicode.Scalar(c) else { break }
                body.unicodeScalars.append(scalar)
                if c == 0x4D || c == 0x6D { break }  // M, m
            }
        }
        guard let event = MouseDecoder.sgr(body) else { return [] }
        return [.msg(.mouse(event))]
    }
}
