// Fuzz target: the terminal layer's pure decoders (ncurses' raw characters and key codes, Alt
// composition, CSI/SS3 sequences ncurses did not know, SGR mouse reports, bracketed pastes) on
// arbitrary values, with every decoded key, click and paste fed to a browser on the bundled content.
import FuzzDriver
import FuzzSupport
import PamphletKit
import PamphletTerminal
import PamphletUI

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeys(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzBytes(Array(UnsafeBufferPointer(start: data, count: size)))
    var app = AppState(content: BundledContent.loaded)
    var keys: [Key] = []
    var mice: [MouseEvent] = []
    var pastes: [String] = []

    func raw(_ input: inout FuzzBytes) -> RawInput? {
        guard let kind = input.nextByte() else { return nil }
        let b = input.bytes(max: 4)
        guard b.count == 4 else { return nil }
        let word = UInt32(b[0]) << 24 | UInt32(b[1]) << 16 | UInt32(b[2]) << 8 | UInt32(b[3])
        switch kind % 4 {
        case 0: return .character(word)
        case 1: return .character(word % 0x110000)  // mostly valid scalars
        case 2: return .keyCode(Int32(bitPattern: word))
        default: return .keyCode(Int32(word % 0x200) + 0o400)  // ncurses' own key code range
        }
    }

    while let op = input.nextByte() {
        switch op % 7 {
        case 0, 1:
            guard let r = raw(&input) else { break }
            if case .key(let key) = KeyDecoder.decode(r) { keys.append(key) }
        case 2:
            let following = input.nextByte().map { $0 & 1 == 0 } == true ? raw(&input) : nil
            keys += KeyDecoder.compose(escapeFollowedBy: following)
        case 3:
            let introducer: Character = input.nextByte().map { $0 & 1 == 0 } == true ? "[" : "O"
            let n = input.int(in: 0...32) ?? 0
            let body = String(decoding: input.bytes(max: n), as: UTF8.self)
            keys.append(KeyDecoder.escapeSequence(introducer: introducer, body: body))
        case 4:
            let n = input.int(in: 0...40) ?? 0
            if let event = MouseDecoder.sgr(String(decoding: input.bytes(max: n), as: UTF8.self)) { mice.append(event) }
        case 5:
            var paste = PasteCollector()
            while let r = raw(&input), !paste.take(r) {}
            pastes.append(paste.text)
        default:
            let b = input.bytes(max: 4)
            guard b.count == 4 else { break }
            let mask = UInt(b[0]) << 24 | UInt(b[1]) << 16 | UInt(b[2]) << 8 | UInt(b[3])
            mice += MouseDecoder.events(x: Int(b[0]), y: Int(b[1]), buttonState: .init(truncatingIfNeeded: mask))
        }
    }
    for key in keys.prefix(200) {
        _ = app.update(.key(key))
    }
    for event in mice.prefix(200) {
        _ = app.update(.mouse(event))
    }
    for text in pastes.prefix(20) {
        _ = app.update(.paste(text))
    }
    Checks.canvas(app.view(width: 80, height: 24), width: 80, height: 24)
    return 0
}

runFuzzer(fuzzKeys)
