/// A parsed query resolved against the index: one slot per ranked word or phrase, the sections to
/// exclude, and what to highlight.
struct QueryPlan {
    enum Slot {
        case word(WordMatches)
        case phrase([Int]?)   // nil: a phrase word is not in the index, so nothing matches
    }

    var slots: [Slot] = []
    /// Question filler's matches (`ParsedQuery.Word.isFiller`): scored after the slots, only into
    /// sections they match (`Scorer.endFillerSlot`).
    var fillers: [[Int]] = []
    /// Each run of the query's words from one ranked word to the next (stop words between them
    /// included), as typed, with the alternatives for a word being typed: a section where they stand
    /// side by side gets a little more (`proximityWeight`). Only runs whose every word is in the index.
    var adjacentRuns: [[[Int]]] = []
    /// Every word of the query as typed, when each is in the index, without repeats, ascending: a
    /// document whose title has exactly these words ranks first (`Scorer.markExactTitle`).
    var exactTitleTerms: [Int] = []
    /// What each slot stands for, as a reader would name it: the word, or the phrase in quotes.
    var slotLabels: [String] = []
    var excludedTerms: [Int] = []
    var matcher = HighlightMatcher()

    init(_ q: ParsedQuery, expander: WordExpander) {
        let index = expander.index
        // Stop words do not rank, unless they are all there is ("how", "what is"): then they are
        // ordinary words. A stop word being typed may still become another word.
        var words = q.words
        if q.phrases.isEmpty && words.allSatisfy(\.isStop) {
            for i in words.indices { (words[i].isStop, words[i].isFiller) = (false, false) }
        }
        // Filler counts as typed, being typed or not ("how does tms work"): the word and its forms.
        for w in words where w.isFiller {
            var terms = expander.stemVariants(w.term)
            if let t = expander.exact(w.term), !terms.contains(t) { terms.append(t) }
            if !terms.isEmpty { fillers.append(terms) }
        }
        let ranked = words.indices.filter { !words[$0].isStop || (words[$0].isPrefix && !words[$0].isFiller) }
        var matches = ranked.map { expander.expand(words[$0]) }
        let typed = q.words.map { expander.exact($0.term) }
        if q.phrases.isEmpty, !typed.isEmpty, typed.allSatisfy({ $0 != nil }) {
            exactTitleTerms = Array(Set(typed.compactMap { $0 })).sorted()
        }
        for (slot, (a, b)) in zip(ranked, ranked.dropFirst()).enumerated() where !words[a].isExact && !words[b].isExact {
            let run = typed[a..<b].compactMap { $0 }
            guard run.count == b - a else { continue }
            if let last = typed[b] {
                adjacentRuns.append([run + [last]])
            } else if words[b].isPrefix {
                // The word being typed stands for its likeliest words ("is ketamine addic": addictive).
                let likeliest = matches[slot + 1].terms.filter { $0.weight >= MatchWeight.completionBase }
                    .sorted { $0.weight > $1.weight }.prefix(3)
                if !likeliest.isEmpty { adjacentRuns.append(likeliest.map { run + [$0.term] }) }
            }
        }
        // "ph.d." is the word phd, and also the phrase "ph d": the index splits "Ph.D." in
        // content at the dots (with the phrase alone, "PhD" was not found; with the word alone, "Ph.D.").
        for (slot, w) in ranked.enumerated() where words[w].dotted.count >= 2 {
            let ids = words[w].dotted.compactMap { expander.exact($0) }
            if ids.count == words[w].dotted.count, !matches[slot].phrases.contains(ids) { matches[slot].phrases.append(ids) }
        }

        // Multi-word synonyms typed out ("transcranial magnetic stimulation" -> TMS): the
        // alternative satisfies every word of the run.
        if words.count >= 2 {
            for i in 0..<(words.count - 1) {
                for len in 2...min(4, words.count - i) {
                    let entry = words[i..<(i + len)].map(\.text).joined(separator: " ")
                    var alt = WordMatches()
                    expander.addSynonyms(of: entry, to: &alt)
                    guard !alt.isEmpty else { continue }
                    for (slot, w) in ranked.enumerated() where w >= i && w < i + len {
                        for e in alt.terms { matches[slot].add(e.term, e.weight) }
                        for p in alt.phrases where !matches[slot].phrases.contains(p) { matches[slot].phrases.append(p) }
                    }
                }
            }
        }
        for (slot, w) in ranked.enumerated() {
            let word = words[w]
            if word.isPrefix && word.term.count >= 2 { matcher.addPrefix(word.term) }
            for e in matches[slot].terms { matcher.add(term: e.term, index.terms.buffer(e.term)) }
            for p in matches[slot].phrases { matcher.addPhrase(p, anchorsByEveryWord: false) { index.terms.buffer($0) } }
            slots.append(.word(matches[slot]))
            slotLabels.append(word.text)
        }
        for phrase in q.phrases {
            let ids = phrase.compactMap { expander.exact($0) }
            if ids.count == phrase.count {
                matcher.addPhrase(ids, anchorsByEveryWord: true) { index.terms.buffer($0) }
                slots.append(.phrase(ids))
            } else {
                slots.append(.phrase(nil))
            }
            slotLabels.append("\"" + phrase.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ") + "\"")
        }
        if slots.count > Scorer.maxSlots {
            slots.removeLast(slots.count - Scorer.maxSlots)
            slotLabels.removeLast(slotLabels.count - Scorer.maxSlots)
        }
        for term in q.excluded {
            if let t = expander.exact(term) { excludedTerms.append(t) }
            for t in expander.stemVariants(term) where !excludedTerms.contains(t) { excludedTerms.append(t) }
        }
    }

