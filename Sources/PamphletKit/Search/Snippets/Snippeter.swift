/// Cuts the best window of a section's text around the query's matches.
///
/// The window (about `width` Unicode scalars) is the one holding the most distinct matched words,
/// then the most matches; it starts at a word boundary a little before the first match it holds,
/// and is marked with "…" where text was cut. Line breaks become spaces. Highlight ranges are in
/// Unicode scalars from the start of the returned snippet (including a leading "…").
struct Snippeter {
    var width = 160
    /// Scalars of context kept before the first match when the window starts mid-text.
    var leadContext = 30

    static let scanBytes = 1024
    static let maxScanBytes = 8192

    private struct Tok { var byteStart, byteEnd, scalarStart, scalarEnd: Int }
    private struct Hit { var token: Int; var key: UInt64 }

    /// Every match of `matcher` in `text`, in Unicode scalar offsets.
    static func highlights(in text: UnsafeBufferPointer<UInt8>, matcher: HighlightMatcher) -> [TextRange] {
        var out: [TextRange] = []
        var scanner = TokenScanner(text)
        while scanner.next() {
            if matcher.key(scanner.termBuffer) != nil {
                out.append(TextRange(start: scanner.scalarStart, length: scanner.scalarEnd - scanner.scalarStart))
            }
        }
        return out
    }

    func snippet(of text: UnsafeBufferPointer<UInt8>, matcher: HighlightMatcher) -> (text: String, highlights: [TextRange]) {
        snippet(of: text, totalBytes: text.count, matcher: matcher) ?? ("", [])
    }

    /// The snippet of a text of `totalBytes` given only its first `text.count` bytes, or nil when
    /// the window could depend on what follows (then call again with more of the text). With the
    /// whole text it never returns nil. Long sections are stored compressed and only a prefix is
    /// decompressed when that is enough.
    func snippet(of text: UnsafeBufferPointer<UInt8>, totalBytes: Int, matcher: HighlightMatcher) -> (text: String, highlights: [TextRange])? {
        guard text.count > 0 else { return totalBytes > 0 ? nil : ("", []) }
        var toks: [Tok] = []
        var hits: [Hit] = []
        var scanner = TokenScanner(text)
        var totalScalars = 0
        while scanner.next() {
            toks.append(Tok(byteStart: scanner.byteStart, byteEnd: scanner.byteEnd,
                            scalarStart: scanner.scalarStart, scalarEnd: scanner.scalarEnd))
            if !matcher.isEmpty, let k = matcher.key(scanner.termBuffer) { hits.append(Hit(token: toks.count - 1, key: k)) }
            totalScalars = scanner.scalarEnd
            // Long sections: the best window is looked for in the first few KB that hold a match
            // (snippets must stay cheap for every keystroke).
            if let f = hits.first, scanner.byteStart > toks[f.token].byteStart + Self.scanBytes { break }
            if hits.isEmpty && (matcher.isEmpty ? scanner.scalarStart > width * 2 : scanner.byteStart > Self.maxScanBytes) { break }
        }
        // The scan ran into the end of a partial text: the last token may be cut, or more matches follow.
        if text.count < totalBytes && scanner.position >= text.count { return nil }
        guard !toks.isEmpty else { return (Self.clean(text, 0, min(text.count, 400)), []) }

        // Best window by distinct keys, then count.
        var bestA = 0, bestScore = -1
        if !hits.isEmpty {
            var b = 0
            var keys: [UInt64] = []
            for a in 0..<hits.count {
                if b < a { b = a }
                let start = toks[hits[a].token].scalarStart
                while b + 1 < hits.count && toks[hits[b + 1].token].scalarEnd - start <= width - leadContext / 2 { b += 1 }
                keys.removeAll(keepingCapacity: true)
                for h in hits[a...b] where !keys.contains(h.key) { keys.append(h.key) }
                let score = keys.count * 1000 + (b - a + 1)
                if score > bestScore { bestScore = score; bestA = a }
            }
        }
        // Window start: a token boundary shortly before the first match (or the text's start).
        var first = 0
        if !hits.isEmpty {
            let anchor = toks[hits[bestA].token]
            first = hits[bestA].token
            while first > 0 && anchor.scalarStart - toks[first - 1].scalarStart <= leadContext { first -= 1 }
        }
        if first > 0 && toks[first].scalarStart <= leadContext { first = 0 }
        let startByte = first == 0 ? 0 : toks[first].byteStart
        let startScalar = first == 0 ? 0 : toks[first].scalarStart
        var last = first
        while last + 1 < toks.count && toks[last + 1].scalarEnd - startScalar <= width { last += 1 }
        let reachedEnd = last == toks.count - 1 && (toks[last].scalarEnd == totalScalars) && scanner.position >= text.count
        let endByte = reachedEnd ? text.count : toks[last].byteEnd
        let endScalar = reachedEnd ? Int.max : toks[last].scalarEnd
        let lead = startByte > 0
        var snippet = lead ? "…" : ""
        snippet += Self.clean(text, startByte, endByte)
        if endByte < totalBytes { snippet += "…" }
        var ranges: [TextRange] = []
        for h in hits {
            let t = toks[h.token]
            if t.scalarStart >= startScalar && t.scalarEnd <= endScalar {
                ranges.append(TextRange(start: t.scalarStart - startScalar + (lead ? 1 : 0), length: t.scalarEnd - t.scalarStart))
            }
        }
        return (snippet, ranges)
    }

    /// The bytes as text with line breaks and tabs turned into spaces (one scalar each, so offsets hold).
    private static func clean(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var bytes = Array(text[start..<end])
        for i in bytes.indices where bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { bytes[i] = 0x20 }
        while let l = bytes.last, l == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
