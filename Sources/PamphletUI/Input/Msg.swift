/// Everything that can happen to the app arrives as one of these (the Elm architecture's messages).
public enum Msg: Sendable, Equatable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal's new size in cells.
    case resize(width: Int, height: Int)
    /// Time passed; `now` is monotonic seconds from an injected clock (no clock reads in the core).
    case tick(now: Double)
    /// Text pasted or typed in one burst.
    case paste(String)
    /// The runtime's answer to `Effect.verifyPIN`.
    case pinChecked(valid: Bool)
    /// New content was loaded in the background (hot reload); swap it in without disturbing the screen.
    case contentReloaded(LoadedContent)
    /// The content folder changed but its content has `errors` errors: the old content stays on
    /// screen. The browser says so on its status line (staff), the kiosk shows nothing (patients).
    case contentReloadRefused(errors: Int)
}

/// A decoded key press. Terminal backends map their codes to these.
public enum Key: Sendable, Hashable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, delete, insert, escape
    case function(Int)
    /// Ctrl plus a letter, lower-case (`.ctrl("c")`).
    case ctrl(Character)
    /// Alt (Meta) plus a character.
    case alt(Character)
    case unknown

    /// Alt-Backspace arrives as `.alt` of this (DEL), readline's delete-word.
    public static let altBackspaceCharacter: Character = "\u{7F}"
}

public struct MouseEvent: Sendable, Equatable {
    /// `press` and `release` of the first button (a finger down and up), `drag` the pointer moved
    /// while it is down, `click` both at once (a terminal that reports no release), then the wheel.
    public enum Kind: Sendable, Equatable { case press, release, drag, click, wheelUp, wheelDown }
    public var x: Int
    public var y: Int
    public var kind: Kind
    public init(x: Int, y: Int, kind: Kind) {
        self.x = x
        self.y = y
        self.kind = kind
    }
}

/// I/O the update function asks the runtime to perform; the core itself never does I/O.
public enum Effect: Sendable, Equatable {
    case quit
    /// Wipe the whole terminal (and its scrollback where possible) before the next frame: kiosk privacy.
    case clearScreen
    case bell
    /// Repaint every cell (Ctrl-L): output that is not ours (a kernel message on a console, a stray
    /// write to the tty) goes, and nothing is wiped from the scrollback.
    case redraw
    /// Ask the runtime to verify a staff PIN (slow hash) and answer with a message.
    case verifyPIN(String)
    /// Ask the runtime to deliver a tick after this many seconds at the latest.
    case scheduleTick(after: Double)
}
