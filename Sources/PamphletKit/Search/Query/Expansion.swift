/// How much a match counts, by how the indexed word relates to the typed one. An exact word ranks
/// above its other forms, a synonym, a completion of what is being typed, and a typo, in that order.
enum MatchWeight {
    static let exact: Float = 1.0
    static let stem: Float = 0.9
    static let synonym: Float = 0.8
    /// A completion scores between these, closer to the top the more of it was typed.
    static let completionBase: Float = 0.5
    static let completionSpan: Float = 0.3
    static let typo1: Float = 0.6
    static let typo2: Float = 0.45
    static let prefixTypo1: Float = 0.45
    static let prefixTypo2: Float = 0.35
}

/// One indexed term a query word stands for, with its weight.
struct Expansion {
    var term: Int
    var weight: Float
}

/// What one query word (or a run of words, for multi-word synonyms) matches.
struct WordMatches {
    var terms: [Expansion] = []
    /// Alternatives that are phrases (synonyms and acronyms written out), as term id sequences.
    var phrases: [[Int]] = []
    /// The word is not in the content as typed: every term is a correction of a typo.
    var isTypoCorrection = false

    var isEmpty: Bool { terms.isEmpty && phrases.isEmpty }

    /// The word as typed and its other forms (same stem): the only terms weighted `MatchWeight.stem`
    /// or above.
    var forms: some Sequence<Expansion> { terms.lazy.filter { $0.weight >= MatchWeight.stem } }

    /// Adds a term, keeping the highest weight when it is already there.
    mutating func add(_ term: Int, _ weight: Float) {
        if let i = terms.firstIndex(where: { $0.term == term }) {
            terms[i].weight = max(terms[i].weight, weight)
        } else {
            terms.append(Expansion(term: term, weight: weight))
        }
    }
}

/// Turns query words into the indexed terms they match: exact, same stem (in every language the
/// content uses), synonyms, completions of the word being typed, and typos.
struct WordExpander {
    let index: IndexData
    let synonyms: SynonymLookup
    let stemmers: [Stemmer]

    /// Completions kept for a word being typed: the most frequent ones, up to this many...
    static let maxCompletions = 64
    /// ...and until their postings add up to this many (after the first 8), so a 1-letter prefix
    /// stays fast while every common completion is still there.
    static let completionPostingBudget = 60_000
    static let maxTypoTerms = 32

    init(index: IndexData, synonyms: SynonymTable) {
        self.index = index
        let stemmers = index.languages.map { Stemmer.shared($0) }
        self.synonyms = SynonymLookup(synonyms, stemmers: stemmers)
        self.stemmers = stemmers
    }

    func exact(_ term: [UInt8]) -> Int? { index.terms.find(term) }

    /// Terms sharing the word's stem in any content language (the word itself included if indexed).
    func stemVariants(_ term: [UInt8]) -> [Int] {
        var out: [Int] = []
        for (lang, stemmer) in stemmers.enumerated() {
            let stem = stemmer.stem(term)
            var key: [UInt8] = [UInt8(lang)]
            key.append(contentsOf: stem)
            guard let g = index.stemKeys.find(key) else {
                // A word that is its own stem and the only word with it has no group ("dose"):
                // "dosing" finds it as the word itself.
                if let t = exact(stem), !out.contains(t), stemmer.stem(stem) == stem { out.append(t) }
                continue
            }
            for t in index.stemGroupTerms(g) where !out.contains(t) { out.append(t) }
        }
        return out
    }

    /// The terms of every stem group of content language `language` whose stem is within
    /// `maxEdits` of `term`'s stem in that language, with that distance (typos against stems:
    /// search and did-you-mean).
    func stemTypoTerms(_ term: [UInt8], language: Int, maxEdits: Int) -> [(distance: Int, term: Int)] {
        var out: [(distance: Int, term: Int)] = []
        for match in TypoMatcher.stemMatches(stemmers[language].stem(term), language: language, maxEdits: maxEdits, in: index) {
            for g in match.range {
                for t in index.stemGroupTerms(g) { out.append((match.distance, t)) }
            }
        }
        return out
    }

    /// The most frequent non-stop-word terms in `range`, within the posting budget.
    func completions(in range: Range<Int>, max: Int = maxCompletions) -> [Int] {
        var best: [(df: Int, term: Int)] = []   // ascending by df
        best.reserveCapacity(max + 1)
        for t in range where !index.isStopWord(t) {
            let df = index.documentFrequency(t)
            if best.count == max && df <= best[0].df { continue }
            var lo = 0, hi = best.count
            while lo < hi { let m = (lo + hi) >> 1; if best[m].df < df { lo = m + 1 } else { hi = m } }
            best.insert((df, t), at: lo)
            if best.count > max { best.removeFirst() }
        }
        var out: [Int] = []
        var postings = 0
        for (df, t) in best.reversed() {
            if out.count >= 8 && postings + df > Self.completionPostingBudget { break }
            out.append(t)
            postings += df
        }
        return out
    }

