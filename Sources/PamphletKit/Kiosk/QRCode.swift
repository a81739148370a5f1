import CQRencode

/// A QR code symbol from libqrencode: a square of modules, `true` = dark.
public struct QRCode: Sendable, Equatable {
    /// Modules per side (21 for version 1, +4 per version), without the quiet zone.
    public let size: Int
    private let modules: [Bool]

    /// Encodes `text` (8-bit mode, error correction level M, smallest version that fits).
    /// Nil if the text is empty or too long for a QR code.
    public init?(encoding text: String) {
        guard !text.isEmpty, let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        size = width
        // libqrencode: bit 0 of each byte is the module colour (1 = dark); the other bits are metadata.
        modules = (0..<(width * width)).map { data[$0] & 1 == 1 }
    }

    /// Whether the module at column `x`, row `y` is dark; outside the symbol (quiet zone) is light.
    public subscript(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }
}
