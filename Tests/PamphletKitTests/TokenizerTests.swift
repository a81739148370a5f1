import Testing
@testable import PamphletKit

/// The analysis chain's first stage: words, folding, apostrophes, and where each token is.
@Suite struct TokenizerTests {
    struct Token: Equatable, CustomStringConvertible {
        var term: String, bytes: Range<Int>, scalars: Range<Int>
        var description: String { "\(term)@\(bytes)/\(scalars)" }
    }

    static func tokens(_ bytes: [UInt8]) -> [Token] {
        bytes.withUnsafeBufferPointer { buf in
            var scanner = TokenScanner(buf)
            var out: [Token] = []
            while scanner.next() {
                out.append(Token(term: String(decoding: scanner.termBuffer, as: UTF8.self),
                                 bytes: scanner.byteStart..<scanner.byteEnd, scalars: scanner.scalarStart..<scanner.scalarEnd))
            }
            return out
        }
    }

    static func terms(_ text: String) -> [String] { tokens(Array(text.utf8)).map(\.term) }

    @Test(arguments: [
        ("Is Ketamine Addictive?", ["is", "ketamine", "addictive"]),
        ("ketamine’s effects, the patient's", ["ketamine", "effects", "the", "patient"]),
        ("don’t and can't", ["dont", "and", "cant"]),
        ("obsessive-compulsive disorder", ["obsessive", "compulsive", "disorder"]),
        ("Café naïve ÉCOLE", ["cafe", "naive", "ecole"]),
        ("ＴＭＳ ｋｅｔａｍｉｎｅ ２０２４", ["tms", "ketamine", "2024"]),
        ("TMS (transcranial magnetic stimulation) 2024, 36 sessions", ["tms", "transcranial", "magnetic", "stimulation", "2024", "36", "sessions"]),
        ("rock 'n' roll 'quoted'", ["rock", "n", "roll", "quoted"]),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 abcdefgh", ["abcdefghijklmnopqrstuvwxyz0123456789", "abcdefgh"]),
        ("", []),
        ("  ...  ", []),
    ])
    func wordsAreFoldedAndSplit(text: String, expected: [String]) {
        #expect(Self.terms(text) == expected)
    }

    @Test func placesAreInBytesAndScalars() {
        let got = Self.tokens(Array("é a-bc’s".utf8))
        #expect(got == [Token(term: "e", bytes: 0..<2, scalars: 0..<1), Token(term: "a", bytes: 3..<4, scalars: 2..<3),
                        Token(term: "bc", bytes: 5..<11, scalars: 4..<8)])
    }

    @Test func longWordsAreCutAtACharacterBoundary() {
        let long = String(repeating: "a", count: 47) + "éééé" + String(repeating: "b", count: 30)
        let term = Self.terms(long + " next")
        #expect(term.count == 2)
        #expect(term[0].utf8.count <= TokenScanner.maxTermBytes)
        #expect(term[0] == String(repeating: "a", count: 47) + "e")
        #expect(Self.terms(String(repeating: "x", count: 200)) == [String(repeating: "x", count: TokenScanner.maxTermBytes)])
    }

    /// Every non-ASCII byte (after ASCII bytes, in any lane) ends a word in the fast path, which
    /// relies on it: "aaaaaaa" + the byte + "b" scans as the byte-at-a-time reference does.
    @Test func everyNonASCIIByteInEveryLane() {
        for byte in UInt8(0x80)...0xFF {
            for lane in 0..<8 {
                let text = [UInt8](repeating: 0x61, count: lane) + [byte] + [UInt8](repeating: 0x62, count: 9)
                #expect(Self.tokens(text) == ByteAtATime.tokens(text), "\(byte) in lane \(lane)")
            }
        }
    }

    /// The eight-bytes-at-a-time path must give exactly what scanning byte by byte gives: random
    /// texts of ASCII words and separators, apostrophes, accented and other scripts' letters,
    /// combining marks, invalid and cut UTF-8, and words longer than the cap, at every alignment.
    @Test func theFastPathEqualsByteAtATime() {
        var rng = SplitMix(seed: 0x70_6B_65_6E)
        let pieces: [[UInt8]] = [
            Array("word".utf8), Array("Ketamine".utf8), Array("a".utf8), Array("1234567".utf8), Array("MiXeD9".utf8),
            Array(" ".utf8), Array(", ".utf8), Array("\n".utf8), Array("-".utf8), Array("'".utf8), Array("’".utf8),
            Array("'s".utf8), Array("’s ".utf8), Array("é".utf8), Array("Ü".utf8), Array("ß".utf8), Array("∑".utf8),
            Array("日本".utf8), Array("\u{301}".utf8), Array("😀".utf8), Array("@[`{".utf8), [0xFF], [0xC3], [0xE2, 0x80],
            Array(String(repeating: "long", count: 15).utf8), Array("_".utf8), Array("\u{7F}".utf8),
        ]
        for _ in 0..<3_000 {
            var text: [UInt8] = []
            for _ in 0..<Int(rng.next() % 40) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            for offset in 0..<min(8, text.count + 1) {
                let slice = Array(text[offset...])
                #expect(Self.tokens(slice) == ByteAtATime.tokens(slice), "\(slice)")
            }
        }
    }
}

