import PamphletKit

/// One entry of the kiosk's bottom bar, hit-tested for taps.
enum KioskBarItem: Sendable, Equatable { case startOver, takeHome }

extension KioskState {
    /// Draws the attract screen or the browser, the bar, then any panel on top.
    public func view(width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        guard width > 0, height > 0 else { return canvas }
        let bodyHeight = max(0, height - 1)
        switch screen {
        case .attract:
            drawAttract(into: &canvas, height: bodyHeight)
        case .browsing:
            if let browser {
                var page: Canvas
                if width < options.minimumWidth || height < options.minimumHeight {
                    // Say what the kiosk needs (the bar's row included), not what the browser does,
                    // and keep the crisis line and F2 on screen, as the attract screen does (review G 8).
                    page = Canvas(width: width, height: bodyHeight)
                    let lines = Self.tooSmallLines(site: content.library.site, options: options, width: width,
                                                   height: bodyHeight)
                    Self.drawCentered(lines, into: &page, height: bodyHeight)
                } else {
                    page = browser.view(width: width, height: bodyHeight)
                }
                for y in 0..<min(bodyHeight, page.height) {
                    for x in 0..<min(width, page.width) { canvas[x, y] = page[x, y] }
                }
            }
        }
        drawBar(into: &canvas)
        if let takeHome { drawTakeHome(takeHome, into: &canvas) }
        if let pinPrompt { drawPINPrompt(pinPrompt, into: &canvas) }
        if let seconds = countdownRemaining {
            drawPanel(into: &canvas, lines: Self.countdownLines(seconds: seconds, width: width, height: bodyHeight))
        }
        return canvas
    }

    /// The "Still there?" box's lines: the instruction wrapped at words to the box's inside (review G 4:
    /// "press any key t…" at 40x12 and "or press…" at 30x9); when the box would cover the header
    /// (its "Help now: F2") the blank lines go first.
    static func countdownLines(seconds: Int, width: Int, height: Int) -> [(String, Role)] {
        let instruction = "Touch the screen or press any key to keep reading"
        let inner = max(1, width - 4)
        var lines: [(String, Role)] = [("Still there?", .title), ("", .normal), ("Starting over in \(seconds) s", .warning),
                                       ("", .normal)]
        lines += KioskText.wrap(instruction, width: inner).map { ($0, Role.hint) }
        // The box's two borders; centred in `height` rows, it starts below the header when it is at
        // most `height - 2` tall.
        while lines.count + 2 > height - 2, let blank = lines.lastIndex(where: { $0.0.isEmpty }) {
            lines.remove(at: blank)
        }
        return lines
    }

    // MARK: Attract screen

    private func drawAttract(into canvas: inout Canvas, height: Int) {
        Self.drawCentered(Self.attractLines(site: content.library.site, width: canvas.width, height: height),
                          into: &canvas, height: height)
    }

    /// Lines centred, each and all together, in the top `height` rows.
    static func drawCentered(_ lines: [(String, Role)], into canvas: inout Canvas, height: Int) {
        let width = canvas.width
        let top = max(0, (height - lines.count) / 2)
        for (i, (text, role)) in lines.enumerated() where top + i < height {
            let w = TextMetrics.width(text)
            canvas.write(text, x: max(0, (width - w) / 2), y: top + i, role: role)
        }
    }

    /// The kiosk's "Please enlarge the window" screen: what it needs (the size never split across
    /// lines), how to reach help (F2 opens the crisis page at any size), and the crisis line when
    /// the site has one, which goes last of all, as on the attract screen (review G 8).
    static func tooSmallLines(site: Site, options: KioskOptions, width: Int, height: Int) -> [(String, Role)] {
        let inner = max(1, width - 2)
        func block(_ text: String, _ role: Role, _ dropOrder: Int) -> KioskTextBlock {
            // A no-break space keeps "30 x 9" together; it is drawn as a space.
            KioskTextBlock(lines: KioskText.wrap(text, width: inner).map { ($0.replacingNoBreakSpaces, role) },
                           dropOrder: dropOrder)
        }
        let size = "\(options.minimumWidth)\u{00A0}x\u{00A0}\(options.minimumHeight)"
        var blocks = [block("Please enlarge the window.", .warning, 2),
                      block("This needs at least \(size) characters.", .normal, 4),
                      KioskTextBlock(lines: [("", .normal)], dropOrder: 5),
                      block("Help now: F2", .hint, 3)]
        if let crisis = options.browser.crisisSentence(site: site) {
            blocks.append(block(crisis, .crisis, 0))
        }
        return KioskTextBlock.fitting(blocks, height: height)
    }