    /// Scores every slot into `scorer`, for the best `limit` sections to be taken from it.
    /// Returns the total when the scorer alone cannot count it (a query that is one phrase
    /// stops early); nil when `scorer.ranked` counts it.
    @discardableResult
    func score(into scorer: inout Scorer, index: IndexData, limit: Int) -> MatchTotal? {
        // Exclusions first, so a query that is one phrase can stop at `limit` phrase matches.
        for t in excludedTerms {
            for j in index.postingStart.int(t)..<index.postingStart.int(t + 1) { scorer.exclude(index.postSections[j]) }
        }
        if slots.count == 1, case .phrase(let ids?) = slots[0] {
            let found = index.topPhraseMatchesCounted(ids, limit: limit, isExcluded: { scorer.isExcluded($0) })
            for (s, v) in found.top { scorer.offer(s, v) }
            scorer.endSlot(0)
            return found.total
        }
        // Each word slot's terms with the factor they score by, for the documents' titles.
        var titleCandidates: [TitleCandidate] = []
        for (k, slot) in slots.enumerated() {
            switch slot {
            case .word(let m):
                // A word's forms share one idf, that of its most common form (as Lucene's
                // SynonymQuery blends document frequencies), and nothing it stands for weighs more:
                // with an idf each, the rarer "infusions" outranked the word "infusion" as typed,
                // and a body's "treatments" a heading's "treatment".
                // A misspelt word's corrections share one idf too (Lucene's fuzzy query blends
                // theirs), so a rare two-edit word does not outrank the common one-edit word.
                let shared = m.isTypoCorrection ? m.terms : Array(m.forms)
                let wordIDF = shared.map { index.idf($0.term) }.min() ?? .infinity
                for e in m.terms {
                    let factor = min(index.idf(e.term), wordIDF) * e.weight
                    scorer.offerPostings(of: e.term, factor: factor, in: index)
                    // The word's own forms and synonyms only: a title matching a completion or a typo
                    // correction adds nothing (a one-letter prefix's 64 completions had cost 0.07 ms).
                    if e.weight >= MatchWeight.synonym { titleCandidates.append(TitleCandidate(term: e.term, slot: k, factor: factor)) }
                }
                for p in m.phrases {
                    for (s, v) in index.phraseMatches(p) { scorer.offer(s, v * MatchWeight.synonym) }
                }
            case .phrase(let ids):
                if let ids { for (s, v) in index.phraseMatches(ids) { scorer.offer(s, max(v, 0.001)) } }
            }
            scorer.endSlot(k)
        }
        Self.addTitleContext(titleCandidates, into: &scorer, index: index)
        let starts = index.documentSectionStart
        if !exactTitleTerms.isEmpty && !starts.isEmpty {
            // A pass over the documents' title terms (a few per document), not over the matches.
            let all = slots.count >= 32 ? UInt32.max : (UInt32(1) << UInt32(slots.count)) - 1
            for d in 0..<index.documentCount {
                let lo = index.titleTermStart.int(d), hi = index.titleTermStart.int(d + 1)
                guard hi - lo == exactTitleTerms.count,
                      (lo..<hi).allSatisfy({ index.titleTerms.int($0) == exactTitleTerms[$0 - lo] }) else { continue }
                let intro = Int(starts[d])
                if intro < Int(starts[d + 1]), index.isIntro(intro), scorer.matchedSlotMask(intro) == all {
                    scorer.markExactTitle(intro)
                }
            }
        }
        for terms in fillers {
            let idf = terms.map { index.idf($0) }.min() ?? 0
            for t in terms { scorer.offerPostings(of: t, factor: idf * Self.fillerWeight, in: index) }
            scorer.endFillerSlot()
        }
        return nil
    }

