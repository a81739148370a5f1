/// Windows-1252 ("ANSI", Western European): what a Windows editor or an old web page saves when
/// it does not save UTF-8. Curly quotes and dashes are bytes 0x91-0x97 there; read as UTF-8 they
/// are invalid and every one became U+FFFD.
enum Windows1252 {
    /// Bytes 0x80-0x9F; 0 marks the five bytes Windows-1252 leaves undefined.
    private static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// True when `bytes` are not UTF-8 but read as Windows-1252: some bytes of 0x80 and above, none
    /// of them part of a valid UTF-8 sequence, none of the undefined ones. A UTF-8 file with one
    /// damaged byte keeps its UTF-8 reading.
    static func isLikely(_ bytes: some Collection<UInt8>) -> Bool {
        let array = Array(bytes)
        var high = 0
        var i = 0
        while i < array.count {
            let b = array[i]
            if b < 0x80 { i += 1; continue }
            if (0x80...0x9F).contains(b), Self.high[Int(b - 0x80)] == 0 { return false }
            if utf8SequenceLength(array, at: i) > 0 { return false }
            high += 1
            i += 1
        }
        return high > 0
    }

    static func decode(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let value = (0x80...0x9F).contains(b) ? high[Int(b - 0x80)] : UInt32(b)
            scalars.append(Unicode.Scalar(value == 0 ? 0xFFFD : value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Length of the valid UTF-8 multi-byte sequence at `i`, or 0.
    private static func utf8SequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let lead = b[i]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard i + length <= b.count else { return 0 }
        for k in 1..<length where b[i + k] & 0xC0 != 0x80 { return 0 }
        // Overlong and surrogate forms are not valid UTF-8 either.
        if lead == 0xE0 && b[i + 1] < 0xA0 { return 0 }
        if lead == 0xED && b[i + 1] > 0x9F { return 0 }
        if lead == 0xF0 && b[i + 1] < 0x90 { return 0 }
        if lead == 0xF4 && b[i + 1] > 0x8F { return 0 }
        return length
    }
}
