import CStemmer
import Foundation

/// Snowball stemming through libstemmer, one stemmer per language.
///
/// libstemmer's stemmers keep state between calls and are not thread-safe, so each one is used
/// under its own lock. Index building stems each distinct word once per language (not every token),
/// and a query stems a handful of words, so the lock is never contended in practice.
final class Stemmer: @unchecked Sendable {
    /// The Snowball algorithm name for a document language code ("en", "es-MX" -> "english", "spanish").
    static func algorithm(for language: String) -> String? {
        let code = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        let names: [String: String] = [
            "en": "english", "es": "spanish", "fr": "french", "de": "german", "it": "italian",
            "pt": "portuguese", "nl": "dutch", "sv": "swedish", "no": "norwegian", "nb": "norwegian",
            "da": "danish", "fi": "finnish", "ru": "russian", "hu": "hungarian", "ro": "romanian",
            "tr": "turkish",
        ]
        return names[code]
    }

    private let lock = NSLock()
    private let handle: OpaquePointer?

    /// A stemmer for `language`; an unknown language stems nothing (words are their own stems).
    init(language: String) {
        if let name = Self.algorithm(for: language) {
            handle = sb_stemmer_new(name, "UTF_8")
        } else {
            handle = nil
        }
    }

    deinit {
        if let handle { sb_stemmer_delete(handle) }
    }

    /// The stem of a folded word (UTF-8 bytes).
    func stem(_ word: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        word.withUnsafeBufferPointer { appendStem($0, to: &out) }
        return out
    }

    /// Appends the stem of `word` (the word itself when there is no stemmer or it fails) to `out`:
    /// no array per call (the index builder stems every distinct word in every language it occurs in).
    func appendStem(_ word: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let handle, let base = word.baseAddress, !word.isEmpty else { out.append(contentsOf: word); return }
        lock.lock()
        defer { lock.unlock() }
        guard let stem = sb_stemmer_stem(handle, base, Int32(word.count)) else { out.append(contentsOf: word); return }
        out.append(contentsOf: UnsafeBufferPointer(start: stem, count: Int(sb_stemmer_length(handle))))
    }

    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cache: [String: Stemmer] = [:]

    /// A shared stemmer per language code (created once, reused by every engine).
    static func shared(_ language: String) -> Stemmer {
        let key = algorithm(for: language) ?? "none"
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let s = cache[key] { return s }
        let s = Stemmer(language: language)
        cache[key] = s
        return s
    }
}
