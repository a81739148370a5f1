/// Unicode word segmentation and normalisation in one pass over UTF-8 bytes.
///
/// A word is a run of letters, digits and combining marks. An apostrophe (ASCII or typographic)
/// between two word characters joins them and is dropped from the term ("don’t" -> "dont"); a
/// possessive "’s" at the end is removed ("ketamine’s" -> "ketamine"). Every other character
/// separates words (hyphens too, so "obsessive-compulsive" is two words a phrase can match).
///
/// The folded term (case and diacritics folded, UTF-8) is written to `term`; the token's place in the
/// source is reported both in bytes and in Unicode scalars (the unit of `TextRange`).
struct TokenScanner {
    /// Longest term kept, in bytes; longer words are cut (keeps typo matching bounded).
    static let maxTermBytes = 48

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0
    private(set) var scalarPosition = 0

    /// Folded bytes of the current token.
    var term: [UInt8] = []
    var byteStart = 0, byteEnd = 0
    var scalarStart = 0, scalarEnd = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        term.reserveCapacity(64)
    }

    /// Decodes the scalar at byte `i`: (value, byte length). Invalid bytes decode as U+FFFD, length 1.
    @inline(__always)
    private func decode(_ i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        let n = bytes.count
        if b0 & 0xE0 == 0xC0, i + 1 < n {
            return (((b0 & 0x1F) << 6) | (UInt32(bytes[i + 1]) & 0x3F), 2)
        }
        if b0 & 0xF0 == 0xE0, i + 2 < n {
            return (((b0 & 0x0F) << 12) | ((UInt32(bytes[i + 1]) & 0x3F) << 6) | (UInt32(bytes[i + 2]) & 0x3F), 3)
        }
        if b0 & 0xF8 == 0xF0, i + 3 < n {
            return (((b0 & 0x07) << 18) | ((UInt32(bytes[i + 1]) & 0x3F) << 12)
                    | ((UInt32(bytes[i + 2]) & 0x3F) << 6) | (UInt32(bytes[i + 3]) & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    @inline(__always)
    private static func isASCIIWord(_ b: UInt32) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }

    @inline(__always)
    private func isWord(_ v: UInt32) -> Bool {
        if v < 0x80 { return Self.isASCIIWord(v) }
        guard let s = Unicode.Scalar(v) else { return false }
        return ScalarFolding.isWordScalar(s)
    }

    /// Moves to the next token; false at the end of the text.
    mutating func next() -> Bool {
        let n = bytes.count
        // Skip separators.
        while position < n {
            let (v, len) = decode(position)
            if isWord(v) { break }
            position += len
            scalarPosition += 1
        }
        guard position < n else { return false }
        term.removeAll(keepingCapacity: true)
        byteStart = position
        scalarStart = scalarPosition
        var apostropheAt = -1
        while position < n {
            let (v, len) = decode(position)
            if v < 0x80 {
                if Self.isASCIIWord(v) {
                    term.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v))
                } else if ScalarFolding.isApostrophe(v), position + 1 < n, isWord(decode(position + 1).0) {
                    apostropheAt = term.count
                } else { break }
            } else if isWord(v), let s = Unicode.Scalar(v) {
                ScalarFolding.append(s, to: &term)
            } else if ScalarFolding.isApostrophe(v), position + len < n, isWord(decode(position + len).0) {
                apostropheAt = term.count
            } else { break }
            position += len
            scalarPosition += 1
        }
        byteEnd = position
        scalarEnd = scalarPosition
        if apostropheAt >= 0, apostropheAt == term.count - 1, term.last == 0x73 { term.removeLast() }
        if term.count > Self.maxTermBytes { term.removeLast(term.count - Self.maxTermBytes) }
        if term.isEmpty { return next() }  // only marks or a dropped possessive: skip
        return true
    }
}

/// Convenience for small inputs (queries, synonyms): the folded terms of `text`, in order.
enum Analyzer {
    static func terms(_ text: String) -> [[UInt8]] {
        var text = text
        return text.withUTF8 { buf in
            var scanner = TokenScanner(buf)
            var out: [[UInt8]] = []
            while scanner.next() { out.append(scanner.term) }
            return out
        }
    }

    /// The folded form of one word as a String ("Ketamine’s" -> "ketamine").
    static func fold(_ text: String) -> String {
        terms(text).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    }
}
