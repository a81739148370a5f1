import CNCursesW
import PamphletTerminal
import PamphletUI
import Testing

@Suite("Key decoding (ncurses codes to Key)")
struct KeyDecoderTests {
    @Test("characters", arguments: [
        (UInt32(10), Key.enter), (13, .enter), (9, .tab), (127, .backspace), (8, .backspace),
        (1, .ctrl("a")), (3, .ctrl("c")), (26, .ctrl("z")), (28, .ctrl("\\")), (0, .ctrl("@")),
        (0x61, .char("a")), (0x2F, .char("/")), (0x20, .char(" ")), (0xE9, .char("é")),
        (0x6F22, .char("漢")), (0x1F600, .char("😀")), (0x85, .unknown), (0xD800, .unknown),
    ])
    func characters(code: UInt32, key: Key) {
        #expect(KeyDecoder.decode(.character(code)) == .key(key))
    }

    @Test("function keys", arguments: [
        (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
        (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_IC, .insert), (KEY_BTAB, .backTab),
        (KEY_ENTER, .enter), (KEY_A1, .home), (KEY_C3, .pageDown), (KEY_SLEFT, .left),
    ])
    func functionKeys(code: Int32, key: Key) {
        #expect(KeyDecoder.decode(.keyCode(code)) == .key(key))
    }

    @Test func fKeysAndSpecials() {
        #expect(KeyDecoder.decode(.keyCode(pamphlet_key_f(1))) == .key(.function(1)))
        #expect(KeyDecoder.decode(.keyCode(pamphlet_key_f(12))) == .key(.function(12)))
        #expect(KeyDecoder.decode(.keyCode(KEY_RESIZE)) == .resize)
        #expect(KeyDecoder.decode(.keyCode(KEY_MOUSE)) == .mouse)
        #expect(KeyDecoder.decode(.keyCode(KeyDecoder.sgrMouseKeyCode)) == .sgrMousePrefix)
        #expect(KeyDecoder.decode(.keyCode(KeyDecoder.pasteStartKeyCode)) == .pasteStart)
        #expect(KeyDecoder.decode(.keyCode(KeyDecoder.pasteEndKeyCode)) == .key(.unknown))
        #expect(KeyDecoder.decode(.keyCode(KEY_MAX + 40)) == .key(.unknown))
        #expect(KeyDecoder.decode(.character(27)) == .escapePrefix)
    }

    @Test("ESC then what followed at once", arguments: [
        (RawInput?.none, [Key.escape]),
        (.character(0x78), [.alt("x")]),
        (.character(0x2E), [.alt(".")]),
        (.keyCode(KEY_UP), [.escape, .up]),
        (.character(13), [.escape, .enter]),
        (.character(0x7F), [.alt(Key.altBackspaceCharacter)]),
        (.character(0x08), [.alt(Key.altBackspaceCharacter)]),
        (.keyCode(KEY_BACKSPACE), [.alt(Key.altBackspaceCharacter)]),
    ])
    func escape(next: RawInput?, keys: [Key]) {
        #expect(KeyDecoder.compose(escapeFollowedBy: next) == keys)
    }

    @Test("escape sequences ncurses did not know", arguments: [
        ("[", "A", Key.up), ("[", "1;5B", .down), ("O", "C", .right), ("[", "D", .left),
        ("[", "5~", .pageUp), ("[", "6~", .pageDown), ("[", "3~", .delete), ("[", "1~", .home),
        ("[", "4~", .end), ("[", "Z", .backTab), ("O", "P", .function(1)), ("[", "15~", .function(5)),
        ("[", "24~", .function(12)), ("[", "I", .unknown), ("[", "", .unknown), ("[", "99~", .unknown),
    ])
    func sequences(introducer: Character, body: String, key: Key) {
        #expect(KeyDecoder.escapeSequence(introducer: introducer, body: body) == key)
    }

    @Test("extended terminfo keys", arguments: [
        ("kUP5", Key.up), ("kDN3", .down), ("kLFT5", .left), ("kRIT6", .right), ("kHOM5", .home),
        ("kEND2", .end), ("kPRV5", .pageUp), ("kNXT5", .pageDown), ("kDC5", .delete), ("kxIN", .unknown), ("", .unknown),
    ])
    func extended(name: String, key: Key) {
        #expect(KeyDecoder.extendedKey(name: name) == key)
    }

    /// Every code ncurses could hand over decodes without trapping.
    @Test func fuzz() {
        var rng = SystemRandomNumberGenerator()
        for code in 0..<0x3_0000 as Range<UInt32> { _ = KeyDecoder.decode(.character(code)) }
        for _ in 0..<20_000 {
            _ = KeyDecoder.decode(.character(UInt32.random(in: 0...UInt32.max, using: &rng)))
            _ = KeyDecoder.decode(.keyCode(Int32.random(in: Int32.min...Int32.max, using: &rng)))
            let body = String((0..<Int.random(in: 0...8)).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0x20...0x7E))) })
            _ = KeyDecoder.escapeSequence(introducer: "[", body: body)
            _ = MouseDecoder.sgr(body)
        }
    }
}

