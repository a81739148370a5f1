import Foundation
import Testing
@testable import PamphletKit

@Suite("Kiosk QR code (libqrencode + half blocks)")
struct KioskQRCodeTests {
    @Test(arguments: ["https://example.org/ketamine", "https://clinic.example/faq/is-ketamine-addictive?lang=en",
                      "https://例え.jp/ページ"])
    func halfBlockRenderingDecodesWithZbar(_ url: String) throws {
        let code = try #require(QRCode(encoding: url))
        for ink in [QRHalfBlocks.Ink.lightModules, .darkModules] {
            let rows = QRHalfBlocks.rows(code, ink: ink)
            let decoded = try KioskZbar.decode(rows: rows, glyphIsDark: ink == .darkModules)
            try #require(decoded != nil, "zbarimg is not installed (scripts/install-deps)")
            #expect(decoded == url)
        }
    }

    @Test func sizeAndQuietZone() throws {
        let code = try #require(QRCode(encoding: "https://example.org/a"))
        #expect(code.size == 25 || code.size == 21)
        let rows = QRHalfBlocks.rows(code)
        let dims = QRHalfBlocks.dimensions(code)
        #expect(rows.count == dims.height)
        #expect(rows.allSatisfy { $0.count == dims.width })
        // The quiet zone is light: with light ink, the first two rows are solid blocks.
        #expect(rows[0].allSatisfy { $0 == "█" })
        #expect(rows[1].allSatisfy { $0 == "█" })
        // Finder pattern corner: module (0,0) is dark.
        #expect(code[0, 0] && !code[-1, 0])
    }

    @Test func emptyTextHasNoCode() {
        #expect(QRCode(encoding: "") == nil)
    }
}

/// Turns half-block rows into a PBM image (each cell = 2 stacked pixels, scaled up) and decodes it with zbarimg.
enum KioskZbar {
    /// Nil when zbarimg is not installed.
    static func decode(rows: [String], glyphIsDark: Bool, scale: Int = 6) throws -> String? {
        let zbar = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let zbar else { return nil }
        let cells = rows.map { Array($0) }
        let width = (cells.map(\.count).max() ?? 0)
        var pixels: [[Bool]] = []  // true = dark
        for row in cells {
            var top: [Bool] = [], bottom: [Bool] = []
            for x in 0..<width {
                let c = x < row.count ? row[x] : " "
                let (t, b): (Bool, Bool) = switch c {
                case "█": (true, true)
                case "▀": (true, false)
                case "▄": (false, true)
                default: (false, false)
                }
                top.append(t == glyphIsDark)
                bottom.append(b == glyphIsDark)
            }
            pixels.append(top)
            pixels.append(bottom)
        }
        // Add a margin of light pixels, then scale.
        var text = "P1\n\((width + 4) * scale) \((pixels.count + 4) * scale)\n"
        let light = [Bool](repeating: false, count: width)
        for row in [light, light] + pixels + [light, light] {
            let line = ([false, false] + row + [false, false]).flatMap { [String](repeating: $0 ? "1" : "0", count: scale) }
                .joined(separator: " ")
            for _ in 0..<scale { text += line + "\n" }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-qr-\(UUID().uuidString).pbm")
        try text.write(to: file, atomically: true, encoding: .ascii)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbar)
        process.arguments = ["--quiet", "--raw", file.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }
}
