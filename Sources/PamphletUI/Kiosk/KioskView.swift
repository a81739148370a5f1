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
                let page = browser.view(width: width, height: bodyHeight)
                for y in 0..<min(bodyHeight, page.height) {
                    for x in 0..<min(width, page.width) { canvas[x, y] = page[x, y] }
                }
            }
        }
        drawBar(into: &canvas)
        if let takeHome { drawTakeHome(takeHome, into: &canvas) }
        if let pinPrompt { drawPINPrompt(pinPrompt, into: &canvas) }
        if let seconds = countdownRemaining {
            drawPanel(into: &canvas, lines: [
                ("Still there?", .title),
                ("", .normal),
                ("Starting over in \(seconds) s", .warning),
                ("", .normal),
                ("Press any key to keep reading", .hint),
            ])
        }
        return canvas
    }

    // MARK: Attract screen

    private func drawAttract(into canvas: inout Canvas, height: Int) {
        let site = content.library.site
        let width = canvas.width
        let inner = max(1, width - 4)
        var lines: [(String, Role)] = []
        for line in KioskText.wrap(site.name, width: inner) { lines.append((line, .title)) }
        if !site.tagline.isEmpty {
            lines.append(("", .normal))
            for line in KioskText.wrap(site.tagline, width: inner) { lines.append((line, .tagline)) }
        }
        lines.append(("", .normal))
        lines.append(("", .normal))
        for line in KioskText.wrap("Press any key or touch the screen to start", width: inner) {
            lines.append((line, .menuSelected))
        }
        if let crisis = site.contact.crisisLine, !crisis.isEmpty {
            lines.append(("", .normal))
            lines.append(("", .normal))
            let label = site.contact.crisisLineLabel ?? "In crisis? Call"
            for line in KioskText.wrap("\(label): \(crisis)", width: inner) { lines.append((line, .crisis)) }
        }
        let top = max(0, (height - lines.count) / 2)
        for (i, (text, role)) in lines.enumerated() where top + i < height {
            let w = TextMetrics.width(text)
            canvas.write(text, x: max(0, (width - w) / 2), y: top + i, role: role)
        }
    }

    // MARK: Bar

    /// The bar's entries and where they sit: the same layout draws and hit-tests.
    func barLayout(width: Int) -> [(item: KioskBarItem, key: String, label: String, x: Int)] {
        var entries: [(KioskBarItem, String, String)] = [(.startOver, "F5", "Start over")]
        if takeHomeURL != nil { entries.append((.takeHome, "F6", "Take this page home (QR code)")) }
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

    private func drawTakeHome(_ panel: TakeHomePanel, into canvas: inout Canvas) {
        let qrWidth = panel.qrRows.first.map { TextMetrics.width($0) } ?? 0
        // Border and one column of padding each side; title, blank, QR, blank, URL, 2 hint lines.
        let fits = !panel.qrRows.isEmpty && qrWidth + 4 <= canvas.width && panel.qrRows.count + 7 <= canvas.height - 1
        var lines: [(String, Role)] = [(panel.title, .title), ("", .normal)]
        if fits {
            lines += panel.qrRows.map { ($0, .normal) }
            lines.append(("", .normal))
        }
        lines.append((panel.url, .link))
        lines.append((fits ? "Point your phone's camera at the code" : "Enlarge the window to show a QR code", .hint))
        lines.append(("Press any key to close", .hint))
        drawPanel(into: &canvas, lines: lines)
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
}
