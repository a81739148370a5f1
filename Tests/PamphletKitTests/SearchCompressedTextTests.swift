import Testing
@testable import PamphletKit

/// Section texts are stored as zstd frames of up to 8 KB; a snippet's window is chosen from the
/// index's positions and only the text from a checkpoint before it is decompressed and tokenized.
/// Both shortcuts must give exactly the snippet of the whole text scanned from its start.
@Suite struct SearchCompressedTextTests {
    /// A long text (about 300 KB: many frames) with "needle" at `at` bytes (or nowhere).
    static func text(needleAt at: Int?) -> String {
        var s = ""
        var n = 0
        var placed = false
        while s.utf8.count < 300_000 {
            if let at, !placed, s.utf8.count >= at { s += "the needle is here, "; placed = true }
            s += "word\(n % 97) filler text é ü ∑ \(n)" + (n % 7 == 0 ? "\n" : " ")
            n += 1
        }
        return s
    }

    static let needleAt: [Int?] = [nil, 0, 100, 7_000, 8_180, 8_192, 9_000, 16_000, 100_000, 299_000]

    static func matcher() -> HighlightMatcher {
        var m = HighlightMatcher()
        m.add(Array("needle".utf8))
        m.addPrefix(Array("fill".utf8))
        return m
    }

    /// The checkpoint `BodyCheckpoints` stores at or before `token`, found by tokenizing.
    static func scanStart(_ text: [UInt8], atOrBefore token: Int) -> IndexData.ScanStart {
        let target = token / BodyCheckpoints.stride * BodyCheckpoints.stride
        guard target > 0 else { return IndexData.ScanStart(token: 0, byte: 0) }
        return text.withUnsafeBufferPointer { buf in
            var scanner = TokenScanner(buf)
            var k = 0
            while scanner.next() {
                if k == target { return IndexData.ScanStart(token: k, byte: scanner.byteStart) }
                k += 1
            }
            return IndexData.ScanStart(token: 0, byte: 0)
        }
    }

    @Test(arguments: needleAt)
    func framesFromACheckpointGiveTheWholeTextSnippet(needleAt: Int?) {
        let texts = ["short one with a needle", Self.text(needleAt: needleAt), ""]
        let packed = CompressedText.compress(texts)
        let decoder = packed.dictionary.withUnsafeBufferPointer { TextDecoder(dictionary: $0) }
        let matcher = Self.matcher()
        let snippeter = Snippeter()
        packed.frames.withUnsafeBufferPointer { frames in
            for (i, text) in texts.enumerated() {
                let bytes = Array(text.utf8)
                let chunks = (Int(packed.chunkStart[i])..<Int(packed.chunkStart[i + 1])).map {
                    UnsafeBufferPointer(rebasing: frames[Int(packed.offsets[$0])..<Int(packed.offsets[$0 + 1])])
                }
                #expect(chunks.count == (bytes.count + CompressedText.chunkBytes - 1) / CompressedText.chunkBytes)
                #expect(chunks.flatMap { decoder.decode($0) } == bytes)
                let anchor = bytes.withUnsafeBufferPointer { Snippeter.anchor(Snippeter.matches(in: $0, matcher: matcher)) }
                let whole = bytes.withUnsafeBufferPointer { snippeter.snippet(Snippeter.Source(text: $0), anchor: anchor, matcher: matcher) }
                let start = Self.scanStart(bytes, atOrBefore: max(0, (anchor ?? 0) - Snippeter.leadTokens))
                let lazy = SearchEngine.snippet(of: chunks, decoder: decoder, anchor: anchor, start: start, matcher: matcher, snippeter)
                #expect(whole != nil)
                #expect(lazy.text == whole?.text && lazy.highlights == whole?.highlights, "needle at \(needleAt ?? -1), text \(i)")
                if needleAt != nil && i == 1 {
                    #expect(lazy.text.contains("needle"))
                    #expect(lazy.highlights.count >= 1)
                }
            }
        }
    }

