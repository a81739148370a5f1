/// A parsed query resolved against the index: one slot per ranked word or phrase, the sections to
/// exclude, and what to highlight.
struct QueryPlan {
    enum Slot {
        case word(WordMatches)
        case phrase([Int]?)   // nil: a phrase word is not in the index, so nothing matches
    }

    var slots: [Slot] = []
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
            for i in words.indices { words[i].isStop = false }
        }
        let ranked = words.indices.filter { !words[$0].isStop || words[$0].isPrefix }
        var matches = ranked.map { expander.expand(words[$0]) }
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
                    scorer.offerPostings(of: e.term, factor: min(index.idf(e.term), wordIDF) * e.weight, in: index)
                }
                for p in m.phrases {
                    for (s, v) in index.phraseMatches(p) { scorer.offer(s, v * MatchWeight.synonym) }
                }
            case .phrase(let ids):
                if let ids { for (s, v) in index.phraseMatches(ids) { scorer.offer(s, max(v, 0.001)) } }
            }
            scorer.endSlot(k)
        }
        return nil
    }
}

extension QueryPlan {
    /// The labels of the slots `scorer` did not see in `section` (see `SearchHit.missingWords`).
    func missing(in section: Int, _ scorer: Scorer) -> [String] {
        let matched = scorer.matchedSlotMask(section)
        return slotLabels.indices.filter { matched & (1 << UInt32($0)) == 0 }.map { slotLabels[$0] }
    }
}
