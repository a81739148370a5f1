import Testing
@testable import PamphletKit

/// The typo matcher's trie walk over the sorted dictionary finds exactly the terms a brute-force
/// optimal string alignment distance finds, with the same distances, on a dense dictionary
/// (five letters, so most words have many neighbours within two edits).
@Suite struct TypoMatcherTests {
    static let dictionaryWords: [String] = {
        var random = ImportFuzzTests.SplitMix(state: 42)
        return (0..<900).map { _ in
            let length = 1 + Int(random.next() % 11)
            return String((0..<length).map { _ in "abcde".randomElement(using: &random)! })
        }
    }()

    static let engine = SearchEngine(library: Library(site: Site(name: "Typos"), documents: [
        SearchFixtures.doc("words", title: "Words", sections: stride(from: 0, to: dictionaryWords.count, by: 100).map {
            ("Part \($0)", dictionaryWords[$0..<min($0 + 100, dictionaryWords.count)].joined(separator: " "))
        }),
    ]))

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent
    /// transpositions cost 1 (no substring edited twice).
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    /// Term index to distance, brute force. Only terms starting with the word's first or second
    /// letter are candidates (the first letter is trusted). In prefix mode a term matches through
    /// its shortest prefix within `k`, at that prefix's distance.
    static func expected(_ word: [UInt8], k: Int, prefixMode: Bool, terms: StringTable) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for i in 0..<terms.count {
            let t = Array(terms.buffer(i))
            guard let first = t.first, first == word[0] || (word.count > 1 && first == word[1]) else { continue }
            if prefixMode {
                for d in stride(from: 1, through: min(t.count, word.count + k), by: 1) {
                    let e = distance(Array(t[0..<d]), word)
                    if e <= k { out[i] = e; break }
                }
            } else {
                let e = distance(t, word)
                if e <= k { out[i] = e }
            }
        }
        return out
    }

    @Test(arguments: [false, true])
    func theWalkFindsWhatBruteForceFinds(prefixMode: Bool) {
        let terms = Self.engine.index.terms
        var random = ImportFuzzTests.SplitMix(state: prefixMode ? 1 : 2)
        var compared = 0, found = 0
        for q in 0..<150 {
            // Half dictionary words with an edit or two, half random words.
            var word = Array((q % 2 == 0 ? Self.dictionaryWords.randomElement(using: &random)!
                                         : String((0..<(1 + Int(random.next() % 11))).map { _ in "abcde".randomElement(using: &random)! })).utf8)
            if q % 2 == 0 && word.count > 2 { word.swapAt(1, 2) }
            for k in 0...2 {
                var got: [Int: Int] = [:]
                for m in TypoMatcher.matches(word, maxEdits: k, prefixMode: prefixMode, in: Self.engine.index) {
                    for i in m.range { got[i] = m.distance }
                }
                let want = Self.expected(word, k: k, prefixMode: prefixMode, terms: terms)
                #expect(got == want, "\(String(decoding: word, as: UTF8.self)) k=\(k) prefix=\(prefixMode)")
                compared += 1
                found += want.count
            }
        }
        // The dictionary is dense enough that the comparison covers many matches.
        #expect(compared == 450 && found > 2000)
    }

    /// A term's own distance (whole, or through its closest prefix) equals brute force over its
    /// prefixes: the walk reports a range at the first prefix within budget, this refines it.
    @Test func aTermsOwnDistanceIsItsClosestPrefix() {
        var random = ImportFuzzTests.SplitMix(state: 3)
        func word() -> [UInt8] { Array(String((0..<Int(random.next() % 10)).map { _ in "abcde".randomElement(using: &random)! }).utf8) }
        for _ in 0..<400 {
            let w = word(), t = word()
            let closest = (0...t.count).map { Self.distance(Array(t[0..<$0]), w) }.min()!
            t.withUnsafeBufferPointer { buffer in
                #expect(TypoMatcher.distance(w, buffer, prefix: false) == Self.distance(w, t), "\(w) \(t)")
                #expect(TypoMatcher.distance(w, buffer, prefix: true) == closest, "\(w) \(t)")
            }
        }
        Array("psychiatrist".utf8).withUnsafeBufferPointer {
            #expect(TypoMatcher.distance(Array("psychiatrst".utf8), $0, prefix: true) == 1)
        }
    }
    /// The walk over the stem keys (one language, without its language byte; shared prefixes
    /// counted as it goes, subtrees ended by binary search) finds what brute force over the keys
    /// finds, on the bundled content's stems with an edit or two, and random words.
    @Test func theStemKeyWalkFindsWhatBruteForceFinds() {
        let index = RelevanceTests.engine.index
        let keys = index.stemKeys
        var stems: [[UInt8]] = []
        for g in 0..<keys.count where keys.buffer(g).first == 0 { stems.append(Array(keys.buffer(g).dropFirst())) }
        #expect(stems.count > 100)
        var random = ImportFuzzTests.SplitMix(state: 5)
        var compared = 0, found = 0
        for q in 0..<200 {
            var word = stems[Int(random.next() % UInt64(stems.count))]
            switch q % 4 {
            case 0 where word.count > 2: word.swapAt(1, 2)
            case 1 where word.count > 3: word.remove(at: 2 + Int(random.next() % UInt64(word.count - 2)))
            case 2: word.insert(UInt8(ascii: "a") + UInt8(random.next() % 26), at: 1 + Int(random.next() % UInt64(word.count)))
            default: word = Array(String((0..<(2 + Int(random.next() % 8))).map { _ in "acdeinprst".randomElement(using: &random)! }).utf8)
            }
            for k in 0...2 {
                var got: [Int: Int] = [:]
                for m in TypoMatcher.stemMatches(word, language: 0, maxEdits: k, in: index) {
                    for g in m.range { got[g] = m.distance }
                }
                var want: [Int: Int] = [:]
                for g in 0..<keys.count {
                    let key = Array(keys.buffer(g))
                    guard key.first == 0, key.count > 1, key[1] == word[0] || (word.count > 1 && key[1] == word[1]) else { continue }
                    let e = Self.distance(Array(key.dropFirst()), word)
                    if e <= k { want[g] = e }
                }
                #expect(got == want, "\(String(decoding: word, as: UTF8.self)) k=\(k)")
                compared += 1
                found += want.count
            }
        }
        #expect(compared == 600 && found > 200)
    }
}
