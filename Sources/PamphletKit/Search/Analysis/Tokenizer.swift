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

    /// Fixed scratch memory for the current term (no Array bookkeeping per byte). Room for a word
    /// store of 8 bytes at any length below the cap.
    final class Scratch {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: TokenScanner.maxTermBytes + 16)
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
        return Self.isNonASCIIWordScalar(v)
    }

    // Out of line: the standard library's Unicode properties are resilient types, and inlined
    // into `next()` they made every call fetch their metadata and release a buffer (over a third
    // of the builder's tokenizing, for the rare non-ASCII letter).
    @inline(never)
    private static func isNonASCIIWordScalar(_ v: UInt32) -> Bool {
        guard let s = Unicode.Scalar(v) else { return false }
        return ScalarFolding.isWordScalar(s)
    }

    /// Stores the folded bytes of the non-ASCII word scalar `v` at `buffer[length...]`, up to
    /// `cap`; returns the new length.
    @inline(never)
    private static func appendFolded(_ v: UInt32, to buffer: UnsafeMutablePointer<UInt8>, length: Int, cap: Int) -> Int {
        guard let s = Unicode.Scalar(v) else { return length }
        var folded: [UInt8] = []
        ScalarFolding.append(s, to: &folded)
        var length = length
        for x in folded where length < cap { buffer[length] = x; length += 1 }
        return length
    }

    // ASCII eight bytes at a time (SWAR: one UInt64, a byte per lane). Most text is ASCII; the
    // byte-at-a-time loops below stay for the rest and for the last few bytes, and decide every
    // case the fast path leaves them (apostrophes, non-ASCII scalars).

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The 8 bytes at `i` (needs `i + 8 <= bytes.count`), the first in the lowest lane.
    @inline(__always)
    private func word(at i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + i).loadUnaligned(as: UInt64.self))
    }

    /// How many of the lanes before the first non-ASCII byte are ASCII (8 when all are).
    @inline(__always)
    private static func asciiLanes(_ x: UInt64) -> Int {
        let high = x & highBits
        return high == 0 ? 8 : high.trailingZeroBitCount >> 3
    }

    /// The high bit of every lane holding an ASCII letter, and of every lane holding a letter or
    /// digit (`foldASCII` != 0). Exact in the lanes up to the first non-ASCII byte, which itself
    /// reads as neither: each sum stays below 0x100 before it, so no carry crosses into a later
    /// lane, and a carry out of a non-ASCII lane only reaches lanes after it.
    @inline(__always)
    private static func classifyLanes(_ x: UInt64) -> (letters: UInt64, lettersOrDigits: UInt64) {
        let y = x | (0x20 &* ones)   // A-Z -> a-z; the only bytes that land in a-z are letters
        let letters = (y &+ (0x80 - 0x61) &* ones) & ~(y &+ (0x7F - 0x7A) &* ones) & highBits
        let digits = (x &+ (0x80 - 0x30) &* ones) & ~(x &+ (0x7F - 0x39) &* ones) & highBits
        return (letters, letters | digits)
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
        while true {
            // Skip separators: eight ASCII bytes at a time, then byte by byte.
            while position &+ 8 <= n {
                let x = word(at: position)
                let ascii = Self.asciiLanes(x)
                let lanes = Self.classifyLanes(x).lettersOrDigits
                let skip = min(lanes == 0 ? 8 : lanes.trailingZeroBitCount >> 3, ascii)
                position &+= skip
                scalarPosition &+= skip
                if skip < 8 { break }
            }
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
                if position &+ 8 <= n {
                    // The token's letters and digits up to the first other byte: folded and
                    // stored as one word (past the cap nothing is stored, as below).
                    // A non-ASCII lane never reads as a letter or digit (checked for all 128
                    // bytes), so the run stops at the first one without asking where it is.
                    let x = word(at: position)
                    let (letters, lanes) = Self.classifyLanes(x)
                    let others = ~lanes & Self.highBits
                    let run = others == 0 ? 8 : others.trailingZeroBitCount >> 3
                    if run > 0 {
                        if length < cap {
                            // Lower case: 0x20 set in each letter's lane (its high bit shifted by 2).
                            UnsafeMutableRawPointer(buffer + length).storeBytes(
                                of: (x | letters >> 2).littleEndian, as: UInt64.self)
                            length = min(length &+ run, cap)
                        }
                        position &+= run
                        scalarPosition &+= run
                        if run == 8 { continue }
                    }
                    // At a byte the loop below decides on: a separator, an apostrophe or non-ASCII.
                }
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
                if isWord(v) {
                    length = Self.appendFolded(v, to: buffer, length: length, cap: cap)
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
