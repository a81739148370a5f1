import CNCursesW
import Glibc
import PamphletUI

/// How the runtime drives a program.
public struct RuntimeOptions: Sendable {
    public var inputMode: InputMode
    public var theme: Theme
    /// False for NO_COLOR: attributes only, whatever the terminal can do.
    public var useColor: Bool
    public var mouse: Bool
    /// Seconds between ticks while idle; nil sends ticks only when the program schedules them.
    public var tickInterval: Double?
    /// The locale is not UTF-8: write typographic quotes and dashes as ASCII look-alikes.
    /// Defaults to what `TerminalLocale.setUp()` found.
    public var asciiPunctuation: Bool

    public init(inputMode: InputMode = .cbreak, theme: Theme = .standard, useColor: Bool = true,
                mouse: Bool = true, tickInterval: Double? = nil, asciiPunctuation: Bool? = nil) {
        self.asciiPunctuation = asciiPunctuation ?? !TerminalLocale.userLocaleIsUTF8
        self.inputMode = inputMode
        self.theme = theme
        self.useColor = useColor
        self.mouse = mouse
        self.tickInterval = tickInterval
    }
}

/// How a run ended.
public enum RunOutcome: Sendable, Equatable {
    /// The program returned `Effect.quit`.
    case quit
    /// SIGTERM, SIGHUP, or (in cbreak mode) SIGINT or SIGQUIT. Exit with 128 + the number.
    case signal(Int32)
}

/// The event loop: input -> `Msg` -> `update` -> effects, `view` -> changed cells -> terminal.
/// Generic over any `Program`, so the browser and the kiosk share it.
public enum TerminalRuntime {
    /// Input read in one go before drawing (a paste, key repeat).
    static let batchLimit = 256
    /// Reads in a row that find nothing although the terminal was ready before it is taken as gone
    /// (a backstop for terminals that hang up without POLLHUP).
    static let maxEarlyEmptyReads = 50

    /// Opens the terminal, runs `program` until it quits or a signal ends it, and restores the
    /// terminal on every way out (thrown errors included).
    /// - Parameters:
    ///   - mailbox: messages from other threads, delivered between inputs.
    ///   - perform: handles effects the runtime does not know (`verifyPIN`); returns messages to
    ///     deliver now (or posts them to the mailbox later).
    public static func run<P: Program>(
        _ program: inout P, options: RuntimeOptions = RuntimeOptions(), mailbox: Mailbox? = nil,
        started: (() -> Void)? = nil, perform: ((Effect) -> [Msg])? = nil
    ) throws -> RunOutcome {
        let session = try TerminalSession(mode: options.inputMode, useColor: options.useColor, mouse: options.mouse)
        defer { session.end() }
        // The terminal is up: the kiosk logs its start only now, not before a TERM it cannot use.
        started?()
        let painter = Painter(theme: options.theme, support: session.colorSupport, defaultColors: session.defaultColors,
                              asciiPunctuation: options.asciiPunctuation)
        let input = InputReader()

        var size = session.size
        var queue: [Msg] = [.resize(width: size.width, height: size.height), .tick(now: MonotonicClock.now())]
        var nextIdleTick = options.tickInterval.map { MonotonicClock.now() + $0 }
        var scheduledTick: Double?
        var firstFrame = true
        var earlyEmptyReads = 0
        var inputMayBeWaiting = false

        while true {
            // Update.
            var needsClear = false
            var needsRedraw = false
            var index = 0
            while index < queue.count {
                let msg = queue[index]
                index += 1
                for effect in program.update(msg) {
                    switch effect {
                    case .quit: return .quit
                    case .clearScreen: needsClear = true
                    case .redraw: needsRedraw = true
                    case .bell: beep()
                    case .scheduleTick(let after):
                        let at = MonotonicClock.now() + max(0, after)
                        scheduledTick = min(scheduledTick ?? at, at)
                    case .verifyPIN: queue += perform?(effect) ?? []
                    }
                }
            }
            // Paint.
            if !queue.isEmpty {
                if needsClear || needsRedraw {
                    // The next refresh clears the real screen (clearok) and every cell is written again.
                    pamphlet_clear_all()
                    painter.invalidate()
                }
                painter.paint(program.view(width: size.width, height: size.height))
                if needsClear { session.clearScrollback() }
                if firstFrame {
                    firstFrame = false
                    session.didPaintFirstFrame()
                }
            }
            queue.removeAll(keepingCapacity: true)
            if let sig = SignalTrap.pending { return .signal(sig) }

            // Wait for input, a tick, a signal or the mailbox (the last two write to `WakePipe`).
            let now = MonotonicClock.now()
            let deadline = [nextIdleTick, scheduledTick].compactMap { $0 }.min()
            var wait: Int32 = -1
            if let deadline { wait = Int32(min(24 * 3600 * 1000, max(0, (deadline - now) * 1000).rounded(.up))) }
            var events: [InputReader.Event] = []
            let woke = inputMayBeWaiting ? .input : WakePipe.wait(forInputOn: 0, timeoutMilliseconds: wait)
            // Read after any wake: ncurses reports a resize (SIGWINCH) as a key when next read.
            if woke != .timedOut {
                if let first = input.read(timeoutMilliseconds: 0) {
                    earlyEmptyReads = 0
                    events = first
                    // Drain what is already there before drawing again.
                    while events.count < batchLimit, let more = input.read(timeoutMilliseconds: 0) { events += more }
                } else if woke == .input && !inputMayBeWaiting {
                    // Ready to read, yet nothing came: end of file (a closed terminal), or the
                    // first bytes of a character ncurses waits to complete.
                    earlyEmptyReads += 1
                    if session.isHungUp || earlyEmptyReads >= maxEarlyEmptyReads { return .signal(SIGHUP) }
                }
            }
            // A full batch may have left input in ncurses's buffer, where polling cannot see it.
            inputMayBeWaiting = events.count >= batchLimit
            for event in events {
                switch event {
                case .msg(let msg): queue.append(msg)
                case .resized:
                    size = session.size
                    pamphlet_clear_all()
                    painter.invalidate()
                    queue.append(.resize(width: size.width, height: size.height))
                }
            }
            if let mailbox { queue += mailbox.drain() }
            let after = MonotonicClock.now()
            if let deadline, after >= deadline {
                queue.append(.tick(now: after))
                if scheduledTick.map({ after >= $0 }) == true { scheduledTick = nil }
                if let interval = options.tickInterval, nextIdleTick.map({ after >= $0 }) == true {
                    nextIdleTick = after + interval
                }
            }
        }
    }
}