/// The scanner as it was before the eight-byte path (its byte-at-a-time loops), kept as the
/// reference the fast path must equal.
private enum ByteAtATime {
    static func tokens(_ text: [UInt8]) -> [TokenizerTests.Token] {
        var out: [TokenizerTests.Token] = []
        let n = text.count
        var position = 0, scalarPosition = 0
        func decode(_ i: Int) -> (UInt32, Int) {
            let b0 = UInt32(text[i])
            if b0 < 0x80 { return (b0, 1) }
            if b0 & 0xE0 == 0xC0, i + 1 < n { return (((b0 & 0x1F) << 6) | (UInt32(text[i + 1]) & 0x3F), 2) }
            if b0 & 0xF0 == 0xE0, i + 2 < n {
                return (((b0 & 0x0F) << 12) | ((UInt32(text[i + 1]) & 0x3F) << 6) | (UInt32(text[i + 2]) & 0x3F), 3)
            }
            if b0 & 0xF8 == 0xF0, i + 3 < n {
                return (((b0 & 0x07) << 18) | ((UInt32(text[i + 1]) & 0x3F) << 12)
                        | ((UInt32(text[i + 2]) & 0x3F) << 6) | (UInt32(text[i + 3]) & 0x3F), 4)
            }
            return (0xFFFD, 1)
        }
        func foldASCII(_ b: UInt8) -> UInt8 {
            if b &- 0x30 < 10 { return b }
            let l = b | 0x20
            return l &- 0x61 < 26 ? l : 0
        }
        func isWord(_ v: UInt32) -> Bool {
            if v < 0x80 { return foldASCII(UInt8(v)) != 0 }
            guard let s = Unicode.Scalar(v) else { return false }
            return ScalarFolding.isWordScalar(s)
        }
        let cap = TokenScanner.maxTermBytes + 4
        while true {
            while position < n {
                let (v, len) = decode(position)
                if isWord(v) { break }
                position += len
                scalarPosition += 1
            }
            guard position < n else { return out }
            var term: [UInt8] = []
            let byteStart = position, scalarStart = scalarPosition
            var apostropheAt = -1
            while position < n {
                let (v, len) = decode(position)
                if isWord(v), let s = Unicode.Scalar(v) {
                    var folded: [UInt8] = []
                    if v < 0x80 { folded = [foldASCII(UInt8(v))] } else { ScalarFolding.append(s, to: &folded) }
                    for x in folded where term.count < cap { term.append(x) }
                } else if ScalarFolding.isApostrophe(v), position + len < n, isWord(decode(position + len).0) {
                    apostropheAt = term.count
                } else { break }
                position += len
                scalarPosition += 1
            }
            if apostropheAt >= 0, apostropheAt == term.count - 1, term.last == 0x73 { term.removeLast() }
            if term.count > TokenScanner.maxTermBytes {
                var length = TokenScanner.maxTermBytes
                while length > 0 && term[length] & 0xC0 == 0x80 { length -= 1 }
                term.removeLast(term.count - length)
            }
            if !term.isEmpty {
                out.append(.init(term: String(decoding: term, as: UTF8.self), bytes: byteStart..<position,
                                 scalars: scalarStart..<scalarPosition))
            }
        }
    }
}
