/// "Did you mean": when nothing matched, each unknown word is replaced by the indexed word closest
/// to it (fewest edits, then most frequent), with a looser budget than search uses: one edit from
/// 3 letters, two from 6. (Two from 3 letters offered "is it staff" for "is it safe" and "case"
/// for "cost": half a short word rewritten is another word, not a typo.) Words with a digit ("a1",
/// "4b", "iv2") are codes, kept as typed ("a1" had offered "1"); so are words under 3 letters.
/// Excluded words stay in the suggestion ("-ketamine"), and so do words the synonyms file lists
/// (real words, whether or not the content has them).
///
/// Under 5 letters, where search itself corrects nothing, a letter left out, added or swapped with
/// its neighbour is offered ("drgu" -> "drug", "cots" -> "costs", "tmss" -> "tms") but not one
/// letter replaced: a short word with one letter changed is most often another word, and the
/// patient meant the word typed ("can I drive home" had offered "can i drive hope", "home" the
/// word and "hope" only the closest the content has).
enum DidYouMean {
    /// True when `term` is `word` with one letter replaced (same length, one byte differs).
    static func isOneSubstitution(_ word: [UInt8], _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count == term.count else { return false }
        var differences = 0
        for i in 0..<word.count where word[i] != term[i] { differences += 1 }
        return differences == 1
    }

    static func suggest(for q: ParsedQuery, expander: WordExpander) -> String? {
        let terms = expander.index.terms
        var parts: [String] = []
        var changed = false
        for w in q.words {
            let known = expander.exact(w.term) != nil || expander.synonyms.contains(w.text)
                || (w.isPrefix && !w.term.withUnsafeBufferPointer { terms.prefixRange($0) }.isEmpty)
            let letters = w.text.unicodeScalars.count
            let isCode = w.term.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            if known || w.isStop || isCode || letters < 3 {
                parts.append(w.text)
                continue
            }
            let k = letters >= 6 ? 2 : 1
            let index = expander.index
            var best: (d: Int, df: Int, t: Int)?
            func consider(_ t: Int, _ d: Int) {
                guard !index.isStopWord(t) else { return }
                if letters < 5 && isOneSubstitution(w.term, index.terms.buffer(t)) { return }
                let df = index.documentFrequency(t)
                if best == nil || (d, -df) < (best!.d, -best!.df) { best = (d, df, t) }
            }
            for m in TypoMatcher.matches(w.term, maxEdits: k, prefixMode: false, in: index) {
                for t in m.range { consider(t, m.distance) }
            }
            // The word's stem against the content's stems, as search does: "deprsed" (stem "deprs")
            // is two edits from "depress", the stem of "depression" and "depressive", and three from
            // either word. The group's most frequent word is offered. Not under 5 letters, where
            // search allows no typo: a short word's stem is most of it ("safe" had become "saved",
            // its stem "save" one edit away).
            // (As in search, not when a word is one edit away: a stem can only tie with it.)
            for lang in expander.stemmers.indices where letters >= 5 && (best?.d ?? 2) > 1 {
                for (d, t) in expander.stemTypoTerms(w.term, language: lang, maxEdits: k) { consider(t, d) }
            }
            if let best {
                parts.append(terms.string(best.t))
                changed = true
            } else {
                parts.append(w.text)
            }
        }
        for p in q.phrases { parts.append("\"" + p.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ") + "\"") }
        for e in q.excluded { parts.append("-" + String(decoding: e, as: UTF8.self)) }
        return changed ? parts.joined(separator: " ") : nil
    }
}
