/// A query split into what the user asked for: words, "quoted phrases" and -excluded words.
struct ParsedQuery {
    struct Word {
        /// Folded bytes of the word.
        var term: [UInt8]
        /// The last word while typing (no space after it yet): also matches as a prefix.
        var isPrefix: Bool
        /// A stop word (`StopWords`), or question filler (`isFiller`): neither ranks unless the query
        /// has nothing else.
        var isStop: Bool
        /// Question filler (`StopWords.queryFiller`): adds to a section the other words match, never
        /// makes a hit. Also `isStop`.
        var isFiller = false
        /// A word in quotes on its own: the word as typed, no other forms, typos or completions.
        var isExact = false
        /// A word typed with dots ("ph.d." -> phd): its parts (ph, d), as content that writes it so
        /// is indexed. Empty otherwise.
        var dotted: [[UInt8]] = []
        var text: String { String(decoding: term, as: UTF8.self) }
    }

    var words: [Word] = []
    var phrases: [[[UInt8]]] = []
    var excluded: [[UInt8]] = []

    var isEmpty: Bool { words.isEmpty && phrases.isEmpty }
}

enum QueryParser {
    private static let quotes: Set<Character> = ["\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}"]
    private static let minus: Set<Character> = ["-", "\u{2212}"]

    /// Dotted initials and abbreviations as one word: "i.v." -> "iv", "U.S." -> "us", "Ph.D." -> "phd",
    /// "Psy.D." -> "psyd" (the tokenizer splits at dots, and "v" or "d" was then completed to
    /// "visit" or "doctor"). Two or more groups of letters, each followed by a dot (the last dot
    /// optional): single letters, or groups of at most three letters with at least one single
    /// letter among them, so "node.js" and "dr.oz" stay two words.
    static func joiningInitials(_ chunk: String) -> String {
        guard chunk.utf8.contains(UInt8(ascii: ".")) else { return chunk }
        var letters = String.UnicodeScalarView()
        var groups = 0, shortest = Int.max, longest = 0, group = 0
        func endGroup() {
            groups += 1
            shortest = min(shortest, group)
            longest = max(longest, group)
            group = 0
        }
        for scalar in chunk.unicodeScalars {
            if scalar == "." {
                guard group > 0 else { return chunk }   // ".net", "a..b"
                endGroup()
            } else if scalar.properties.isAlphabetic {
                // The standard library's property, not Foundation's CharacterSet.letters, whose
                // tables cost the serving process about a megabyte of resident memory.
                letters.append(scalar)
                group += 1
            } else {
                return chunk
            }
        }
        if group > 0 { endGroup() }
        return groups >= 2 && shortest == 1 && longest <= 3 ? String(letters) : chunk
    }

    /// Parses free text. Quotes start and end phrases (an unclosed quote runs to the end); a word
    /// starting with "-" is excluded; the last plain word is a prefix unless the query ends in a space.
    static func parse(_ query: String) -> ParsedQuery {
        var out = ParsedQuery()
        var chunk = ""
        var inPhrase = false
        var phrase = ""
        var lastPlainChunk = -1   // index in out.words of the last plain chunk's last word

        func flushChunk() {
            guard !chunk.isEmpty else { return }
            if let first = chunk.first, minus.contains(first), chunk.count > 1 {
                out.excluded.append(contentsOf: Analyzer.terms(joiningInitials(String(chunk.dropFirst()))))
                lastPlainChunk = -1
            } else {
                let joined = joiningInitials(chunk)
                let terms = Analyzer.terms(joined)
                let dotted = joined != chunk && terms.count == 1 ? Analyzer.terms(chunk) : []
                for t in terms {
                    let filler = StopWords.isQueryFiller(t)
                    out.words.append(.init(term: t, isPrefix: false, isStop: filler || StopWords.contains(t), isFiller: filler,
                                           dotted: dotted))
                }
                lastPlainChunk = terms.isEmpty ? -1 : out.words.count - 1
            }
            chunk = ""
        }
        func flushPhrase() {
            let terms = Analyzer.terms(phrase)
            if terms.count == 1 {
                out.words.append(.init(term: terms[0], isPrefix: false, isStop: StopWords.contains(terms[0]), isExact: true))
            } else if terms.count > 1 {
                out.phrases.append(terms)
            }
            phrase = ""
            lastPlainChunk = -1
        }

        for ch in query {
            if quotes.contains(ch) {
                if inPhrase { flushPhrase() } else { flushChunk() }
                inPhrase.toggle()
            } else if inPhrase {
                phrase.append(ch)
            } else if ch.isWhitespace {
                flushChunk()
                lastPlainChunk = -1
            } else {
                chunk.append(ch)
            }
        }
        if inPhrase { flushPhrase() }
        flushChunk()
        if lastPlainChunk >= 0 { out.words[lastPlainChunk].isPrefix = true }
        return out
    }
}
