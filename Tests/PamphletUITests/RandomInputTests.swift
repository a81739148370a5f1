import PamphletKit
@testable import PamphletUI
import Testing

/// Thousands of random keys, clicks and resizes never crash, and every frame has the asked size.
@Suite struct RandomInputTests {
    /// A small deterministic generator (SplitMix64) so failures reproduce.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D1_33E1_11EB_1A97
            return z ^ (z >> 31)
        }
    }

    static let keys: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab, .backspace,
        .escape, .delete, .function(1), .ctrl("u"), .char("j"), .char("k"), .char("g"), .char("G"), .char("]"),
        .char("["), .char("/"), .char("n"), .char("N"), .char("t"), .char(" "), .char("H"), .char("c"),
        .char("?"), .char("1"), .char("2"), .char("3"), .char("4"), .char("5"), .char("6"), .char("a"),
        .char("é"), .char("漢"), .char("f"), .char("h"), .char("l"),
    ]

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func randomSessions(seed: UInt64) {
        var rng = Seeded(state: seed)
        var app = Fixtures.app(crisis: seed % 2 == 0, ascii: seed == 3,
                               content: seed == 4 ? Fixtures.wide : Fixtures.bundled)
        var size = (80, 24)
        for _ in 0..<1500 {
            let roll = Int.random(in: 0..<100, using: &rng)
            let msg: Msg
            if roll < 80 {
                let key = Self.keys.randomElement(using: &rng)!
                if key == .char("q") { continue }
                msg = .key(key)
            } else if roll < 93 {
                let kinds: [MouseEvent.Kind] = [.click, .press, .release, .wheelUp, .wheelDown, .drag]
                msg = .mouse(MouseEvent(x: Int.random(in: -2...size.0 + 2, using: &rng),
                                        y: Int.random(in: -2...size.1 + 2, using: &rng),
                                        kind: kinds.randomElement(using: &rng)!))
            } else {
                size = (Int.random(in: 5...220, using: &rng), Int.random(in: 3...70, using: &rng))
                msg = .resize(width: size.0, height: size.1)
            }
            _ = app.update(msg)  // may quit (a click on the "q quit" hint): the state stays usable
            let canvas = app.view(width: size.0, height: size.1)
            #expect(canvas.width == size.0 && canvas.height == size.1)
        }
    }
}
