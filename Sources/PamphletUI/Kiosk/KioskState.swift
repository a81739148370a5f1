import PamphletKit

/// Timings and permissions the kiosk runs with (resolved from site.yaml, the config file and flags).
public struct KioskOptions: Sendable, Equatable {
    /// Seconds without input before the "Still there?" countdown appears.
    public var idleTimeout: Double
    /// Seconds the countdown runs before the kiosk starts over.
    public var countdown: Double
    /// Whether the staff chord opens the PIN prompt (false with `--no-exit`).
    public var exitAllowed: Bool
    /// Options for every fresh browser (no quitting, no file paths).
    public var browser: AppOptions

    /// The smallest screen the kiosk browses in: the browser's minimum plus the kiosk's bar row.
    public var minimumWidth: Int { browser.minimumWidth }
    public var minimumHeight: Int { browser.minimumHeight + 1 }

    public init(idleTimeout: Double = 120, countdown: Double = 10, exitAllowed: Bool = true,
                browser: AppOptions = .kiosk()) {
        self.idleTimeout = idleTimeout
        self.countdown = countdown
        self.exitAllowed = exitAllowed
        self.browser = browser
    }
}

/// Kiosk mode: the browser wrapped for an unattended waiting-room screen.
///
/// An attract screen until someone touches a key; an idle timer (from `.tick`) with a visible
/// countdown, then a reset that drops the whole browser state (search text, history, scroll positions,
/// open answers, self-check ticks) and clears the terminal; a "Start over" key always shown; staff exit
/// only through a chord and a PIN checked by the runtime. Nothing here quits except a valid PIN.
public struct KioskState<Browser: KioskBrowsable>: Program {
    public enum Screen: Sendable, Equatable { case attract, browsing }

    public let options: KioskOptions
    /// The content on show; replaced by hot reload.
    public internal(set) var content: LoadedContent
    public internal(set) var screen: Screen = .attract
    /// The patient's session; nil on the attract screen (nothing of the last patient survives).
    public internal(set) var browser: Browser?
    /// The staff PIN prompt, when open.
    public internal(set) var pinPrompt: PINPrompt?
    public internal(set) var lockout = PINLockout()
    /// The "take it home" panel: the page's title, URL and QR rows.
    public internal(set) var takeHome: TakeHomePanel?

    /// Latest clock reading from `.tick` (monotonic seconds).
    public internal(set) var clock: Double = 0
    /// Clock reading at the last key, click or paste.
    public internal(set) var lastInput: Double = 0
    /// Input arrived since the last tick: the next tick restarts the idle timer from its fresh clock.
    var inputSinceTick = false
    /// The first key of the staff chord was the last key pressed.
    var chordArmed = false
    /// A press on the bottom bar, not yet released: its button acts at the release (a tap).
    var barPress: (x: Int, y: Int)?
    var width = 80
    var height = 24

    public init(content: LoadedContent, options: KioskOptions) {
        self.content = content
        self.options = options
    }

    /// Seconds since the last input.
    public var idleSeconds: Double { max(0, clock - lastInput) }

    /// Whether there is anything a reset would wipe (a session, an open prompt or panel).
    var hasSession: Bool { screen == .browsing || pinPrompt != nil || takeHome != nil }

    /// Seconds left on the visible "Still there?" countdown, or nil when it is not showing.
    public var countdownRemaining: Int? {
        guard hasSession, idleSeconds >= options.idleTimeout else { return nil }
        let left = options.idleTimeout + options.countdown - idleSeconds
        return max(1, Int(left.rounded(.up)))
    }

    /// The page on screen has a public URL to take home.
    var takeHomeURL: (title: String, url: String)? {
        guard screen == .browsing, let doc = browser?.kioskCurrentDocument,
              let url = doc.url, !url.allSatisfy(\.isWhitespace) else { return nil }
        return (doc.title, url)
    }
}

/// A page's public address as text and as QR code rows.
///
/// The rows are drawn in the `.highlight` role with glyphs as the *dark* modules: every theme gives
/// that role a light background (black on yellow, or reverse video), so the code is dark-on-light
/// whatever the terminal's own colours are, as scanners expect.
public struct TakeHomePanel: Sendable, Equatable {
    public var title: String
    public var url: String
    /// Empty when the URL is too long for a QR code.
    public var qrRows: [String]

    init(title: String, url: String) {
        self.title = title
        self.url = url
        qrRows = QRCode(encoding: url).map { QRHalfBlocks.rows($0, ink: .darkModules) } ?? []
    }
}
