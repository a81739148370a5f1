// Shared by the soak smoke test here and the fuzz/soak package (Fuzz/Sources/FuzzSupport links this
// file), so a fuzz input, a soak seed and a test all mean the same messages.
import PamphletKit
import PamphletUI

/// Where message streams take their bytes: a fuzz input (finite) or a seeded generator (endless).
public protocol ByteSource {
    /// The next byte, or nil when the input is used up.
    mutating func nextByte() -> UInt8?
}

extension ByteSource {
    /// A number in `range` from the next byte (two bytes for wide ranges); nil when the input is used up.
    public mutating func int(in range: ClosedRange<Int>) -> Int? {
        let span = range.upperBound - range.lowerBound + 1
        guard let a = nextByte() else { return nil }
        if span <= 256 { return range.lowerBound + Int(a) % span }
        guard let b = nextByte() else { return nil }
        return range.lowerBound + (Int(a) << 8 | Int(b)) % span
    }

    /// Up to `max` bytes, as many as remain.
    public mutating func bytes(max: Int) -> [UInt8] {
        var out: [UInt8] = []
        while out.count < max, let b = nextByte() { out.append(b) }
        return out
    }
}

/// The bytes of one fuzz input.
public struct FuzzBytes: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public mutating func nextByte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    /// Everything not read yet.
    public mutating func rest() -> [UInt8] {
        defer { position = bytes.count }
        return Array(bytes[position...])
    }
}

/// SplitMix64: a tiny seeded generator, so a soak run repeats exactly from its seed.
public struct SeededBytes: ByteSource, RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func nextByte() -> UInt8? { UInt8(truncatingIfNeeded: next()) }
}

/// Turns bytes into the messages a terminal runtime could deliver: keys (mostly), typed text, clicks
/// and wheel turns anywhere (also far outside the screen, as an SGR report allows), resizes down to
/// 0x0, ticks of a monotonic clock, pastes of arbitrary (lossily decoded) bytes, PIN answers and
/// content reloads.
public struct MessageStream<Source: ByteSource> {
    public var source: Source
    /// The size of the last resize: what a runtime would draw at next.
    public private(set) var width = 80
    public private(set) var height = 24
    /// Monotonic seconds, as the runtime's clock gives them.
    public private(set) var clock: Double = 0
    private let reloads: [LoadedContent]

    /// `reloads`: the content a `.contentReloaded` can carry (empty: never sent).
    public init(_ source: Source, reloads: [LoadedContent] = []) {
        self.source = source
        self.reloads = reloads
    }

    static var specialKeys: [Key] {
        [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab, .backspace,
         .delete, .insert, .escape, .unknown, .function(1), .function(5), .function(6), .function(12),
         .ctrl("a"), .ctrl("x"), .ctrl("u"), .ctrl("n"), .ctrl("p"), .ctrl("f"), .ctrl("b"), .ctrl("c"),
         .alt("x"), .alt("["), .char("/"), .char("q"), .char("?"), .char("H"), .char("t"), .char("n"),
         .char("N"), .char("["), .char("]"), .char(" "), .char("g"), .char("G"), .char("j"), .char("k")]
    }


    /// The next message, or nil when the bytes run out.
    public mutating func next() -> Msg? {
        guard let op = source.nextByte() else { return nil }
        switch op % 16 {
        case 0...5, 14:
            guard let i = source.int(in: 0...(Self.specialKeys.count - 1)) else { return nil }
            return .key(Self.specialKeys[i])
        case 6, 7:
            guard let b = source.nextByte() else { return nil }
            if b >= 0xF0 { return .key(.char(AwkwardText.characters[Int(b - 0xF0) % AwkwardText.characters.count])) }
            if b >= 0xE0 { return .key(.char(Character(Unicode.Scalar(0x30 + b % 10)))) }  // digits open numbered links
            return .key(.char(Character(Unicode.Scalar(0x20 + b % 0x5F))))
        case 8:
            guard let kind = source.nextByte(), let x = coordinate(), let y = coordinate() else { return nil }
            let kinds: [MouseEvent.Kind] = [.press, .release, .click, .wheelUp, .wheelDown, .drag]
            return .mouse(MouseEvent(x: x, y: y, kind: kinds[Int(kind) % kinds.count]))
        case 9:
            guard let w = source.int(in: 0...300), let h = source.int(in: 0...120) else { return nil }
            width = w
            height = h
            return .resize(width: w, height: h)
        case 10:
            guard let b = source.nextByte() else { return nil }
            clock += b < 0x80 ? Double(b) / 100 : Double(b - 0x7F) * 4  // small steps and idle jumps
            return .tick(now: clock)
        case 11:
            guard let n = source.int(in: 0...64) else { return nil }
            return .paste(String(decoding: source.bytes(max: n), as: UTF8.self))
        case 12:
            guard let b = source.nextByte() else { return nil }
            return .pinChecked(valid: b & 1 == 1)
        case 13:
            guard !reloads.isEmpty, let i = source.int(in: 0...(reloads.count - 1)) else { return .key(.down) }
            return .contentReloaded(reloads[i])
        default:
            guard let b = source.nextByte() else { return nil }
            return .key(.char(Character(Unicode.Scalar(0x20 + b % 0x5F))))
        }
    }

    /// Mostly on screen, sometimes just outside it, rarely absurd (an SGR report can carry any number).
    private mutating func coordinate() -> Int? {
        guard let b = source.nextByte() else { return nil }
        switch b {
        case 0xFF: return Int.max - 1  // "\e[<0;9223372036854775807;1M"
        case 0xFE: return 1_000_000
        case 0xFD: return -1
        default: return Int(b) % 260
        }
    }
}

/// Text that is hard to measure and wrap: combining marks, wide, zero-width joined, right to left, controls.
public enum AwkwardText {
    public static let characters: [Character] = ["é", "e\u{301}", "中", "👍🏽", "👨‍👩‍👧", "\u{200F}", "ا", "\u{0}",
                                                 "\u{7F}", "\n", "\t", "\u{FEFF}", "\u{1B}", "ﷺ", "\u{85}"]
}
