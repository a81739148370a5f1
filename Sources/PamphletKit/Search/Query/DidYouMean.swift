/// "Did you mean": when nothing matched, each unknown word is replaced by the indexed word closest
/// to it (fewest edits, then most frequent), with a looser budget than search uses: one edit from
/// 3 letters, two from 6. (Two from 3 letters offered "is it staff" for "is it safe" and "case"
/// for "cost": half a short word rewritten is another word, not a typo.) Words with a digit ("a1",
/// "4b", "iv2") are codes, kept as typed ("a1" had offered "1"); so are words under 3 letters.
/// Excluded words stay in the suggestion ("-ketamine"), and so do words the synonyms file lists
/// (real words, whether or not the content has them).
enum DidYouMean {
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
            var best: (d: Int, df: Int, t: Int)?
            for m in TypoMatcher.matches(w.term, maxEdits: k, prefixMode: false, in: expander.index) {
                for t in m.range where !expander.index.isStopWord(t) {
                    let df = expander.index.documentFrequency(t)
                    if best == nil || (m.distance, -df) < (best!.d, -best!.df) { best = (m.distance, df, t) }
                }
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
