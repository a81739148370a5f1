import Testing
@testable import PamphletKit

/// Snowball through libstemmer: both entry points give the same stems, and a language without a
/// stemmer leaves words as they are.
@Suite struct StemmerTests {
    @Test(arguments: [
        ("en", "running", "run"), ("en", "addictive", "addict"), ("en", "treatments", "treatment"),
        ("es", "tratamientos", "tratamient"), ("xx", "running", "running"), ("en", "", ""),
    ])
    func stems(language: String, word: String, expected: String) {
        let stemmer = Stemmer.shared(language)
        #expect(stemmer.stem(Array(word.utf8)) == Array(expected.utf8))
        var out: [UInt8] = [0x2A]   // appends after what is there
        Array(word.utf8).withUnsafeBufferPointer { stemmer.appendStem($0, to: &out) }
        #expect(out == [0x2A] + Array(expected.utf8))
    }
}
