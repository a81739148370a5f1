import Testing
@testable import PamphletKit

/// Display width per grapheme cluster, and word wrapping by width.
@Suite struct RenderWidthTests {
    @Test(arguments: [
        ("a", 1), (" ", 1), ("~", 1),
        ("\u{7}", 0), ("\t", 0), ("\u{7F}", 0), ("\u{85}", 0),          // controls
        ("é", 1), ("e\u{301}", 1), ("a\u{301}\u{302}\u{303}", 1),         // precomposed and combining marks
        ("\u{200B}", 0), ("\u{200D}", 0), ("\u{FEFF}", 0),                // zero-width
        ("中", 2), ("語", 2), ("、", 2), ("한", 2), ("\u{1100}\u{1161}\u{11A8}", 2), // CJK, Hangul, conjoining jamo
        ("Ａ", 2), ("！", 2), ("ｶ", 1),                                   // fullwidth, halfwidth katakana
        ("ק", 1), ("ا", 1), ("\u{0627}\u{064E}", 1),                       // Hebrew, Arabic with a vowel mark
        ("👍", 2), ("👋🏽", 2), ("👨‍👩‍👧‍👦", 2), ("🏳️‍🌈", 2), ("🇫🇷", 2), ("🇺🇦", 2), // emoji, skin tone, ZWJ, flags
        ("❤️", 2), ("1️⃣", 2), ("☺", 1), ("☔", 2), ("☔︎", 2),             // VS16, keycap, text default, wide default
        ("𠀋", 2), ("か\u{3099}", 2), ("\u{3248}", 1),                       // CJK ext. B, kana + voicing mark, ambiguous
    ])
    func clusterWidth(_ text: String, _ width: Int) {
        #expect(text.count == 1, "one cluster: \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        #expect(DisplayWidth.of(Character(text)) == width, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test(arguments: [
        ("hello", 5), ("", 0), ("héllo", 5), ("日本語", 6), ("שלום עולם", 9),
        ("a👨‍👩‍👧b", 4), ("Cafe\u{301} 中文", 9), ("\u{1B}[31m", 4),
    ])
    func stringWidth(_ text: String, _ width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func helpers() {
        #expect(DisplayWidth.prefix("日本語", width: 5) == "日本")
        #expect(DisplayWidth.truncate("Ketamine infusions", width: 10) == "Ketamine …")
        #expect(DisplayWidth.truncate("short", width: 10) == "short")
        #expect(DisplayWidth.truncate("日本語テキスト", width: 7) == "日本語…")
        #expect(DisplayWidth.pad("中", to: 4) == "中  ")
    }

    @Test(arguments: [
        ("the quick brown fox jumps", 10, ["the quick", "brown fox", "jumps"]),
        ("a\n\nb", 10, ["a", "", "b"]),
        ("", 10, [""]),
        ("  spaced   out  ", 20, ["spaced out"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("see https://example.org/long/path", 12, ["see https://", "example.org/", "long/path"]),
        ("日本語のテキスト", 5, ["日本", "語の", "テキ", "スト"]),
        ("日本", 1, ["日", "本"]),
        ("ab", 0, ["a", "b"]),
        ("e\u{301}e\u{301}e\u{301}", 2, ["e\u{301}e\u{301}", "e\u{301}"]),
        ("👨‍👩‍👧‍👦👨‍👩‍👧‍👦", 3, ["👨‍👩‍👧‍👦", "👨‍👩‍👧‍👦"]),
        ("🇫🇷🇩🇪🇮🇹", 4, ["🇫🇷🇩🇪", "🇮🇹"]),
        ("שלום עולם", 5, ["שלום", "עולם"]),
        ("line one\nline two is longer", 8, ["line one", "line two", "is", "longer"]),
    ])
    func wraps(_ text: String, _ width: Int, _ lines: [String]) {
        #expect(TextWrap.wrap(text, width: width) == lines)
    }

    @Test(arguments: 1...24)
    func wrappedLinesFitAndKeepEveryCluster(width: Int) {
        let texts = [
            "Ketamine is an anesthetic; 氯胺酮是一种麻醉剂。 케타민은 마취제입니다. 👩‍⚕️ asks: is it safe? 🇬🇧 e\u{301}te\u{301}",
            "supercalifragilisticexpialidocious and a very long unbroken word",
            "العلاج بالكيتامين متاح — שלום",
        ]
        for text in texts {
            let lines = TextWrap.wrap(text, width: width)
            for line in lines {
                #expect(DisplayWidth.of(line) <= width || line.count == 1, "\(line) at \(width)")
                #expect(!line.hasSuffix(" ") && !line.hasPrefix(" "))
            }
            // Nothing lost or split: the clusters, without spaces, are the same.
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
        }
    }

    @Test(arguments: 1...30)
    func asciiFastPathMatchesClusterPath(width: Int) {
        let texts = [
            "the quick brown fox jumps over the lazy dog", "  lead and trail  ", "a\n\nb\n", "\n", "",
            "see https://example.org/a/very/long/path/that/breaks and more", "tabs\tand\t\tspaces   mixed",
            "x", String(repeating: "word ", count: 40), "abcdefghijklmnopqrstuvwxyz0123456789 ab cd",
        ]
        for text in texts {
            var copy = text
            let fast = copy.withUTF8 { TextWrap.asciiWrap($0, width: width) }
            #expect(fast == TextWrap.clusterWrap(text, width: width), "\(text.debugDescription) at \(width)")
        }
        var accented = "café"
        #expect(accented.withUTF8 { TextWrap.asciiWrap($0, width: 10) } == nil)
    }

    /// A word `keepWhole` names is never broken: too wide, it starts a line and overflows it; other
    /// words still break. The ASCII and cluster paths agree (review E 14).
    @Test(arguments: 1...30)
    func aWordKeptWholeIsNeverBroken(width: Int) {
        let id = "ketamine-faq#does-the-clinic-offer-tms"
        let keep: (Substring) -> Bool = { $0.contains(id) }
        for text in ["Does the clinic offer TMS? [see \(id)] and supercalifragilisticexpialidocious",
                     "Ça: [see \(id)], et supercalifragilisticexpialidocious"] {
            let lines = TextWrap.wrap(text, width: width, keepWhole: keep)
            #expect(lines.contains { $0.hasPrefix(id) }, "\(lines) at \(width)")
            for line in lines where DisplayWidth.of(line) > width {
                #expect(line.hasPrefix(id) || line.count == 1, "\(line) at \(width)")
            }
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
            var copy = text
            if let fast = copy.withUTF8({ TextWrap.asciiWrap($0, width: width, keepWhole: keep) }) {
                #expect(fast == TextWrap.clusterWrap(text, width: width, keepWhole: keep), "\(text) at \(width)")
            }
        }
        #expect(TextWrap.wrap("Offer TMS? [see \(id)]", width: 40, keepWhole: keep) == ["Offer TMS? [see", id + "]"])
        #expect(TextWrap.wrap("Offer TMS? [see \(id)]", width: 38, keepWhole: keep) == ["Offer TMS? [see", id + "]"])
    }
}