    /// The best `limit` sections and how many match, with query words side by side counted: a
    /// bonus for the best sections that hold a run of them as a phrase ("infusion therapy":
    /// "…ketamine infusion therapy has treated…" above sections with "infusions" and "therapy"
    /// apart). Only those few sections' positions are read (a search of every section holding
    /// "value" and "list" had cost 0.08 ms). The bonus only reorders the best sections, so they are
    /// ranked once, with the rest of the scoring done (a second ranking pass over every matching
    /// section had been most of the side-by-side cost).
    func ranked(_ scorer: Scorer, index: IndexData, limit: Int) -> (top: [(section: Int, score: Float)], matching: Int) {
        guard !adjacentRuns.isEmpty else { return scorer.ranked(limit) }
        return scorer.ranked(limit, reordering: Self.proximityCandidates(limit)) { s in
            var bonus: Float = 0
            for alternatives in adjacentRuns {
                bonus += (alternatives.compactMap { index.phraseScore($0, inSection: s) }.max() ?? 0) * Self.proximityWeight
            }
            return bonus
        }
    }

    /// What a filler word's match counts, against 1 for an exact word.
    static let fillerWeight: Float = 0.3
    /// What query words standing side by side add, as a share of their phrase's score.
    static let proximityWeight: Float = 0.5
    /// How many of the best sections so far are looked at for query words side by side.
    static func proximityCandidates(_ limit: Int) -> Int { max(limit, 10) }

    /// A word of a document's title, as an impact, in the document's other sections (the intro has
    /// the title's full weight, `IndexBuilder.fieldWeights`).
    static let titleContextImpact: Float = 0.1

    struct TitleCandidate {
        var term: Int
        var slot: Int
        var factor: Float
    }

    /// Only a document's intro indexes its title (`SectionSource`). A section the query matches
    /// gets a little for each word slot its document's title matches, as if the title were in the
    /// section with a tenth of its weight: "infusion therapy" puts IV Ketamine Infusions' "…ketamine
    /// infusion therapy…" above the same quote in the article. But a slot only the title matches
    /// adds to the score, not to the slots that rank first (`Scorer.addTitleContext`), and never
    /// makes a section a match by itself: "how does tms work" is no longer answered by "How fast
    /// does ketamine work?" (in "Questions About Ketamine and TMS") above the TMS Therapy page, as
    /// it was with the title indexed in every section.
    static func addTitleContext(_ candidates: [TitleCandidate], into scorer: inout Scorer, index: IndexData) {
        let starts = index.documentSectionStart
        guard !candidates.isEmpty, index.titleTerms.count > 0, !starts.isEmpty else { return }
        let candidates = candidates.sorted { $0.term != $1.term ? $0.term < $1.term : $0.slot < $1.slot }
        // Documents whose title has a word of some slot, found through their intros (the slot matched
        // them), then their other sections: a pass over the documents, not over every matching section.
        var found: [(slot: Int, score: Float)] = []
        var documents: [(document: Int, found: Range<Int>)] = []
        for d in 0..<index.documentCount {
            let section = Int(starts[d])
            guard section < Int(starts[d + 1]), index.isIntro(section), !scorer.isExcluded(UInt32(section)) else { continue }
            let mask = scorer.matchedSlotMask(section)
            guard mask != 0 else { continue }
            let first = found.count
            for i in index.titleTermStart.int(d)..<index.titleTermStart.int(d + 1) {
                let t = index.titleTerms.int(i)
                // The candidates with term t (sorted by term).
                var lo = 0, hi = candidates.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if candidates[mid].term < t { lo = mid + 1 } else { hi = mid }
                }
                while lo < candidates.count && candidates[lo].term == t {
                    let c = candidates[lo]
                    lo += 1
                    guard mask & (UInt32(1) << UInt32(c.slot)) != 0 else { continue }
                    if let j = found[first...].firstIndex(where: { $0.slot == c.slot }) {
                        found[j].score = max(found[j].score, c.factor * titleContextImpact)
                    } else {
                        found.append((c.slot, c.factor * titleContextImpact))
                    }
                }
            }
            if found.count > first { documents.append((d, first..<found.count)) }
        }
        for (d, range) in documents {
            // The intro is the document's first section; `addTitleContext` passes over sections not matched.
            for section in (Int(starts[d]) + 1)..<Int(starts[d + 1]) {
                for (slot, score) in found[range] { scorer.addTitleContext(section, slot: slot, score) }
            }
        }
    }
}

extension QueryPlan {
    /// The labels of the slots `scorer` did not see in `section` (see `SearchHit.missingWords`).
    func missing(in section: Int, _ scorer: Scorer) -> [String] {
        // A slot only the document's title matched is not missing: the title is shown with the hit.
        let matched = scorer.matchedSlotMask(section) | scorer.titleSlotMask(section)
        return slotLabels.indices.filter { matched & (1 << UInt32($0)) == 0 }.map { slotLabels[$0] }
    }
}
