/// Cuts the best window of a section's text around the query's matches.
///
/// The window (about `width` Unicode scalars) is the one holding the most distinct matched words,
/// then the most matches; it starts at a word boundary a little before the first match it holds,
/// and is marked with "…" where text was cut. Line breaks become spaces. Highlight ranges are in
/// Unicode scalars from the start of the returned snippet (including a leading "…").
struct Snippeter {
    /// What `SearchEngine.search` cuts; a screen asks for the width of its row.
    static let defaultWidth = 160
    var width = Snippeter.defaultWidth
    /// Scalars of context kept before the first match when the window starts mid-text.
    var leadContext = 30

    init() {}

    /// A snippet of about `width` scalars, its lead context and the window it looks for matches in
    /// scaled to it, so a row of 74 columns shows the run of matches it was chosen for.
    init(width: Int) {
        self.width = max(width, 16)
        leadContext = min(30, self.width / 5)
    }

    private struct Tok { var byteStart, byteEnd, scalarStart, scalarEnd: Int; var isMatch: Bool; var phraseHash: UInt64 = 0 }

    /// Every match of `matcher` in `text`, in Unicode scalar offsets.
    static func highlights(in text: String, matcher: HighlightMatcher) -> [TextRange] {
        var text = text
        return text.withUTF8 { highlights(in: $0, matcher: matcher) }
    }

    /// Every match of `matcher` in `text`, in Unicode scalar offsets.
    static func highlights(in text: UnsafeBufferPointer<UInt8>, matcher: HighlightMatcher) -> [TextRange] {
        var out: [TextRange] = []
        var scanner = TokenScanner(text)
        if matcher.phrases.isEmpty {
            while scanner.next() {
                if matcher.key(scanner.termBuffer) != nil {
                    out.append(TextRange(start: scanner.scalarStart, length: scanner.scalarEnd - scanner.scalarStart))
                }
            }
            return out
        }
        var ranges: [TextRange] = [], hashes: [UInt64] = [], isMatch: [Bool] = []
        while scanner.next() {
            let (key, phraseHash) = matcher.classify(scanner.termBuffer)
            ranges.append(TextRange(start: scanner.scalarStart, length: scanner.scalarEnd - scanner.scalarStart))
            hashes.append(phraseHash)
            isMatch.append(key != nil)
        }
        matcher.markPhrases(hashes, &isMatch)
        for (range, on) in zip(ranges, isMatch) where on { out.append(range) }
        return out
    }

    /// One occurrence of a matched term in a section's body: its token index and which term it is.
    struct Match: Equatable { var token: Int32; var key: Int32 }

    /// Tokens a window of `width` scalars spans, about (20 in 160 scalars): used to choose the
    /// window from positions.
    var windowTokens: Int { max(4, width / 8) }
    /// Terms whose places choose the window: the query's words, stems, synonyms and typos come
    /// first, then a prefix's completions, most frequent first; a one-letter prefix brings 64, and
    /// looking each up in every snippet cost more than the rest of the snippet. All of them are
    /// still highlighted.
    static let anchorTerms = 24
    /// Tokens to start scanning before the window's first match: the lead context of `leadContext`
    /// scalars can hold at most half as many tokens (each needs a separator).
    static let leadTokens = 16

    /// The token where the best window starts: the first match of the run of matches within
    /// `windowTokens` (of a default snippet, unless given) holding the most distinct terms, then the most matches (the earliest such
    /// run). Nil without matches. `matches` are in token order; their keys are small (the index of
    /// a term among the few the snippet looks up).
    ///
    /// One pass with a sliding window: a count per key says how many distinct keys it holds. (Was a
    /// scan of every window's matches per start: common words bring up to 512 matches, and the
    /// rescans were a tenth of a phrase query of common words.)
    static func anchor(_ matches: [Match], windowTokens: Int = Snippeter().windowTokens) -> Int? {
        guard let first = matches.first else { return nil }
        var lowest = first.key, highest = first.key
        for m in matches { lowest = min(lowest, m.key); highest = max(highest, m.key) }
        var counts = [Int32](repeating: 0, count: Int(highest) - Int(lowest) + 1)
        var distinct = 0
        var bestA = 0, bestScore = -1
        var b = -1   // the window is matches[a...b], empty while b < a
        for a in 0..<matches.count {
            let start = matches[a].token
            while b + 1 < matches.count && (b < a || Int(matches[b + 1].token - start) < windowTokens) {
                b += 1
                let k = Int(matches[b].key) - Int(lowest)
                if counts[k] == 0 { distinct += 1 }
                counts[k] += 1
            }
            let score = distinct * 1000 + (b - a + 1)
            if score > bestScore { bestScore = score; bestA = a }
            let k = Int(matches[a].key) - Int(lowest)
            counts[k] -= 1
            if counts[k] == 0 { distinct -= 1 }
        }
        return Int(matches[bestA].token)
    }

    /// Where a snippet's text comes from: `text` holds the section's bytes from byte `textStart` of
    /// its body (`totalBytes` long); the scan begins at `scanFrom` (relative to `text`), where body
    /// token `firstToken` starts.
    struct Source {
        var text: UnsafeBufferPointer<UInt8>
        var textStart = 0
        var totalBytes: Int
        var scanFrom = 0
        var firstToken = 0

        init(text: UnsafeBufferPointer<UInt8>, textStart: Int = 0, totalBytes: Int? = nil, scanFrom: Int = 0, firstToken: Int = 0) {
            self.text = text
            self.textStart = textStart
            self.totalBytes = totalBytes ?? textStart + text.count
            self.scanFrom = scanFrom
            self.firstToken = firstToken
        }

