import CNCursesW
import PamphletUI

/// One value read by `wget_wch`: a character (it returned OK) or a key code (it returned KEY_CODE_YES).
public enum RawInput: Sendable, Equatable {
    case character(UInt32)
    case keyCode(Int32)
}

/// What a raw input means to the runtime. Mouse, resize and the SGR mouse prefix need more reading.
public enum DecodedInput: Sendable, Equatable {
    case key(Key)
    /// A lone ESC: wait briefly for a following character to tell Alt+key from Escape.
    case escapePrefix
    /// `KEY_MOUSE`: ask ncurses for the event with `getmouse`.
    case mouse
    /// `ESC [ <`, an SGR (1006) mouse report ncurses was not told about; the parameters follow.
    case sgrMousePrefix
    /// `ESC [ 200 ~`: a bracketed paste starts; text follows up to `ESC [ 201 ~` (`PasteCollector`).
    case pasteStart
    case resize
}

/// Turns ncurses' raw codes into `Key`s. Pure, so it can be unit tested and fuzzed without a terminal.
public enum KeyDecoder {
    /// The key code the runtime registers with `define_key` for `ESC [ <` when the terminfo entry
    /// expects X10 mouse reports (tmux, screen). Far above the codes ncurses gives its own and
    /// terminfo's extended keys (KEY_MAX + 1 upwards), and below its 16-bit limit.
    public static let sgrMouseKeyCode: Int32 = 0x7E00
    /// The key codes registered for the bracketed paste markers `ESC [ 200 ~` and `ESC [ 201 ~`.
    public static let pasteStartKeyCode: Int32 = 0x7E01
    public static let pasteEndKeyCode: Int32 = 0x7E02

    /// Decodes one raw input.
    public static func decode(_ raw: RawInput) -> DecodedInput {
        switch raw {
        case .character(let code): return decodeCharacter(code)
        case .keyCode(let code): return decodeKeyCode(code)
        }
    }

    /// Combines an ESC with what followed it within the escape delay: a printable character makes
    /// Alt+character, anything else (or nothing) leaves Escape followed by that input decoded alone.
    public static func compose(escapeFollowedBy next: RawInput?) -> [Key] {
        guard let next else { return [.escape] }
        // Alt-Backspace (readline's delete-word) is ESC then DEL: one key, never Esc and Back.
        if case .key(.backspace) = decode(next) { return [.alt(Key.altBackspaceCharacter)] }
        if case .character(let code) = next, code >= 0x20, code != 0x7F,
           let scalar = Unicode.Scalar(code), !(0x80..<0xA0).contains(code) {
            return [.alt(Character(scalar))]
        }
        if case .key(let key) = decode(next) { return [.escape, key] }
        return [.escape]
    }

    static func decodeCharacter(_ code: UInt32) -> DecodedInput {
        switch code {
        case 10, 13: return .key(.enter)
        case 9: return .key(.tab)
        case 27: return .escapePrefix
        case 8, 127: return .key(.backspace)
        case 0: return .key(.ctrl("@"))
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60))))
        case 28: return .key(.ctrl("\\"))
        case 29: return .key(.ctrl("]"))
        case 30: return .key(.ctrl("^"))
        case 31: return .key(.ctrl("_"))
        case 0x80..<0xA0: return .key(.unknown)  // C1 controls: never text
        default:
            guard let scalar = Unicode.Scalar(code) else { return .key(.unknown) }
            return .key(.char(Character(scalar)))
        }
    }

    static func decodeKeyCode(_ code: Int32) -> DecodedInput {
        switch code {
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return .mouse
        case sgrMouseKeyCode: return .sgrMousePrefix
        case pasteStartKeyCode: return .pasteStart
        case pasteEndKeyCode: return .key(.unknown)   // an end with no start: nothing to do
        case KEY_UP, KEY_SR: return .key(.up)
        case KEY_DOWN, KEY_SF: return .key(.down)
        case KEY_LEFT, KEY_SLEFT: return .key(.left)
        case KEY_RIGHT, KEY_SRIGHT: return .key(.right)
        case KEY_PPAGE, KEY_SPREVIOUS, KEY_A3, KEY_PREVIOUS: return .key(.pageUp)
        case KEY_NPAGE, KEY_SNEXT, KEY_C3, KEY_NEXT: return .key(.pageDown)
        case KEY_HOME, KEY_SHOME, KEY_A1, KEY_BEG: return .key(.home)
        case KEY_END, KEY_SEND, KEY_C1, KEY_LL: return .key(.end)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC, KEY_SDC: return .key(.delete)
        case KEY_IC, KEY_SIC: return .key(.insert)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case pamphlet_key_f(1)...pamphlet_key_f(63): return .key(.function(Int(code - pamphlet_key_f(0))))
        default: return .key(.unknown)
        }
    }
}

extension KeyDecoder {
    /// Keys for terminfo's extended names (codes above KEY_MAX, named by `keyname`): modified
    /// arrows and editing keys such as `kUP5` (Ctrl+Up) act as the plain key.
    public static func extendedKey(name: String) -> Key {
        let base = name.prefix { !$0.isNumber }
        switch base {
        case "kUP": return .up
        case "kDN": return .down
        case "kLFT": return .left
        case "kRIT": return .right
        case "kHOM": return .home
        case "kEND": return .end
        case "kPRV": return .pageUp
        case "kNXT": return .pageDown
        case "kDC": return .delete
        case "kIC": return .insert
        default: return .unknown
        }
    }

    /// Keys for CSI (`ESC [`) and SS3 (`ESC O`) sequences ncurses did not recognise (a terminfo
    /// entry that does not match the terminal): arrows and editing keys, modifiers ignored.
    public static func escapeSequence(introducer: Character, body: String) -> Key {
        guard let final = body.last else { return .unknown }
        let parameters = body.dropLast()
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return .backTab
        case "P", "Q", "R", "S":  // F1-F4 (SS3, or CSI 1;mod P)
            return .function(Int((final.asciiValue ?? 0x50) - 0x50) + 1)
        case "~":
            let first = parameters.split(separator: ";").first.flatMap { Int($0) }
            switch first {
            case 1, 7: return .home
            case 2: return .insert
            case 3: return .delete
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            case let n? where (11...15).contains(n): return .function(n - 10)
            case let n? where (17...21).contains(n): return .function(n - 11)
            case let n? where (23...24).contains(n): return .function(n - 12)
            default: return .unknown
            }
        default: return .unknown
        }
    }
}
