import Foundation

/// Groups of words or phrases that find each other ("tms, transcranial magnetic stimulation").
///
/// File format (`synonyms.txt` next to `site.yaml`): one group per line, entries separated by commas,
/// `#` starts a comment. Entries are folded like indexed text, so "Ketamine’s" and "ketamine" are equal.
public struct SynonymTable: Sendable, Equatable {
    /// Each group's entries, folded terms joined by single spaces.
    private(set) var groups: [[String]]

    init(groups: [[String]] = []) {
        self.groups = groups.filter { $0.count > 1 }
    }

    /// Parses the file format; lines with fewer than two entries are ignored.
    static func parse(_ text: String) -> SynonymTable {
        var groups: [[String]] = []
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            var entries: [String] = []
            for e in line.split(separator: ",") {
                let folded = Analyzer.fold(String(e))
                if !folded.isEmpty && !entries.contains(folded) { entries.append(folded) }
            }
            if entries.count > 1 { groups.append(entries) }
        }
        return SynonymTable(groups: groups)
    }

    /// Lines `parse` ignores although they hold text (fewer than two distinct entries), and text
    /// that is not UTF-8, as warnings for `pamphlet check` at `path` (the file as shown).
    public static func problems(inFileAt path: String, shownAs shown: String) -> [Diagnostic] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        guard let text = String(data: data, encoding: .utf8) else {
            return [.warning(shown, "synonyms.txt is not UTF-8 text: save it as UTF-8 (it is ignored until then)")]
        }
        var out: [Diagnostic] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard !line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            let entries = Set(line.split(separator: ",").map { Analyzer.fold(String($0)) }.filter { !$0.isEmpty })
            if entries.count < 2 {
                out.append(.warning(shown, line: i + 1, "synonym line with fewer than two different entries "
                                    + "(write them on one line, separated by commas); it is ignored"))
            }
        }
        return out
    }

    /// Reads `synonyms.txt` from a content folder; empty when there is none.
    static func load(contentDirectory: String?) -> SynonymTable {
        guard let dir = contentDirectory else { return SynonymTable() }
        let path = (dir as NSString).appendingPathComponent("synonyms.txt")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return SynonymTable() }
        return parse(text)
    }

    /// The snapshot form: groups one per line, entries joined by commas (already folded).
    func serialized() -> String { groups.map { $0.joined(separator: ",") }.joined(separator: "\n") }

    init(serialized: String) {
        self.init(groups: serialized.split(separator: "\n").map { $0.split(separator: ",").map(String.init) })
    }

    /// Adds groups, merging each into the first group that shares an entry with it, if any.
    ///
    /// The first such group is found through each entry's first group (entries are only ever
    /// added), not by a set per group per added group: the benchmark corpus's acronyms made that
    /// quadratic, 1% of a build.
    func adding(_ more: [[String]]) -> SynonymTable {
        var out = groups
        var firstGroup: [String: Int] = [:]
        func note(_ entry: String, in group: Int) {
            if let known = firstGroup[entry], known <= group { return }
            firstGroup[entry] = group
        }
        for (i, g) in out.enumerated() { for e in g { note(e, in: i) } }
        for g in more {
            if let i = g.compactMap({ firstGroup[$0] }).min() {
                for e in g where !out[i].contains(e) { out[i].append(e); note(e, in: i) }
            } else {
                out.append(g)
                for e in g { note(e, in: out.count - 1) }
            }
        }
        return SynonymTable(groups: out)
    }

    /// For each entry, the other entries of its groups.
    func alternativesByEntry() -> [String: [String]] {
        var map: [String: [String]] = [:]
        for g in groups {
            for e in g {
                for o in g where o != e && !(map[e]?.contains(o) ?? false) { map[e, default: []].append(o) }
            }
        }
        return map
    }
}

/// The synonym groups as a query looks them up: by an entry as written, and by its stem in each
/// content language (the stemmer the index uses), so "physicians" finds the entry "physician" and
/// "book" the entry "booking". A phrase entry's last word is stemmed ("adverse effect" finds
/// "adverse effects"); its other words must be as written.
struct SynonymLookup: Sendable {
    /// Each entry's alternatives (the other entries of its groups).
    let byEntry: [String: [String]]
    /// Language index byte + the entry with its last word stemmed -> the alternatives of every entry
    /// with that key (entries of several groups may share a stem: "addictive", "addiction").
    private let byStem: [String: [String]]
    private let stemmers: [Stemmer]
    /// The entries that are one word (for typos of them).
    private let oneWordEntries: [String]

    /// Built in the table's order (groups, then entries), so every list has one order whatever the
    /// dictionaries' hashing. Keys are strings, not byte arrays: an array hashes a byte at a time,
    /// and the benchmark corpus's 236 entries (acronyms) cost an engine's open 1.1M instructions so.
    init(_ table: SynonymTable = SynonymTable(), stemmers: [Stemmer] = []) {
        let byEntry = table.alternativesByEntry()
        self.byEntry = byEntry
        self.stemmers = stemmers
        var oneWord: [String] = []
        var byStem: [String: [String]] = [:]
        var key: [UInt8] = []
        func merge(_ list: inout [String], _ more: [String]) { for a in more where !list.contains(a) { list.append(a) } }
        for group in table.groups {
            for entry in group {
                let bytes = Array(entry.utf8)
                if !bytes.contains(0x20) { oneWord.append(entry) }
                let alternatives = byEntry[entry] ?? []
                for lang in stemmers.indices {
                    Self.key(bytes, language: lang, stemmer: stemmers[lang], into: &key)
                    merge(&byStem[String(decoding: key, as: UTF8.self), default: []], alternatives)
                }
            }
        }
        oneWordEntries = oneWord
        self.byStem = byStem
    }

