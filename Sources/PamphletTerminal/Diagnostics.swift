import PamphletUI

/// A small program for checking a terminal: shows the size, every role in the current theme, and
/// the last keys and mouse events as decoded. `pamphlet browse --terminal-test` runs it; `q` quits.
public struct TerminalTest: Program {
    private var width = 0
    private var height = 0
    private var log: [String] = []
    private var ticks = 0

    public init() {}

    public mutating func update(_ msg: Msg) -> [Effect] {
        switch msg {
        case .key(.char("q")): return [.quit]
        case .key(.ctrl("l")): record("clear"); return [.clearScreen]
        case .resize(let w, let h): width = w; height = h; record("resize \(w)x\(h)")
        case .tick: ticks += 1
        case .key(let key): record("key \(key)")
        case .mouse(let m): record("mouse \(m.kind) x=\(m.x) y=\(m.y)")
        default: record("\(msg)")
        }
        return []
    }

    private mutating func record(_ line: String) {
        log.append(line)
        if log.count > 50 { log.removeFirst(log.count - 50) }
    }

    public func view(width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        func put(_ text: String, x: Int, y: Int, role: Role) {
            var column = x
            for ch in text where column < width {
                canvas[column, y] = Cell(text: String(ch), role: role)
                column += 1
            }
        }
        put("Terminal test \(self.width)x\(self.height). Keys, clicks and the wheel show below; q quits.",
            x: 0, y: 0, role: .title)
        var x = 0, y = 1
        for role in Role.allCases {
            let label = " \(role.rawValue) "
            if x + label.count > width { x = 0; y += 1 }
            put(label, x: x, y: y, role: role)
            x += label.count + 1
        }
        y += 2
        put("Wide: ", x: 0, y: y, role: .normal)
        canvas[6, y] = Cell(text: "漢", role: .normal); canvas[7, y] = .continuation
        canvas[8, y] = Cell(text: "字", role: .normal); canvas[9, y] = .continuation
        canvas[10, y] = Cell(text: " ", role: .normal)
        canvas[11, y] = Cell(text: "か", role: .normal); canvas[12, y] = .continuation
        canvas[13, y] = Cell(text: "な", role: .normal); canvas[14, y] = .continuation
        put(" ok", x: 15, y: y, role: .normal)
        y += 1
        let room = max(0, height - y)
        for (i, line) in log.suffix(room).enumerated() { put(line, x: 0, y: y + i, role: .normal) }
        return canvas
    }
}