    /// Everything `word` matches. Typo tolerance follows the word's length (see `TypoMatcher`).
    func expand(_ word: ParsedQuery.Word) -> WordMatches {
        var m = WordMatches()
        let term = word.term
        // A stop word still being typed ("is ketamine a|") stands for its completions, not itself.
        if let t = exact(term), !(word.isPrefix && word.isStop) {
            m.add(t, MatchWeight.exact)
        }
        if word.isExact { return m }
        for t in stemVariants(term) { m.add(t, MatchWeight.stem) }
        addSynonyms(of: String(decoding: term, as: UTF8.self), to: &m)
        if word.isPrefix {
            let range = term.withUnsafeBufferPointer { index.terms.prefixRange($0) }
            for t in completions(in: range) {
                let typed = Float(term.count) / Float(Swift.max(index.terms.length(t), 1))
                m.add(t, MatchWeight.completionBase + MatchWeight.completionSpan * typed)
            }
        }
        // Typos only for a word the content does not have as typed (no exact word, stem, synonym
        // or completion), as Algolia's `typoTolerance: min` and Typesense's default
        // `typo_tokens_threshold`: a correctly spelled word is not padded out with near-misses.
        // A word the synonyms file lists is a real word, not a misspelling, even when the content
        // has none of its group ("price" had found "preceded" by a typo on a prefix).
        guard m.isEmpty, !synonyms.contains(String(decoding: term, as: UTF8.self)) else { return m }
        let letters = String(decoding: term, as: UTF8.self).unicodeScalars.count
        let k = TypoMatcher.allowedEdits(forLength: letters)
        if k > 0 {
            var candidates: [(distance: Int, df: Int, term: Int, weight: Float)] = []
            func typoWeight(_ distance: Int, prefix: Bool) -> Float {
                prefix ? (distance == 1 ? MatchWeight.prefixTypo1 : MatchWeight.prefixTypo2)
                       : (distance == 1 ? MatchWeight.typo1 : MatchWeight.typo2)
            }
            for match in TypoMatcher.matches(term, maxEdits: k, prefixMode: word.isPrefix, in: index)
            where match.distance > 0 {
                let isRange = word.isPrefix
                let terms = match.range.count <= 4 ? Array(match.range) : completions(in: match.range, max: 8)
                for t in terms where !index.isStopWord(t) {
                    let distance = isRange && match.distance > 1
                        ? max(1, min(match.distance, TypoMatcher.distance(term, index.terms.buffer(t), prefix: true)))
                        : match.distance
                    candidates.append((distance, index.documentFrequency(t), t, typoWeight(distance, prefix: isRange)))
                }
            }
            // No word of the content within one edit: the word's stem against the content's stems,
            // and the word against the synonyms file's one-word entries. "depresed" is two edits
            // from every word the content has ("depression", "depressive") but its stem "depres"
            // one from theirs, "depress"; "adict" (not being typed, so not a prefix) one from
            // "addict", the stem of "addictive" and "addiction"; "anxios" one from the entry "anxious".
            var synonymEntries: [(distance: Int, entry: String)] = []
            if !candidates.contains(where: { $0.distance == 1 }) {
                for lang in stemmers.indices {
                    for (distance, t) in stemTypoTerms(term, language: lang, maxEdits: k)
                    where distance > 0 && !index.isStopWord(t) {
                        candidates.append((distance, index.documentFrequency(t), t,
                                           typoWeight(distance, prefix: false) * MatchWeight.stem))
                    }
                }
                synonymEntries = synonyms.oneWordEntries(within: k, of: term)
            }
            candidates.sort { ($0.distance, -$0.df) < ($1.distance, -$1.df) }
            // Fewest edits only, as Typesense's default `typo_tokens_threshold`: "psychiatrst" is
            // "psychiatrist" (one edit), not also "psychiatric" (two).
            let fewest = min(candidates.first?.distance ?? Int.max, synonymEntries.map(\.distance).min() ?? Int.max)
            for c in candidates.prefix(Self.maxTypoTerms) where c.distance == fewest {
                m.add(c.term, c.weight)
            }
            for s in synonymEntries where s.distance == fewest {
                var alternatives = WordMatches()
                addSynonyms(of: s.entry, to: &alternatives)
                for e in alternatives.terms { m.add(e.term, e.weight * typoWeight(fewest, prefix: false)) }
                for p in alternatives.phrases where !m.phrases.contains(p) { m.phrases.append(p) }
            }
            m.isTypoCorrection = !m.isEmpty
        }
        return m
    }

    /// Adds the synonyms of an entry (one word, or several joined by spaces; matched as written or
    /// by its last word's stem, see `SynonymLookup`) to `m`.
    func addSynonyms(of entry: String, to m: inout WordMatches) {
        for alt in synonyms.alternatives(of: entry) {
            let words = alt.split(separator: " ").map { Array($0.utf8) }
            if words.count == 1 {
                if let t = exact(words[0]) { m.add(t, MatchWeight.synonym) }
                for t in stemVariants(words[0]) { m.add(t, MatchWeight.synonym * MatchWeight.stem) }
            } else {
                let ids = words.compactMap { exact($0) }
                if ids.count == words.count && !m.phrases.contains(ids) { m.phrases.append(ids) }
            }
        }
    }
}

extension IndexData {
    /// The terms of stem group `g` (`stemKeys`' order).
    func stemGroupTerms(_ g: Int) -> LazyMapSequence<Range<Int>, Int> {
        let terms = stemTerms
        return (stemTermStart.int(g)..<stemTermStart.int(g + 1)).lazy.map { terms.int($0) }
    }
}
