import Foundation

/// Turns a file's bytes into text, or explains why they are not text.
///
/// Content files must be UTF-8; binary files (NUL bytes) and invalid byte sequences are reported
/// at the line and column where they first occur, so an editor can jump straight to them.
extension Data {
    /// The bytes after a UTF-8 byte-order mark (Notepad writes one), or all of them.
    var droppingUTF8BOM: Data.SubSequence { starts(with: [0xEF, 0xBB, 0xBF]) ? dropFirst(3) : self[...] }
}

enum SourceText {
    /// Decodes `data`; nil text means the file cannot be read as content (the diagnostics say why).
    /// Strips a leading byte order mark and turns CRLF / CR line ends into LF so lines count the same everywhere.
    static func decode(_ data: Data, path: String) -> (text: String?, diagnostics: [Diagnostic]) {
        if data.isEmpty { return (nil, [.error(path, "empty file")]) }
        let bytes = [UInt8](data.droppingUTF8BOM)

        if let nul = firstIndex(of: 0, in: bytes) {
            let (line, column) = position(ofByte: nul, in: bytes)
            return (nil, [.error(path, line: line, column: column,
                                 "binary file: NUL byte at line \(line); content files must be UTF-8 text")])
        }
        // The standard library's validation is fast; the scalar-by-scalar search only runs on bad input.
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(bytes) ?? 0
            let (line, column) = position(ofByte: bad, in: bytes)
            let hex = String(format: "0x%02X", bytes[min(bad, bytes.count - 1)])
            return (nil, [.error(path, line: line, column: column,
                                 "invalid UTF-8 (byte \(hex)); save the file as UTF-8")])
        }
        if firstIndex(of: 0x0D, in: bytes) != nil {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if text.allSatisfy(\.isWhitespace) { return (nil, [.error(path, "empty file")]) }
        return (text, [])
    }

    /// Offset of the first `byte` (memchr: fast even in debug builds, on files of many megabytes).
    static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int = 0) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let hit = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Byte offset of the first byte that does not start or continue a valid UTF-8 scalar.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// 1-based line and column (in scalars) of a byte offset. Bytes before it are valid UTF-8.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        while let newline = firstIndex(of: 0x0A, in: bytes, from: lineStart), newline < offset {
            line += 1
            lineStart = newline + 1
        }
        // Columns count scalars: skip UTF-8 continuation bytes.
        let column = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (line, column)
    }
}
