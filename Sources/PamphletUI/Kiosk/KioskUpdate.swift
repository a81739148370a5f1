extension KioskState {
    /// One message in, the effects out. Only a valid staff PIN ever yields `.quit`.
    public mutating func update(_ msg: Msg) -> [Effect] {
        switch msg {
        case .tick(let now):
            return tick(now)
        case .resize(let w, let h):
            width = w
            height = h
            return forward(.resize(width: w, height: browserHeight))
        case .key(let key):
            // F2 is never spent on closing the countdown: "Help now: F2" stays on screen above it
            // (review I 2: the first F2 only closed the box).
            return input(evenOverCountdown: key.opensCrisisInKiosk) { $0.key(key) }
        case .mouse(let event):
            // A tap on the header's crisis hint is F2 (review J 6): it gets through the countdown,
            // the staff PIN box and the take-home panel, which close, unanswered.
            let crisis = opensCrisis(event)
            return input(evenOverCountdown: crisis) { $0.mouse(event, opensCrisis: crisis) }
        case .paste(let text):
            return input { $0.paste(text) }
        case .pinChecked(let valid):
            return pinChecked(valid)
        case .contentReloaded(let loaded):
            content = loaded
            return forward(msg)
        case .contentReloadRefused:
            // Patients are not told; the log has the errors (ContentReloader).
            return []
        }
    }

    /// Rows the browser draws into: all but the kiosk's bar.
    var browserHeight: Int { max(0, height - 1) }

    // MARK: Time

    private mutating func tick(_ now: Double) -> [Effect] {
        clock = now
        if inputSinceTick {
            lastInput = now
            inputSinceTick = false
        }
        lockout.tick(now: now)
        if hasSession, idleSeconds >= options.idleTimeout + options.countdown {
            return startOver()
        }
        return forward(.tick(now: now)) + [.scheduleTick(after: 1)]
    }

    // MARK: Input

    /// Every key, click and paste restarts the idle timer; a showing countdown just goes away
    /// (and the input with it, unless `evenOverCountdown`).
    private mutating func input(evenOverCountdown: Bool = false, _ handle: (inout Self) -> [Effect]) -> [Effect] {
        let countdownShowing = countdownRemaining != nil
        lastInput = clock
        inputSinceTick = true
        if countdownShowing && !evenOverCountdown { return [] }
        return handle(&self)
    }

    private mutating func key(_ key: Key) -> [Effect] {
        barPress = nil   // a tap half made on the bar opens nothing once a key has acted
        // Ctrl-L repaints whatever is showing (a kernel message on tty1 stays otherwise); it wakes nothing.
        if key == .ctrl("l") {
            chordArmed = false
            return [.redraw]
        }
        if pinPrompt != nil {
            guard key.opensCrisisInKiosk else { return pinKey(key) }
            // Help comes before the staff's prompt (review I 2): it closes, unanswered.
            pinPrompt = nil
        }
        if takeHome != nil {
            takeHome = nil
            if !key.opensCrisisInKiosk { return [] }
        }
        // Staff chord: the first key arms it, the second (right after) opens the prompt.
        if chordArmed, key == KioskKeys.staffChordSecond {
            chordArmed = false
            if options.exitAllowed { pinPrompt = PINPrompt() }
            return []
        }
        chordArmed = key == KioskKeys.staffChordFirst
        if chordArmed { return [] }

        switch screen {
        case .attract:
            startSession()
            // A patient who walks up and types a word wakes the kiosk with its first letter: keep
            // it ("suicide" had searched "uicide" and found nothing), and a number's first digit
            // ("911", review G 1); F2 opens the crisis page, as the header says. Other keys only
            // wake it.
            return key.startsSearch || key.opensCrisisInKiosk ? forward(.key(key)) : []
        case .browsing:
            if key == KioskKeys.startOver { return startOver() }
            if key == KioskKeys.takeHome {
                if let page = takeHomeURL { takeHome = TakeHomePanel(title: page.title, url: page.url) }
                return []
            }
            return forward(.key(key))
        }
    }

    /// A tap (its press) on the crisis hint of the browser's header, whatever box is over it.
    private func opensCrisis(_ event: MouseEvent) -> Bool {
        guard screen == .browsing, event.kind == .press || event.kind == .click, event.y < browserHeight,
              width >= options.minimumWidth, height >= options.minimumHeight else { return false }
        return browser?.kioskCrisisHintContains(x: event.x, y: event.y) == true
    }

    private mutating func mouse(_ event: MouseEvent, opensCrisis: Bool) -> [Effect] {
        chordArmed = false
        if event.kind != .release && event.kind != .drag { barPress = nil }
        if opensCrisis {
            pinPrompt = nil
            takeHome = nil
            return forward(.mouse(event))
        }
        if pinPrompt != nil { return [] }
        // A finger landing closes the take-home panel and wakes the attract screen ("touch the
        // screen"); the browser never saw that press, so it ignores the release that follows.
        let isTap = event.kind == .press || event.kind == .click
        if takeHome != nil {
            if isTap { takeHome = nil }
            return []
        }
        switch screen {
        case .attract:
            if isTap { startSession() }
            return []
        case .browsing:
            // The bar's buttons act at the release of a tap on them, as the browser's do (review J 7):
            // a swipe that starts on "Start over" does not wipe the session.
            if let press = barPress, event.kind == .release || event.kind == .drag {
                guard event.kind == .release else { return [] }
                barPress = nil
                return AppState.isTap(event, pressedAt: press.x, press.y) ? tapBar(atColumn: press.x) : []
            }
            if event.y == height - 1 {
                switch event.kind {
                case .press: barPress = (event.x, event.y)
                case .click: return tapBar(atColumn: event.x)
                default: break
                }
                // A release or drag here may end a drag that began over the page: the browser's.
                return event.kind == .release || event.kind == .drag ? forward(.mouse(event)) : []
            }
            return forward(.mouse(event))
        }
    }

    private mutating func tapBar(atColumn x: Int) -> [Effect] {
        switch barItem(atColumn: x) {
        case .startOver?: return startOver()
        case .takeHome?:
            if let page = takeHomeURL { takeHome = TakeHomePanel(title: page.title, url: page.url) }
            return []
        case nil: return []
        }
    }

    private mutating func paste(_ text: String) -> [Effect] {
        chordArmed = false
        // Never paste into the PIN prompt; a paste on the attract screen just wakes it.
        if pinPrompt != nil || takeHome != nil { return [] }
        switch screen {
        case .attract:
            // An on-screen keyboard may send a word as a paste: it is the search, as typed letters are.
            startSession()
            return forward(.paste(text))
        case .browsing:
            return forward(.paste(text))
        }
    }

    // MARK: Staff PIN

    private mutating func pinKey(_ key: Key) -> [Effect] {
        guard var prompt = pinPrompt else { return [] }
        defer { if pinPrompt != nil { pinPrompt = prompt } }
        switch key {
        case .escape:
            pinPrompt = nil
            return []
        case .backspace, .delete:
            if !prompt.checking { _ = prompt.typed.popLast() }
        case .ctrl("u"):
            prompt.typed.removeAll()
        case .enter:
            guard !prompt.checking, !prompt.typed.isEmpty, !lockout.isLocked(now: clock) else { return [] }
            let pin = String(prompt.typed)
            prompt.typed.removeAll()
            prompt.checking = true
            return [.verifyPIN(pin)]
        case .char(let c):
            guard !prompt.checking, !lockout.isLocked(now: clock), prompt.typed.count < KioskKeys.maximumPINLength,
                  !c.isWhitespace, !c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else { return [] }
            prompt.typed.append(c)
            prompt.wasWrong = false
        default:
            break
        }
        return []
    }

    private mutating func pinChecked(_ valid: Bool) -> [Effect] {
        // Only an answer to a check this prompt asked for counts.
        guard var prompt = pinPrompt, prompt.checking else { return [] }
        if valid {
            pinPrompt = nil
            browser = nil
            return [.clearScreen, .quit]
        }
        lockout.recordFailure()
        prompt.checking = false
        prompt.wasWrong = true
        pinPrompt = prompt
        return [.scheduleTick(after: 0)]
    }

    // MARK: Sessions

    private mutating func startSession() {
        var browserOptions = options.browser
        // Whatever options it was given, this browser is in the kiosk, in front of patients.
        browserOptions.kioskKeysInHelp = true
        browserOptions.showContentProblems = false
        browserOptions.lettersSearch = true
        var fresh = Browser.kioskFresh(content: content, options: browserOptions)
        _ = fresh.update(.resize(width: width, height: browserHeight))
        browser = fresh
        screen = .browsing
    }

    /// Back to the attract screen with nothing of the session left, in memory or on the terminal.
    mutating func startOver() -> [Effect] {
        browser = nil
        pinPrompt = nil
        takeHome = nil
        chordArmed = false
        barPress = nil
        screen = .attract
        return [.clearScreen, .scheduleTick(after: 1)]
    }

    /// Sends a message to the browser, keeping only the effects a kiosk allows.
    private mutating func forward(_ msg: Msg) -> [Effect] {
        guard var current = browser else { return [] }
        let effects = current.update(msg)
        browser = current
        return effects.filter { effect in
            // An allow-list: any effect added later (say, opening a URL) stays out of kiosk mode.
            switch effect {
            case .clearScreen, .redraw, .bell, .scheduleTick: true
            default: false
            }
        }
    }
}

extension Key {
    /// The kiosk's crisis key: F2. The keymap binds `c` to the crisis page too, but in the kiosk a
    /// letter is a letter (it searches, and a staff PIN may hold it), so it never goes through a
    /// box over the page as F2 does.
    var opensCrisisInKiosk: Bool { !startsSearch && Keymap.action(for: self, in: .global) == .crisis }
}