    /// The lookup key of a folded entry or query text (words joined by single spaces): the
    /// language byte, the words before the last as written, and the last word's stem.
    private static func key(_ text: [UInt8], language: Int, stemmer: Stemmer, into key: inout [UInt8]) {
        key.removeAll(keepingCapacity: true)
        key.append(UInt8(truncatingIfNeeded: language))
        let lastSpace = text.lastIndex(of: 0x20).map { $0 + 1 } ?? 0
        key.append(contentsOf: text[..<lastSpace])
        text.withUnsafeBufferPointer { stemmer.appendStem(UnsafeBufferPointer(rebasing: $0[lastSpace...]), to: &key) }
    }

    /// The one-word entries within `maxEdits` of `word` (optimal string alignment, the first letter
    /// trusted as `TypoMatcher` trusts it), each with its distance. For a word nothing else matched:
    /// the entries are few, so each is compared in full.
    func oneWordEntries(within maxEdits: Int, of word: [UInt8]) -> [(distance: Int, entry: String)] {
        guard maxEdits > 0, let first = word.first else { return [] }
        let second = word.count > 1 ? word[1] : first
        var out: [(distance: Int, entry: String)] = []
        for entry in oneWordEntries {
            guard let e = entry.utf8.first, e == first || e == second,
                  abs(entry.utf8.count - word.count) <= maxEdits else { continue }
            let d = Array(entry.utf8).withUnsafeBufferPointer { TypoMatcher.distance(word, $0, prefix: false) }
            if d > 0 && d <= maxEdits { out.append((d, entry)) }
        }
        return out
    }

    /// True when `text` (one folded word, or several joined by spaces) is an entry as written or by stem.
    func contains(_ text: String) -> Bool { !alternatives(of: text).isEmpty }

    /// The alternatives of every entry `text` matches as written or by its last word's stem, the
    /// exact entry's first.
    func alternatives(of text: String) -> [String] {
        var out = byEntry[text] ?? []
        guard !byStem.isEmpty else { return out }
        let bytes = Array(text.utf8)
        var key: [UInt8] = []
        for lang in stemmers.indices {
            Self.key(bytes, language: lang, stemmer: stemmers[lang], into: &key)
            guard let more = byStem[String(decoding: key, as: UTF8.self)] else { continue }
            for a in more where a != text && !out.contains(a) { out.append(a) }
        }
        return out
    }
}

/// Finds acronyms defined in the text itself: a run of words followed by "(ABC)" whose initials spell
/// the acronym ("transcranial magnetic stimulation (TMS)", "treatment resistant depression (TRD)").
/// Short function words may sit inside the run ("Department of Health (DOH)"); a plural "s" on the
/// acronym is allowed ("selective serotonin reuptake inhibitors (SSRIs)").
struct AcronymCollector {
    /// How many tokens before "(ABC)" its long form is looked for in.
    static let lookBack = 12
    private var found: [String: [String]] = [:]
    private var foundOrder: [String] = []

    /// The token at `bytes[s..<e]` of a field, when it stands in parentheses, may be an acronym of
    /// the words before it: `recent` holds the term ids of the field's tokens before it, oldest
    /// first, at most `lookBack` of them.
    mutating func see(bytes b: UnsafeBufferPointer<UInt8>, start s: Int, end e: Int, after recent: [Int], table: TermHashTable) {
        guard s > 0, e < b.count, b[s - 1] == 0x28, b[e] == 0x29, e - s >= 2, e - s <= 9 else { return }
        var letters: [UInt8] = []
        for i in s..<e {
            let c = b[i]
            if c >= 0x41 && c <= 0x5A { letters.append(c + 32) }
            else if c == 0x73 && i == e - 1 && letters.count >= 2 { continue }
            else { return }
        }
        guard letters.count >= 2 else { return }
        var words: [Int] = []
        var li = letters.count - 1, ri = recent.count - 1
        while li >= 0 && ri >= 0 {
            let w = table.bytes(recent[ri])
            if w.first == letters[li] {
                words.append(recent[ri])
                li -= 1
            } else if !words.isEmpty, StopWords.contains(Array(w)) {
                words.append(recent[ri])
            } else {
                return
            }
            ri -= 1
        }
        guard li < 0 else { return }
        let long = words.reversed().map { String(decoding: table.bytes($0), as: UTF8.self) }.joined(separator: " ")
        let acronym = String(decoding: letters, as: UTF8.self)
        if found[acronym] == nil { foundOrder.append(acronym) }
        if !(found[acronym]?.contains(long) ?? false) { found[acronym, default: []].append(long) }
    }

    /// One group per acronym: its long forms and the acronym itself.
    func groups() -> [[String]] {
        foundOrder.map { (found[$0] ?? []) + [$0] }
    }
}
