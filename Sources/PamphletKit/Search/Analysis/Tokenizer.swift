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

    /// Fixed scratch memory for the current term (no Array bookkeeping per byte).
    final class Scratch {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: TokenScanner.maxTermBytes + 8)
        deinit { p.deallocate() }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0
    private(set) var scalarPosition = 0
    private let scratch = Scratch()
    /// `scratch.p`, held directly so the hot loop does no reference counting.
    private let buffer: UnsafeMutablePointer<UInt8>
    private var length = 0

    var byteStart = 0, byteEnd = 0
    var scalarStart = 0, scalarEnd = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.buffer = scratch.p
    }

    /// Folded bytes of the current token (valid until the next call to `next`).
    var termBuffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: buffer, count: length) }

    /// A copy of the current term.
    var term: [UInt8] { Array(termBuffer) }

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

    /// An ASCII letter or digit folded to lower case, or 0 for a separator.
    @inline(__always)
    private static func foldASCII(_ b: UInt8) -> UInt8 {
        if b &- 0x30 < 10 { return b }
        let l = b | 0x20
        return l &- 0x61 < 26 ? l : 0
    }

    @inline(__always)
    private func isWord(_ v: UInt32) -> Bool {
        if v < 0x80 { return Self.foldASCII(UInt8(v)) != 0 }
        guard let s = Unicode.Scalar(v) else { return false }
        return ScalarFolding.isWordScalar(s)
    }

    /// Moves to the next token; false at the end of the text.
    ///
    /// The scan state lives in locals: written back to `self` after every byte, it would be reloaded
    /// after each store through `buffer` (which the compiler must assume may alias `self`).
    mutating func next() -> Bool {
        let n = bytes.count
        let buffer = self.buffer
        let cap = Self.maxTermBytes + 4
        var position = self.position, scalarPosition = self.scalarPosition
        defer { self.position = position; self.scalarPosition = scalarPosition }
        var folded: [UInt8] = []
        while true {
            // Skip separators (ASCII fast path).
            while position < n {
                let b = bytes[position]
                if b < 0x80 {
                    if Self.foldASCII(b) != 0 { break }
                    position += 1
                    scalarPosition += 1
                    continue
                }
                let (v, len) = decode(position)
                if isWord(v) { break }
                position += len
                scalarPosition += 1
            }
            guard position < n else { return false }
            var length = 0
            byteStart = position
            scalarStart = scalarPosition
            var apostropheAt = -1
            while position < n {
                let b = bytes[position]
                if b < 0x80 {
                    let f = Self.foldASCII(b)
                    if f != 0 {
                        if length < cap { buffer[length] = f; length += 1 }
                    } else if ScalarFolding.isApostrophe(UInt32(b)), position + 1 < n, isWord(decode(position + 1).0) {
                        apostropheAt = length
                    } else { break }
                    position += 1
                    scalarPosition += 1
                    continue
                }
                let (v, len) = decode(position)
                if isWord(v), let s = Unicode.Scalar(v) {
                    folded.removeAll(keepingCapacity: true)
                    ScalarFolding.append(s, to: &folded)
                    for x in folded where length < cap { buffer[length] = x; length += 1 }
                } else if ScalarFolding.isApostrophe(v), position + len < n, isWord(decode(position + len).0) {
                    apostropheAt = length
                } else { break }
                position += len
                scalarPosition += 1
            }
            byteEnd = position
            scalarEnd = scalarPosition
            if apostropheAt >= 0, apostropheAt == length - 1, buffer[length - 1] == 0x73 { length -= 1 }
            if length > Self.maxTermBytes {
                // Cut at a character boundary.
                length = Self.maxTermBytes
                while length > 0 && buffer[length] & 0xC0 == 0x80 { length -= 1 }
            }
            self.length = length
            if length > 0 { return true }   // else only marks or a dropped possessive: skip it
        }
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