        var isWhole: Bool { textStart + text.count >= totalBytes }
    }

    /// The window of about `width` scalars whose first match is body token `anchor` (nil: the start
    /// of the text), starting at a word boundary up to `leadContext` scalars before it, with every
    /// word `matcher` accepts in it highlighted. Nil when the window runs past the end of a partial
    /// `source.text` (call again with more of it); with the whole text it never returns nil.
    func snippet(_ source: Source, anchor: Int?, matcher: HighlightMatcher) -> (text: String, highlights: [TextRange])? {
        let text = source.text
        let scanFrom = min(max(source.scanFrom, 0), text.count)
        let rest = UnsafeBufferPointer(rebasing: text[scanFrom...])
        var scanner = TokenScanner(rest)
        var toks: [Tok] = []
        // The lead tokens, the anchor and a window's worth (about 30 tokens in 160 scalars).
        toks.reserveCapacity(Self.leadTokens + 40)
        let target = max(anchor ?? source.firstToken, source.firstToken)
        // Tokens up to the anchor; only the last `leadTokens` before it are kept (the lead context
        // is looked for among them), or all of them near the text's start, where the window may
        // begin at the start (a token past 3 × leadTokens starts too far in for that).
        var token = source.firstToken
        let keepFrom = target < 3 * Self.leadTokens ? source.firstToken : max(source.firstToken, target - Self.leadTokens)
        let withPhrases = !matcher.phrases.isEmpty
        func current() -> Tok {
            var tok = Tok(byteStart: scanFrom + scanner.byteStart, byteEnd: scanFrom + scanner.byteEnd,
                          scalarStart: scanner.scalarStart, scalarEnd: scanner.scalarEnd, isMatch: false)
            if withPhrases {
                let (key, phraseHash) = matcher.classify(scanner.termBuffer)
                (tok.isMatch, tok.phraseHash) = (key != nil, phraseHash)
            } else {
                tok.isMatch = matcher.key(scanner.termBuffer) != nil
            }
            return tok
        }
        while token <= target, scanner.next() {
            if token >= keepFrom { toks.append(current()) }
            token += 1
        }
        if token <= target {
            // The anchor lies past what `text` holds: more text, or (damaged data) the last token.
            if !source.isWhole { return nil }
            guard !toks.isEmpty else { return (Self.clean(text, 0, min(text.count, 400)), []) }
        }
        let atTextStart = source.textStart + scanFrom == 0 && keepFrom == 0
        let anchorIndex = anchor == nil ? 0 : toks.count - 1
        var first = anchorIndex
        while first > 0 && toks[anchorIndex].scalarStart - toks[first - 1].scalarStart <= leadContext { first -= 1 }
        if atTextStart && first > 0 && toks[first].scalarStart <= leadContext { first = 0 }
        let fromStart = atTextStart && first == 0
        let startByte = fromStart ? 0 : toks[first].byteStart
        let startScalar = fromStart ? 0 : toks[first].scalarStart
        // From the first token (always kept), tokens while they fit in the width.
        toks.removeSubrange(0..<first)
        var fitting = 1
        while fitting < toks.count && toks[fitting].scalarEnd - startScalar <= width { fitting += 1 }
        var ended = false
        if fitting < toks.count {
            toks.removeSubrange(fitting...)
        } else {
            while true {
                guard scanner.next() else { ended = true; break }
                let t = current()
                if t.scalarEnd - startScalar > width { break }
                toks.append(t)
            }
        }
        // The scan reached the end of a partial text: the last token may be cut, or more follow.
        if !source.isWhole && (ended || scanFrom + scanner.position >= text.count) { return nil }
        let endByte = ended ? text.count : (toks.last?.byteEnd ?? startByte)
        let lead = source.textStart + startByte > 0
        let snippet = Self.clean(text, startByte, max(startByte, endByte), lead: lead,
                                 trail: source.textStart + endByte < source.totalBytes)
        if withPhrases {
            var isMatch = toks.map(\.isMatch)
            matcher.markPhrases(toks.map(\.phraseHash), &isMatch, cutAtEnds: true)
            for i in toks.indices { toks[i].isMatch = isMatch[i] }
        }
        var ranges: [TextRange] = []
        ranges.reserveCapacity(toks.count)
        for t in toks where t.isMatch {
            ranges.append(TextRange(start: t.scalarStart - startScalar + (lead ? 1 : 0), length: t.scalarEnd - t.scalarStart))
        }
        return (snippet, ranges)
    }

    /// The bytes as text with line breaks and tabs turned into spaces (one scalar each, so offsets
    /// hold), trailing spaces dropped, after a "…" when `lead` and before one when `trail`: written
    /// once into the string's own storage.
    private static func clean(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lead: Bool = false, trail: Bool = false) -> String {
        var last = end
        while last > start, Self.isBlank(text[last - 1]) { last -= 1 }
        let capacity = (lead ? 3 : 0) + (last - start) + (trail ? 3 : 0)
        return String(unsafeUninitializedCapacity: capacity) { out in
            var n = 0
            if lead { n = Self.writeEllipsis(out, at: n) }
            for i in start..<last {
                let b = text[i]
                out[n] = Self.isBlank(b) ? 0x20 : b
                n += 1
            }
            if trail { n = Self.writeEllipsis(out, at: n) }
            return n
        }
    }

    /// Writes "…" (U+2026, three bytes of UTF-8) at `n`; returns the index after it.
    @inline(__always)
    private static func writeEllipsis(_ out: UnsafeMutableBufferPointer<UInt8>, at n: Int) -> Int {
        out[n] = 0xE2
        out[n + 1] = 0x80
        out[n + 2] = 0xA6
        return n + 3
    }

    @inline(__always)
    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
}
