import Foundation
import Testing
@testable import PamphletKit

/// Text saved as Windows-1252 had every curly quote, dash and umlaut replaced with U+FFFD
/// (review B, finding 20): it is now read as Windows-1252, with a warning.
@Suite struct ImportEncodingTests {
    /// A real file saved by a Windows editor: \x92 \x93 \x94 \x96 \xfc, CRLF line ends.
    @Test func windows1252IsDecodedWithAWarning() throws {
        let result = try ImportTestSupport.fixture("cp1252.txt")
        let imported = try #require(result.documents.first)
        #expect(imported.document.title == "Clinic News")
        #expect(imported.document.intro.plainText == "Our new wing opens in May – we’re excited. “Come visit,” says Dr. Müller.")
        #expect(!imported.markdown.contains("\u{FFFD}"))
        #expect(result.diagnostics.map(\.message) == [
            "not UTF-8; read as Windows-1252 (Western European): check quotes, dashes and accented letters",
        ])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test(arguments: [
        ([0x43, 0x61, 0x66, 0xE9] as [UInt8], "Café"),                 // Latin-1 letters read the same
        ([0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x35] as [UInt8], "“Hi” €5"),
    ])
    func decodes(_ bytes: [UInt8], _ text: String) {
        #expect(Windows1252.isLikely(bytes))
        #expect(TextDecoding.decode(Data(bytes), sourceName: "x").text == text)
    }

    /// UTF-8 with one damaged byte stays UTF-8 (its other letters would be garbled otherwise);
    /// bytes Windows-1252 does not define are not Windows-1252.
    @Test(arguments: [
        Array("Müller “quoted” ".utf8) + [0xFF],
        [0x41, 0x81, 0x42],
    ])
    func notWindows1252(_ bytes: [UInt8]) {
        #expect(!Windows1252.isLikely(bytes))
        let (text, diagnostics) = TextDecoding.decode(Data(bytes), sourceName: "x")
        #expect(text.contains("\u{FFFD}"))
        #expect(diagnostics.map(\.message) == ["not valid UTF-8; invalid bytes were replaced with \u{FFFD}"])
    }
}