    /// The attract screen's lines, as many as fit in `height`: when they do not all fit, whole
    /// blocks go (a sentence is never cut in half, review F 6): blank lines first, then the "or
    /// type" hint, then the tagline, then the name and the prompt; the crisis line last of all (review
    /// E 1: the hint pushed "988" under the bar at 40x12), and if even it does not fit, its end,
    /// where the number is, stays.
    static func attractLines(site: Site, width: Int, height: Int) -> [(String, Role)] {
        let inner = max(1, width - 4)
        func block(_ text: String, _ role: Role, _ dropOrder: Int) -> KioskTextBlock {
            KioskTextBlock(lines: KioskText.wrap(text, width: inner).map { ($0, role) }, dropOrder: dropOrder)
        }
        let blank = { (order: Int) in KioskTextBlock(lines: [("", Role.normal)], dropOrder: order) }
        // Higher `dropOrder` goes first; 0 never goes.
        var blocks: [KioskTextBlock] = [block(site.name, .title, 1)]
        if !site.tagline.isEmpty { blocks += [blank(5), block(site.tagline, .tagline, 3)] }
        blocks += [blank(5), blank(6), block("Press any key or touch the screen to start", .menuSelected, 2),
                   block("or type what you are looking for", .hint, 4)]
        if let crisis = site.contact.crisisLine, !crisis.isEmpty {
            let label = site.contact.crisisLineLabel ?? "In crisis? Call"
            blocks += [blank(5), blank(6), block("\(label): \(crisis)", .crisis, 0)]
        }
        return KioskTextBlock.fitting(blocks, height: height)
    }

    // MARK: Bar

    /// The bar's entries and where they sit: the same layout draws and hit-tests.
    func barLayout(width: Int) -> [(item: KioskBarItem, key: String, label: String, x: Int)] {
        var entries: [(KioskBarItem, String, String)] = [(.startOver, "F5", "Start over")]
        if takeHomeURL != nil {
            entries.append((.takeHome, "F6", options.browser.asciiOnly ? "Take this page home" : "Take this page home (QR code)"))
        }
        var x = 1
        var out: [(item: KioskBarItem, key: String, label: String, x: Int)] = []
        for (item, key, label) in entries {
            out.append((item, key, label, x))
            x += TextMetrics.width(key) + 1 + TextMetrics.width(label) + 3
        }
        return out
    }

    func barItem(atColumn column: Int) -> KioskBarItem? {
        for entry in barLayout(width: width) {
            let end = entry.x + TextMetrics.width(entry.key) + 1 + TextMetrics.width(entry.label)
            if column >= entry.x - 1, column <= end { return entry.item }
        }
        return nil
    }

    private func drawBar(into canvas: inout Canvas) {
        let y = canvas.height - 1
        canvas.fill(x: 0, y: y, count: canvas.width, role: .statusBar)
        for entry in barLayout(width: canvas.width) {
            let after = canvas.write(entry.key, x: entry.x, y: y, role: .statusKey)
            canvas.write(" " + entry.label, x: after, y: y, role: .statusBar)
        }
    }

    // MARK: Panels

    private func drawPINPrompt(_ prompt: PINPrompt, into canvas: inout Canvas) {
        let dot = options.browser.asciiOnly ? "*" : "•"
        var lines: [(String, Role)] = [("Staff exit", .title), ("", .normal)]
        lines.append(("PIN: " + String(repeating: dot, count: prompt.maskedLength) + "_", .searchInput))
        lines.append(("", .normal))
        if prompt.checking {
            lines.append(("Checking…", .hint))
        } else if lockout.isLocked(now: clock) {
            lines.append(("Wrong PIN. Try again in \(lockout.secondsLeft(now: clock)) s", .warning))
        } else if prompt.wasWrong {
            lines.append(("Wrong PIN. Try again.", .warning))
        } else {
            lines.append(("Enter the staff PIN", .hint))
        }
        lines.append(("Enter to confirm, Esc to cancel", .hint))
        drawPanel(into: &canvas, lines: lines)
    }

    /// The QR code takes the body under the header (whose "Need help now? Press F2" stays on
    /// screen and tappable, review J 6): code on the left, title and address beside it (or above
    /// and below on a narrow screen); just the address when the code cannot fit.
    private func drawTakeHome(_ panel: TakeHomePanel, into canvas: inout Canvas) {
        let first = 1
        let end = max(first, canvas.height - 1)
        let body = end - first
        for y in first..<end { canvas.fill(x: 0, y: y, count: canvas.width, role: .normal) }
        let qrWidth = panel.qrRows.first.map { TextMetrics.width($0) } ?? 0
        let qrHeight = panel.qrRows.count
        // Worded as the countdown box is: on a touch screen there is no key (review J 19).
        let hints = ["Point your phone's camera at the code.", "Touch the screen or press any key to close."]
        let sideX = 2 + qrWidth + 3
        func text(_ lines: [(String, Role)], x: Int, top: Int, width: Int) {
            var y = first + top
            for (line, role) in lines {
                let wrapped = role == .link ? KioskText.chop(line, width: width) : KioskText.wrap(line, width: width)
                for part in wrapped.isEmpty ? [""] : wrapped where y < end {
                    canvas.write(part, x: x, y: y, role: role)
                    y += 1
                }
            }
        }
        let about: [(String, Role)] = [(panel.title, .title), ("", .normal), ("Take this page home:", .normal),
                                       (panel.url, .link), ("", .normal)] + hints.map { ($0, .hint) }
        // Without half-block glyphs (ASCII mode) a code would be twice as tall as any screen.
        let codeRows = options.browser.asciiOnly ? [] : panel.qrRows
        if !codeRows.isEmpty, qrHeight <= body, canvas.width - sideX >= 24 {
            let top = (body - qrHeight) / 2
            for (i, row) in panel.qrRows.enumerated() { canvas.write(row, x: 2, y: first + top + i, role: .highlight) }
            text(about, x: sideX, top: max(0, (body - 8) / 2), width: canvas.width - sideX - 1)
        } else if !codeRows.isEmpty, qrWidth + 2 <= canvas.width, qrHeight + 3 <= body {
            let top = max(0, (body - qrHeight - 3) / 2)
            let left = (canvas.width - qrWidth) / 2
            text([(panel.title, .title)], x: left, top: top, width: canvas.width - left)
            for (i, row) in panel.qrRows.enumerated() { canvas.write(row, x: left, y: first + top + 1 + i, role: .highlight) }
            text([(panel.url, .link), (hints[1], .hint)], x: 1, top: top + 1 + qrHeight, width: canvas.width - 2)
        } else {
            // A URL too long for any QR version has no code to enlarge.
            let why = panel.qrRows.isEmpty || codeRows.isEmpty
                ? "Type the address into your phone's browser."
                : "Enlarge the window to show a QR code."
            text(about.filter { $0.0 != hints[0] } + [(why, .hint)],
                 x: 1, top: 0, width: canvas.width - 2)
        }
    }

