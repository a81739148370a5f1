import CNCursesW
import Glibc

/// Why the terminal could not be opened. The executable prints the description and exits with 2.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    case notATerminal
    case unknownTerminal(String?)
    /// The terminfo entry exists but cannot address the cursor (TERM=dumb): no full-screen drawing.
    case cannotAddressCursor(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "The browser needs a terminal: its input and output must not be redirected or piped."
        case .unknownTerminal(nil):
            return "The terminal type is not set (TERM is empty). Try: TERM=xterm-256color pamphlet"
        case .unknownTerminal(let name?):
            return "Unknown terminal type \"\(name)\" (TERM): no terminfo entry for it. "
                + "Install ncurses-term, or try: TERM=xterm-256color pamphlet"
        case .cannotAddressCursor(let name):
            return "The terminal type \"\(name)\" (TERM) cannot move the cursor, so the browser cannot draw. "
                + "Try: TERM=xterm-256color pamphlet, or use `pamphlet show` and `pamphlet search`."
        }
    }
}

/// How keys reach the program.
public enum InputMode: Sendable, Equatable {
    /// ^C, ^Z and ^\ act as usual (signals): the browser.
    case cbreak
    /// Every key arrives as a key, ^C included: the kiosk.
    case raw
}

nonisolated(unsafe) private let sessionActive: UnsafeMutablePointer<sig_atomic_t> = {
    let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
    p.initialize(to: 0)
    return p
}()
/// Whether the terminal was asked for bracketed paste (and must be told to stop at any exit).
nonisolated(unsafe) private let pasteModeOn: UnsafeMutablePointer<sig_atomic_t> = {
    let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
    p.initialize(to: 0)
    return p
}()
nonisolated(unsafe) private var atexitRegistered = false

/// An open ncurses screen: set up in `init`, restored by `end()` (also at process exit, as a last resort).
final class TerminalSession {
    let colorSupport: ColorSupport
    let defaultColors: Bool
    /// ncurses was told X10 mouse reports but we asked the terminal for SGR ones and decode them ourselves.
    private var sgrMouseByHand = false
    private var ended = false
    /// Said on stderr when `TERM` had no entry and another was used; said again at the end when the
    /// exit wipe (no alternate screen, vt100) took it off the screen.
    private var fallbackNote: String?

    init(mode: InputMode, useColor: Bool, mouse: Bool) throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        let term = getenv("TERM").map { String(cString: $0) }
        guard let term, !term.isEmpty else { throw TerminalError.unknownTerminal(nil) }
        // Our handlers first: ncurses only installs its own where it finds the default.
        SignalTrap.install(interrupts: mode == .cbreak)
        // newterm, unlike initscr, returns NULL for an unknown type instead of exiting. Then run as a
        // type the terminal surely understands (xterm-256color for kitty, foot ...; else vt100),
        // saying so on stderr (before the first frame, so it is still there after the browser ends).
        if pamphlet_newterm(nil) == nil {
            var opened = false
            for fallback in TerminalFallback.candidates(for: term) where pamphlet_newterm(fallback) != nil {
                fallbackNote = TerminalFallback.note(term: term, using: fallback) + "\n"
                Self.writeError(fallbackNote ?? "")
                opened = true
                break
            }
            guard opened else {
                SignalTrap.uninstall()
                throw TerminalError.unknownTerminal(term)
            }
        }
        sessionActive.pointee = 1
        SignalTrap.installResizeWake()
        guard pamphlet_tigetstr("cup") != nil else {
            endwin()
            sessionActive.pointee = 0
            SignalTrap.uninstall()
            throw TerminalError.cannotAddressCursor(term)
        }
        if !atexitRegistered {
            atexitRegistered = true
            atexit {
                if sessionActive.pointee != 0 { sessionActive.pointee = 0; endwin() }
                if pasteModeOn.pointee != 0 { pasteModeOn.pointee = 0; pamphlet_write_raw("\u{1B}[?2004l") }
            }
        }
        switch mode {
        case .cbreak: cbreak()
        case .raw: raw()
        }
        noecho()
        nonl()
        _ = pamphlet_intrflush_off()
        _ = pamphlet_keypad(1)
        set_escdelay(25)
        curs_set(0)

        var support = ColorSupport.none
        var defaults = false
        if useColor, has_colors() {
            start_color()
            defaults = use_default_colors() == OK
            support = pamphlet_colors() >= 16 ? .bright : .basic
        }
        colorSupport = support
        defaultColors = defaults

        if mouse {
            _ = mousemask(pamphlet_all_mouse_events(), nil)
            _ = mouseinterval(0)
            // tmux and screen entries announce X10 reports (kmous=\E[M), which cannot address
            // columns past 223. Ask for SGR reports too and read those ourselves.
            let kmous = pamphlet_tigetstr("kmous").map { String(cString: $0) }
            if kmous != "\u{1B}[<" {
                _ = define_key("\u{1B}[<", KeyDecoder.sgrMouseKeyCode)
                sgrMouseByHand = true
            }
        }
        // Bracketed paste: pasted text arrives between these markers instead of as keys.
        _ = define_key("\u{1B}[200~", KeyDecoder.pasteStartKeyCode)
        _ = define_key("\u{1B}[201~", KeyDecoder.pasteEndKeyCode)
    }

    private static func writeError(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(2, &bytes, bytes.count)
    }

    /// Called once the first frame is out (ncurses has sent its own mode switches by then).
    /// Terminals without bracketed paste ignore the request (an unknown private mode).
    func didPaintFirstFrame() {
        if sgrMouseByHand { pamphlet_write_raw("\u{1B}[?1006h") }
        pamphlet_write_raw("\u{1B}[?2004h")
        pasteModeOn.pointee = 1
    }

    /// Rows and columns now.
    var size: (width: Int, height: Int) {
        var rows: Int32 = 0, cols: Int32 = 0
        pamphlet_getmaxyx(&rows, &cols)
        return (Int(max(0, cols)), Int(max(0, rows)))
    }

    /// True when the terminal has hung up (its reads end at once with nothing): a dead SSH link or a
    /// closed window whose SIGHUP never reached us. Reading on would spin.
    var isHungUp: Bool {
        var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, 0) >= 0 else { return true }
        return fd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Also drops the scrollback where the terminal can (terminfo's E3), for kiosk privacy.
    func clearScrollback() {
        if let e3 = pamphlet_tigetstr("E3") { pamphlet_write_raw(e3) }
    }

    /// Restores the terminal. Safe to call twice.
    func end() {
        guard !ended else { return }
        ended = true
        if sessionActive.pointee != 0 {
            sessionActive.pointee = 0
            // Without an alternate screen (vt100, a Linux console set so) the last frame would stay
            // under the shell's prompt, half overwritten, and with it what was last searched: wipe it.
            // Through tputs: vt100's clear ends in padding ("$<50>") that written raw showed as text.
            let wipe = pamphlet_tigetstr("rmcup") == nil ? pamphlet_tigetstr("clear") : nil
            endwin()
            if let wipe { pamphlet_putp(wipe) }
            if wipe != nil, let fallbackNote { Self.writeError(fallbackNote) }
            if sgrMouseByHand { pamphlet_write_raw("\u{1B}[?1006l") }
            if pasteModeOn.pointee != 0 { pasteModeOn.pointee = 0; pamphlet_write_raw("\u{1B}[?2004l") }
        }
        SignalTrap.uninstall()
    }

    deinit { end() }
}