@Suite("Mouse decoding")
struct MouseDecoderTests {
    @Test("SGR reports", arguments: [
        ("0;12;5M", MouseEvent?.some(MouseEvent(x: 11, y: 4, kind: .press))),
        ("0;12;5m", MouseEvent(x: 11, y: 4, kind: .release)),
        ("64;1;1M", MouseEvent(x: 0, y: 0, kind: .wheelUp)),
        ("65;300;90M", MouseEvent(x: 299, y: 89, kind: .wheelDown)),
        ("16;3;3M", MouseEvent(x: 2, y: 2, kind: .press)),  // ctrl-click is still a click
        ("35;3;3M", nil),  // motion, no button held
        ("32;10;11M", MouseEvent(x: 9, y: 10, kind: .drag)),  // motion with the first button held
        ("48;10;11M", MouseEvent(x: 9, y: 10, kind: .drag)),  // the same with ctrl
        ("34;10;11M", nil),  // motion with the right button held
        ("2;3;3M", nil),  // right button
        ("0;0;3M", nil), ("0;3M", nil), ("0;a;3M", nil), ("", nil), ("0;1;1", nil),
    ])
    func sgr(body: String, event: MouseEvent?) {
        #expect(MouseDecoder.sgr(body) == event)
    }

    @Test func ncursesMasks() {
        #expect(MouseDecoder.events(x: 3, y: 4, buttonState: pamphlet_button1_pressed())
                == [MouseEvent(x: 3, y: 4, kind: .press)])
        #expect(MouseDecoder.events(x: 3, y: 4, buttonState: pamphlet_button1_released()).map(\.kind) == [.release])
        #expect(MouseDecoder.events(x: 3, y: 4, buttonState: pamphlet_button1_clicked()).map(\.kind) == [.click])
        #expect(MouseDecoder.events(x: 0, y: 0, buttonState: pamphlet_button4_pressed()).map(\.kind) == [.wheelUp])
        #expect(MouseDecoder.events(x: 0, y: 0, buttonState: pamphlet_button5_pressed()).map(\.kind) == [.wheelDown])
        #expect(MouseDecoder.events(x: 0, y: 0, buttonState: pamphlet_report_mouse_position()).isEmpty)
    }

    /// ncurses reports motion the same with and without a button held: a drag is motion between a
    /// press and its release (review J 7).
    @Test func ncursesMotionIsADragOnlyWhileTheButtonIsDown() {
        var tracker = MouseTracker()
        let motion = pamphlet_report_mouse_position()
        #expect(tracker.events(x: 1, y: 1, buttonState: motion).isEmpty, "hovering")
        #expect(tracker.events(x: 1, y: 1, buttonState: pamphlet_button1_pressed()).map(\.kind) == [.press])
        #expect(tracker.events(x: 2, y: 5, buttonState: motion) == [MouseEvent(x: 2, y: 5, kind: .drag)])
        #expect(tracker.events(x: 2, y: 6, buttonState: pamphlet_button1_released()).map(\.kind) == [.release])
        #expect(tracker.events(x: 3, y: 6, buttonState: motion).isEmpty, "hovering again")
    }
}