    /// A bordered box centred over the body, lines centred inside it (clipped to the screen).
    private func drawPanel(into canvas: inout Canvas, lines: [(String, Role)]) {
        let body = max(1, canvas.height - 1)
        let widest = lines.map { TextMetrics.width($0.0) }.max() ?? 0
        let boxWidth = min(canvas.width, widest + 4)
        let boxHeight = min(body, lines.count + 2)
        let left = max(0, (canvas.width - boxWidth) / 2)
        let top = max(0, (body - boxHeight) / 2)
        let ascii = options.browser.asciiOnly
        let (h, v) = ascii ? ("-", "|") : ("─", "│")
        let corners = ascii ? ["+", "+", "+", "+"] : ["┌", "┐", "└", "┘"]
        for y in top..<(top + boxHeight) { canvas.fill(x: left, y: y, count: boxWidth, role: .normal) }
        guard boxWidth >= 2, boxHeight >= 2 else { return }
        let right = left + boxWidth - 1, bottom = top + boxHeight - 1
        canvas.fill(x: left + 1, y: top, count: boxWidth - 2, text: h, role: .border)
        canvas.fill(x: left + 1, y: bottom, count: boxWidth - 2, text: h, role: .border)
        for y in (top + 1)..<bottom {
            canvas[left, y] = Cell(text: v, role: .border)
            canvas[right, y] = Cell(text: v, role: .border)
        }
        canvas[left, top] = Cell(text: corners[0], role: .border)
        canvas[right, top] = Cell(text: corners[1], role: .border)
        canvas[left, bottom] = Cell(text: corners[2], role: .border)
        canvas[right, bottom] = Cell(text: corners[3], role: .border)
        for (i, (text, role)) in lines.enumerated() where top + 1 + i < bottom {
            let shown = TextMetrics.truncate(text, to: boxWidth - 4)
            let x = left + max(2, (boxWidth - TextMetrics.width(shown)) / 2)
            canvas.write(shown, x: x, y: top + 1 + i, role: role, maxX: right - 1)
        }
    }
}

/// Lines of a kiosk screen that go together: when a screen's blocks do not all fit, whole blocks
/// go, the highest `dropOrder` first (0 never goes; if even those do not fit, their end stays).
struct KioskTextBlock {
    var lines: [(String, Role)]
    var dropOrder: Int

    static func fitting(_ blocks: [KioskTextBlock], height: Int) -> [(String, Role)] {
        var blocks = blocks
        func count() -> Int { blocks.reduce(0) { $0 + $1.lines.count } }
        var order = blocks.map(\.dropOrder).max() ?? 0
        while count() > max(0, height), order > 0 {
            if let i = blocks.lastIndex(where: { $0.dropOrder == order }) { blocks.remove(at: i) } else { order -= 1 }
        }
        var lines = blocks.flatMap(\.lines)
        if lines.count > max(0, height) { lines = Array(lines.suffix(max(0, height))) }
        return lines
    }
}

/// Small text helpers for the kiosk's own screens.
enum KioskText {
    /// Greedy word wrap to `width` cells; a word longer than a line is cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if TextMetrics.width(candidate) <= width {
                line = candidate
            } else {
                if !line.isEmpty { lines.append(line) }
                line = TextMetrics.width(word) <= width ? String(word) : TextMetrics.truncate(String(word), to: width)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Cuts text (a URL, which has no spaces to wrap at) into pieces of `width` cells.
    static func chop(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for ch in text {
            if TextMetrics.width(line) + TextMetrics.width(ch) > width {
                lines.append(line)
                line = ""
            }
            line.append(ch)
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

extension String {
    /// No-break spaces (kept together by the wrap) as plain spaces, for drawing.
    var replacingNoBreakSpaces: String { String(map { $0 == "\u{00A0}" ? " " : $0 }) }
}
