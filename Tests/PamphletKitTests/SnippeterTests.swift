import Testing
@testable import PamphletKit

/// The snippet's text as a reader sees it: line breaks and tabs as spaces, no trailing blanks, "…"
/// where text was cut, and highlight ranges that still land on the matched words.
@Suite struct SnippeterTests {
    func matcher(_ words: String...) -> HighlightMatcher {
        var m = HighlightMatcher()
        for w in words { m.add(Array(w.utf8)) }
        return m
    }

    /// The body token index of the first token whose folded form is `word`.
    func tokenIndex(of word: String, in text: [UInt8]) -> Int? {
        text.withUnsafeBufferPointer { buffer in
            var scanner = TokenScanner(buffer)
            var i = 0
            while scanner.next() {
                if scanner.term == Array(word.utf8) { return i }
                i += 1
            }
            return nil
        }
    }

    func cut(_ text: String, anchor: Int?, _ m: HighlightMatcher) -> (text: String, highlights: [TextRange]) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { Snippeter().snippet(Snippeter.Source(text: $0), anchor: anchor, matcher: m) }!
    }

    func words(_ s: (text: String, highlights: [TextRange])) -> [String] {
        let scalars = Array(s.text.unicodeScalars)
        return s.highlights.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
    }

    @Test func wholeShortTextHasSpacesForBreaksAndNoTrailingBlanks() {
        let s = cut("First line\nsecond\tline with the Target word.\r\n \t\n", anchor: nil, matcher("target"))
        #expect(s.text == "First line second line with the Target word.")
        #expect(words(s) == ["Target"])
    }

    @Test func deepWindowIsCutOnBothSidesWithEllipses() {
        let filler = String(repeating: "alpha beta\ngamma delta\t", count: 40)
        let text = filler + "the target sits here\n" + filler
        let anchor = tokenIndex(of: "target", in: Array(text.utf8))
        let s = cut(text, anchor: anchor, matcher("target", "gamma"))
        #expect(s.text.hasPrefix("…"))
        #expect(s.text.hasSuffix("…"))
        #expect(!s.text.contains("\n") && !s.text.contains("\t"))
        #expect(!s.text.dropLast().hasSuffix(" "))
        #expect(s.text.unicodeScalars.count <= Snippeter().width + 2)
        let found = words(s)
        #expect(found.contains("target"))
        #expect(found.allSatisfy { $0 == "target" || $0 == "gamma" })
    }
}

/// The one-pass window choice against a direct reading of its rule: for every start, the matches
/// within `windowTokens`, their distinct keys and their count.
@Suite struct SnippetAnchorTests {
    static func reference(_ matches: [Snippeter.Match], windowTokens: Int) -> Int? {
        guard !matches.isEmpty else { return nil }
        var bestA = 0, bestScore = -1
        for a in matches.indices {
            let window = matches[a...].prefix { Int($0.token - matches[a].token) < windowTokens }
            let score = Set(window.map(\.key)).count * 1000 + window.count
            if score > bestScore { bestScore = score; bestA = a }
        }
        return Int(matches[bestA].token)
    }

    /// Windows of a default snippet (20 tokens) and of a 74-column row (9).
    @Test(arguments: [1, 2, 3, 8, 24], [160, 74])
    func equalsTheRuleOnRandomMatches(keys: Int, width: Int) {
        let windowTokens = Snippeter(width: width).windowTokens
        var rng = SplitMix(seed: UInt64(keys))
        for _ in 0..<400 {
            var token: Int32 = Int32(rng.next() % 5)
            let matches = (0..<Int(rng.next() % 60)).map { _ -> Snippeter.Match in
                token += Int32(rng.next() % 12)   // repeats allowed: two terms at one place
                return Snippeter.Match(token: token, key: Int32(rng.next() % UInt64(keys)))
            }
            #expect(Snippeter.anchor(matches, windowTokens: windowTokens) == Self.reference(matches, windowTokens: windowTokens),
                    "\(matches)")
        }
    }
}

