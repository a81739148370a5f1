import CNCursesW
import PamphletUI

/// Turns mouse reports into `MouseEvent`s: ncurses' `MEVENT` button masks, and SGR (1006) reports
/// read by hand when the terminfo entry only knows X10 reports. Pure, for tests.
public enum MouseDecoder {
    /// Events for one ncurses mouse report. Pointer motion alone gives none.
    public static func events(x: Int, y: Int, buttonState state: mmask_t) -> [MouseEvent] {
        var kinds: [MouseEvent.Kind] = []
        if state & pamphlet_button1_pressed() != 0 { kinds.append(.press) }
        if state & pamphlet_button1_released() != 0 { kinds.append(.release) }
        if state & (pamphlet_button1_clicked() | pamphlet_button1_double_clicked()) != 0 { kinds.append(.click) }
        if state & pamphlet_button4_pressed() != 0 { kinds.append(.wheelUp) }
        if state & pamphlet_button5_pressed() != 0 { kinds.append(.wheelDown) }
        return kinds.map { MouseEvent(x: x, y: y, kind: $0) }
    }

    /// Parses the part of an SGR report after `ESC [ <`, e.g. `0;12;5M` (button;column;row, 1-based;
    /// `M` press, `m` release; `32;12;6M` motion with the first button held, a drag). Returns nil for
    /// motion with no button or another, other buttons or malformed text.
    public static func sgr(_ parameters: String) -> MouseEvent? {
        guard let final = parameters.last, final == "M" || final == "m" else { return nil }
        let fields = parameters.dropLast().split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 3, let button = Int(fields[0]), let column = Int(fields[1]), let row = Int(fields[2]),
              column >= 1, row >= 1 else { return nil }
        let x = column - 1, y = row - 1
        if button & 32 != 0 {  // motion: a drag with the first button held, else hover
            return button & ~(4 | 8 | 16) == 32 && final == "M" ? MouseEvent(x: x, y: y, kind: .drag) : nil
        }
        switch button & ~(4 | 8 | 16) {  // drop shift, meta, ctrl
        case 0: return MouseEvent(x: x, y: y, kind: final == "M" ? .press : .release)
        case 64: return final == "M" ? MouseEvent(x: x, y: y, kind: .wheelUp) : nil
        case 65: return final == "M" ? MouseEvent(x: x, y: y, kind: .wheelDown) : nil
        default: return nil
        }
    }
}

/// ncurses reports motion as `REPORT_MOUSE_POSITION` whether a button is held or not (with any-event
/// tracking a mouse that only hovers sends it too): it is a `drag` only between a press and its
/// release, which this remembers. Pure, for tests.
public struct MouseTracker: Sendable {
    public private(set) var buttonDown = false

    public init() {}

    public mutating func events(x: Int, y: Int, buttonState state: mmask_t) -> [MouseEvent] {
        let buttons = pamphlet_button1_pressed() | pamphlet_button1_released() | pamphlet_button1_clicked()
            | pamphlet_button1_double_clicked() | pamphlet_button4_pressed() | pamphlet_button5_pressed()
        if state & pamphlet_report_mouse_position() != 0, state & buttons == 0 {
            return buttonDown ? [MouseEvent(x: x, y: y, kind: .drag)] : []
        }
        let events = MouseDecoder.events(x: x, y: y, buttonState: state)
        for event in events {
            switch event.kind {
            case .press: buttonDown = true
            case .release, .click: buttonDown = false
            default: break
            }
        }
        return events
    }
}
