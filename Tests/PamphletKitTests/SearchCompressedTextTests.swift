import Testing
@testable import PamphletKit

/// Section texts are stored as zstd frames of up to 8 KB and snippets decompress only the first
/// frames when they are enough: the result must be exactly the snippet of the whole text.
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

    @Test(arguments: [nil, 0, 100, 7_000, 8_180, 8_192, 9_000, 16_000, 100_000, 299_000])
    func prefixSnippetEqualsWholeSnippet(needleAt: Int?) {
        let texts = ["short one with a needle", Self.text(needleAt: needleAt), ""]
        let packed = CompressedText.compress(texts)
        let decoder = packed.dictionary.withUnsafeBufferPointer { TextDecoder(dictionary: $0) }
        var matcher = HighlightMatcher()
        matcher.add(Array("needle".utf8))
        matcher.addPrefix(Array("fill".utf8))
        let snippeter = Snippeter()
        packed.frames.withUnsafeBufferPointer { frames in
            for (i, text) in texts.enumerated() {
                let chunks = (Int(packed.chunkStart[i])..<Int(packed.chunkStart[i + 1])).map {
                    UnsafeBufferPointer(rebasing: frames[Int(packed.offsets[$0])..<Int(packed.offsets[$0 + 1])])
                }
                #expect(chunks.count == (text.utf8.count + CompressedText.chunkBytes - 1) / CompressedText.chunkBytes)
                #expect(chunks.flatMap { decoder.decode($0) } == Array(text.utf8))
                let whole = Array(text.utf8).withUnsafeBufferPointer { snippeter.snippet(of: $0, matcher: matcher) }
                let lazy = SearchEngine.snippet(of: chunks, decoder: decoder, matcher: matcher, snippeter)
                #expect(lazy.text == whole.text && lazy.highlights == whole.highlights, "needle at \(needleAt ?? -1), text \(i)")
            }
        }
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