    /// The engine finds the window from positions and checkpoints; the same snippet comes from
    /// scanning the whole section for the matcher's words.
    @Test(arguments: needleAt)
    func positionsChooseTheWindowScanningWould(needleAt: Int?) throws {
        let body = Self.text(needleAt: needleAt)
        let library = Library(site: Site(name: "T"), documents: [
            SearchFixtures.doc("long", title: "Haystack", sections: [("Needle hunt", body), ("Other", "no match here at all")]),
        ])
        let engine = SearchEngine(library: library)
        let hits = engine.search("needle", limit: 5).hits
        let hit = try #require(hits.first { $0.reference.description == "long#needle-hunt" })
        let plan = QueryPlan(QueryParser.parse("needle"), expander: engine.expander)
        let bytes = Array(body.utf8)
        let expected = bytes.withUnsafeBufferPointer { buf in
            Snippeter().snippet(Snippeter.Source(text: buf), anchor: Snippeter.anchor(Snippeter.matches(in: buf, matcher: plan.matcher)),
                                matcher: plan.matcher)
        }
        #expect(hit.snippet == expected?.text && hit.highlights == expected?.highlights, "needle at \(needleAt ?? -1)")
        if needleAt != nil { #expect(hit.snippet.contains("needle")) }
    }

    @Test func bestWindowHoldsTheMostDistinctWords() {
        // Matches of word 0 early; words 0, 1 and 2 together later: the later window wins.
        let m: [Snippeter.Match] = [.init(token: 3, key: 0), .init(token: 5, key: 0), .init(token: 90, key: 1),
                                    .init(token: 94, key: 0), .init(token: 97, key: 2), .init(token: 300, key: 1)]
        #expect(Snippeter.anchor(m) == 90)
        #expect(Snippeter.anchor([]) == nil)
        #expect(Snippeter.anchor([.init(token: 7, key: 0), .init(token: 8, key: 0)]) == 7)
    }

    /// A window whose lead context reaches within `leadContext` scalars of the start begins at the
    /// start (no "…"); one further in begins a little before its first match.
    @Test(arguments: [(20, true), (60, false)])
    func windowNearTheStartBeginsAtTheStart(needleToken: Int, fromStart: Bool) throws {
        let words = (0..<200).map { $0 == needleToken ? "needle" : String(UnicodeScalar(UInt8(97 + $0 % 26))) }
        let bytes = Array(words.joined(separator: " ").utf8)
        let matcher = Self.matcher()
        let result = try #require(bytes.withUnsafeBufferPointer { buf in
            Snippeter().snippet(Snippeter.Source(text: buf), anchor: Snippeter.anchor(Snippeter.matches(in: buf, matcher: matcher)),
                                matcher: matcher)
        })
        #expect(result.text.hasPrefix("…") != fromStart, "\(result.text)")
        #expect(result.text.contains("needle"))
        #expect(result.highlights.count == 1)
    }

    @Test func damagedFramesGiveEmptyText() {
        let packed = CompressedText.compress([String(repeating: "abc def ", count: 500)])
        let decoder = packed.dictionary.withUnsafeBufferPointer { TextDecoder(dictionary: $0) }
        for cut in [1, 5, packed.frames.count / 2, packed.frames.count - 1] {
            let bytes = Array(packed.frames[0..<cut])
            bytes.withUnsafeBufferPointer { frame in
                #expect(decoder.decode(frame).isEmpty)
            }
        }
    }
}

extension Snippeter {
    /// The matches of `matcher` in a whole text, found by tokenizing it: the reference the index's
    /// positions (`IndexData.bodyMatches`) must agree with. Distinct words get distinct keys.
    static func matches(in text: UnsafeBufferPointer<UInt8>, matcher: HighlightMatcher) -> [Match] {
        var out: [Match] = []
        var keys: [UInt64] = []
        var scanner = TokenScanner(text)
        var token: Int32 = 0
        while scanner.next() {
            if let k = matcher.key(scanner.termBuffer) {
                let key = keys.firstIndex(of: k) ?? keys.count
                if key == keys.count { keys.append(k) }
                out.append(Match(token: token, key: Int32(key)))
            }
            token &+= 1
        }
        return out
    }
}
