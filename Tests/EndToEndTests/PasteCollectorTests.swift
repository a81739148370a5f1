import PamphletTerminal
import Testing

/// Bracketed pastes: what ends one, and what of its contents is kept as text.
@Suite struct PasteCollectorTests {
    /// Feeds `inputs` until the collector says the paste ended; nil if it never did.
    func collect(_ inputs: [RawInput]) -> (text: String, consumed: Int)? {
        var paste = PasteCollector()
        for (i, raw) in inputs.enumerated() where paste.take(raw) { return (paste.text, i + 1) }
        return nil
    }

    func characters(_ s: String) -> [RawInput] { s.unicodeScalars.map { .character($0.value) } }

    @Test func endsAtTheEndKeyOrTheEndMarkerAsCharacters() {
        let byKey = collect(characters("is ketamine addictive") + [.keyCode(KeyDecoder.pasteEndKeyCode), .character(0x71)])
        #expect(byKey?.text == "is ketamine addictive")
        #expect(byKey?.consumed == 22)
        let byCharacters = collect(characters("tms\u{1B}[201~q"))
        #expect(byCharacters?.text == "tms")
        #expect(byCharacters?.consumed == 9)
        #expect(collect(characters("no end yet")) == nil)
    }

    @Test("what is kept", arguments: [
        ("line\rbreaks\nand\ttabs", "line\nbreaks\nand\ttabs"),
        ("bell\u{07} nul\u{00} del\u{7F} c1\u{85}", "bell nul del c1"),
        ("café 漢字 😀", "café 漢字 😀"),
        ("half a marker \u{1B}[20x", "half a marker [20x"),
        ("marker start inside \u{1B}[200~x", "marker start inside [200~x"),
        ("escape then a marker cut short \u{1B}\u{1B}[20", "escape then a marker cut short [20"),
    ])
    func kept(pasted: String, text: String) {
        // A key ncurses decoded inside the paste (0x102, KEY_DOWN) is dropped.
        let result = collect(characters(pasted) + [.keyCode(0x102), .keyCode(KeyDecoder.pasteEndKeyCode)])
        #expect(result?.text == text)
        #expect(result?.consumed == pasted.unicodeScalars.count + 2)
    }

    @Test func aHugePasteIsCutButStillEndsAtItsMarker() {
        let huge = String(repeating: "abcdefgh", count: PasteCollector.maxCharacters / 4)
        let result = collect(characters(huge + "\u{1B}[201~") + characters("after"))
        #expect(result?.text.count == PasteCollector.maxCharacters)
        #expect(result?.consumed == huge.unicodeScalars.count + 6)
    }

    /// Any text without ESC comes back as it went in (CR read as a line break), whatever it is.
    @Test func randomTextRoundTrips() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("abc XYZ 019 é漢😀\r\n\t,.;-".unicodeScalars)
        for _ in 0..<300 {
            let scalars = (0..<Int.random(in: 0...200, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            var sent = String.UnicodeScalarView(), expected = String.UnicodeScalarView()
            sent.append(contentsOf: scalars)
            expected.append(contentsOf: scalars.map { $0 == "\r" ? "\n" : $0 })
            let result = collect(characters(String(sent) + "\u{1B}[201~"))
            #expect(result?.text == String(expected))
        }
    }
}
