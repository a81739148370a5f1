// Shared by the soak smoke test here and the soak runner (Fuzz/Sources/FuzzSupport links this file).
import PamphletKit
import PamphletUI

/// Kiosk idle-reset cycles: a visitor does random things (and types a marker into search), walks
/// away, the idle timer runs out; then nothing of the visit may be left: the kiosk must equal a fresh
/// one (screen by screen), the marker must be gone, and the next visitor's browser must be pristine.
/// (The staff PIN lockout is kept across visitors on purpose, so it is not compared.)
public struct KioskCycles {
    public struct Report {
        public var cycles = 0
        public var messages = 0
        /// Cycles where the marker was on screen before the reset (so its absence after means something).
        public var markerShown = 0
        public var failures: [String] = []
    }

    public static func run(cycles: Int, seed: UInt64, content: LoadedContent, reloads: [LoadedContent] = [],
                           options: KioskOptions = KioskOptions(idleTimeout: 30, countdown: 5)) -> Report {
        var report = Report()
        var stream = MessageStream(SeededBytes(seed: seed), reloads: reloads)
        var kiosk = KioskState<AppState>(content: content, options: options)
        var clock = 0.0
        var size = (w: 80, h: 24)
        func send(_ msg: Msg) {
            if case .tick(let now) = msg { clock = max(clock, now) }
            _ = kiosk.update(msg)
            report.messages += 1
        }
        send(.resize(width: size.w, height: size.h))

        for cycle in 0..<cycles {
            // The visit: random messages, the clock only moving forward in small steps.
            let visit = 5 + Int(stream.source.nextByte() ?? 0) % 60
            for _ in 0..<visit {
                guard var msg = stream.next() else { break }
                switch msg {
                case .tick: clock += 0.5; msg = .tick(now: clock)
                case .pinChecked: msg = .pinChecked(valid: false)  // a valid PIN ends the kiosk
                case .resize(let w, let h): size = (max(w, 1), max(h, 1)); msg = .resize(width: size.w, height: size.h)
                default: break
                }
                send(msg)
            }
            // Type a marker into search, big enough to be seen.
            size = (100, 30)
            send(.resize(width: size.w, height: size.h))
            let marker = "qzx\(cycle)"
            for key: Key in [.escape, .escape, .escape] { send(.key(key)) }
            send(.paste(""))  // wakes the attract screen; ignored elsewhere
            send(.key(.char("/")))
            for c in marker { send(.key(.char(c))) }
            if text(kiosk.view(width: size.w, height: size.h)).contains(marker) { report.markerShown += 1 }

            // The visitor leaves: one tick to note the last input, one after the timeout and countdown.
            clock += 0.1
            send(.tick(now: clock))
            clock += options.idleTimeout + options.countdown + 1
            send(.tick(now: clock))

            var fresh = KioskState<AppState>(content: kiosk.content, options: options)
            _ = fresh.update(.resize(width: size.w, height: size.h))
            _ = fresh.update(.tick(now: clock))
            let screen = kiosk.view(width: size.w, height: size.h)
            var problems: [String] = []
            if kiosk.screen != .attract { problems.append("not on the attract screen") }
            if kiosk.browser != nil { problems.append("the browser survived") }
            if kiosk.pinPrompt != nil { problems.append("the PIN prompt survived") }
            if kiosk.takeHome != nil { problems.append("the take-home panel survived") }
            if screen != fresh.view(width: size.w, height: size.h) { problems.append("the screen differs from a fresh kiosk's") }
            if text(screen).contains(marker) { problems.append("the typed search text is still on screen") }

            // The next visitor gets a pristine browser.
            send(.key(.char(" ")))
            if let browser = kiosk.browser {
                var freshBrowser = AppState.kioskFresh(content: kiosk.content, options: options.browser)
                _ = freshBrowser.update(.resize(width: size.w, height: size.h - 1))
                if !browser.isPristine || browser.search != nil || !browser.expanded.isEmpty || !browser.answers.isEmpty {
                    problems.append("the next visitor's browser is not pristine")
                }
                if browser.view(width: size.w, height: size.h - 1) != freshBrowser.view(width: size.w, height: size.h - 1) {
                    problems.append("the next visitor's first screen differs from a fresh browser's")
                }
            } else {
                problems.append("a key on the attract screen did not start a session")
            }
            if !problems.isEmpty { report.failures.append("cycle \(cycle) (seed \(seed)): " + problems.joined(separator: "; ")) }
            report.cycles += 1
        }
        return report
    }

    static func text(_ canvas: Canvas) -> String {
        canvas.cells.map(\.text).joined()
    }
}
