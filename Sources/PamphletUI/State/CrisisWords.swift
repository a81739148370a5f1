import Foundation
import PamphletKit

/// Searches that mean "I need help now". A search for any of these shows the built-in "Help right
/// now" page as the first result, above whatever the content has (and whether or not it has
/// anything): a patient typing "suicide" into a waiting-room kiosk must not be handed a treatment
/// page, a "did you mean", or nothing.
///
/// Edit the lists below to add words (lower case, no accents). A false alarm costs one extra row;
/// a miss can cost far more, so lean towards including a word.
enum CrisisWords {
    /// Whole words: a query word must equal one of these ("harm" is not found in "pharmacy").
    static let words: Set<String> = [
        "crisis", "crises", "suicide", "suicidal", "emergency", "emergencies", "danger", "urgent",
        "harm", "harming", "overdose", "hotline", "helpline", "lifeline", "samaritans",
        "988", "911", "999", "112", "unalive", "kms", "kys", "killmyself",
        // Spanish (the content may be Spanish; the interface is English). Folded: no accents.
        "emergencia", "urgencia", "matarme", "suicidarme", "morirme", "socorro",
    ]

    /// Stems: a query word that starts with one of these ("suicidio", "overdosed", "self-harming").
    static let stems: [String] = ["suicid", "overdos", "selfharm"]

    /// Runs of words that say it together ("kill myself"), matched as consecutive query words.
    static let phrases: [[String]] = [
        ["kill", "myself"], ["killing", "myself"], ["hurt", "myself"], ["hurting", "myself"],
        ["harm", "myself"], ["end", "my", "life"], ["take", "my", "life"], ["want", "to", "die"],
        ["end", "it", "all"], ["help", "now"], ["self", "harm"],
        ["ending", "my", "life"], ["wanna", "die"], ["want", "to", "be", "dead"], ["better", "off", "dead"],
        ["no", "reason", "to", "live"], ["dont", "want", "to", "live"], ["do", "not", "want", "to", "live"],
        ["not", "want", "to", "be", "here"], ["dont", "want", "to", "be", "here"],
        ["dont", "want", "to", "be", "alive"], ["not", "want", "to", "be", "alive"],
        ["take", "my", "own", "life"], ["end", "my", "own", "life"], ["ending", "it", "all"],
        ["cut", "myself"], ["cutting", "myself"], ["hang", "myself"], ["hanging", "myself"],
        ["kil", "myself"], ["shoot", "myself"], ["jump", "off"],
        // review F 1
        ["tired", "of", "living"], ["tired", "of", "life"], ["done", "with", "life"], ["wish", "i", "was", "dead"],
        ["wish", "i", "were", "dead"], ["wanna", "live"], ["cant", "go", "on"], ["want", "to", "disappear"],
        ["no", "will", "to", "live"], ["nothing", "to", "live", "for"],
        // Spanish, folded (review G 2): "me quiero matar", "no quiero vivir", "hacerme daño".
        ["quiero", "morir"], ["me", "quiero", "matar"], ["quiero", "matarme"], ["no", "quiero", "vivir"],
        ["hacerme", "dano"], ["quitarme", "la", "vida"], ["acabar", "con", "mi", "vida"],
        ["me", "quiero", "suicidar"], ["no", "quiero", "seguir", "viviendo"],
        ["quiero", "desaparecer"], ["me", "hago", "dano"], ["me", "corto"],
    ]

    /// Whole queries that ask for help but, as a run inside a longer query, ask for something else
    /// ("help me find parking"): matched only as all the query says (review F 5).
    /// Folded, so "ayúdame" is "ayudame" (review G 2: "help", "necesito ayuda").
    static let wholeQueries: Set<[String]> = [
        ["help", "me"], ["help", "me", "please"], ["please", "help", "me"], ["sos"],
        ["help"], ["need", "help"], ["i", "need", "help"], ["please", "help"], ["help", "please"],
        ["ayuda"], ["necesito", "ayuda"], ["ayudame"], ["ayudenme"], ["ayuda", "por", "favor"],
        ["necesito", "ayuda", "por", "favor"], ["por", "favor", "ayuda"], ["por", "favor", "ayudame"],
    ]

    /// Words typed apart that mean one ("kill my self", "don't"): joined before the phrases are matched.
    static let splitWords: [[String]: String] = [["my", "self"]: "myself", ["don", "t"]: "dont", ["can", "t"]: "cant"]

    /// Words forgiven a typo (`isMisspeltCrisisWord`): the unmistakable ones. Not "harming" or
    /// "danger", whose neighbours ("charming", "dancer") are ordinary words.
    static let typoWords: [String] = [
        "suicide", "suicidal", "suicidio", "overdose", "overdosed", "emergency", "crisis", "hotline",
        "helpline", "lifeline", "samaritans",
    ]

    /// The word being typed (the query's last, with no space after it) counts when it is the start
    /// of a crisis word at least this long, so "suici" already shows the row while typing.
    static let typingPrefixLength = 5

    /// Label words too common to count on their own ("call or text").
    static let commonLabelWords: Set<String> = [
        "call", "text", "line", "free", "hours", "open", "phone", "number", "option", "press", "daily",
        "local", "national", "services", "service", "support", "your", "with", "from", "talk", "chat",
    ]

    /// Whether `query` asks for crisis help. `line` and `label` are the site's own crisis line
    /// ("988", "Suicide & Crisis Lifeline"): their number, and the label's distinctive words all
    /// typed, count too.
    static func matches(_ query: String, line: String?, label: String?) -> Bool {
        let q = words(of: query)
        guard !q.isEmpty else { return false }
        if q.contains(where: { word in words.contains(word) || stems.contains { word.hasPrefix($0) } }) { return true }
        // Misspelt as search forgives ("sucide", "suiside", "sucidal"): one edit from five letters,
        // two from nine.
        if q.contains(where: isMisspeltCrisisWord) { return true }
        let joined = joiningSplitWords(q)
        if wholeQueries.contains(joined) { return true }
        for phrase in phrases where phrase.count <= joined.count {
            for start in 0...(joined.count - phrase.count)
            where zip(joined[start..<(start + phrase.count)], phrase).allSatisfy(phraseWordMatches) {
                return true
            }
        }
        // "self-harm", "selfharm": joined, then checked against the stems.
        for (a, b) in zip(q, q.dropFirst()) where stems.contains(where: { (a + b).hasPrefix($0) }) { return true }
        if let last = q.last, last.count >= typingPrefixLength, !query.hasSuffix(" "),
           words.contains(where: { $0.hasPrefix(last) }) || stems.contains(where: { $0.hasPrefix(last) }) {
            return true
        }
        // The site's own line: its digits typed with or without spaces ("116 123", "116123").
        if let line {
            let digits = line.filter(\.isASCII).filter(\.isNumber)
            let typed = query.filter(\.isASCII).filter(\.isNumber)
            if digits.count >= 2, typed == digits { return true }
        }
        if let label {
            let distinctive = Set(words(of: label).filter { $0.count >= 5 && !commonLabelWords.contains($0) })
            // All of them: a label's topic words alone ("depression" in "Mental Health and
            // Depression Crisis Line") would put the crisis row above a treatment page (review C 11).
            if !distinctive.isEmpty && distinctive.isSubset(of: Set(q)) { return true }
        }
        return false
    }

    /// Whether `word` is one or two edits (by its length, as search's typo tolerance) from one of
    /// `typoWords`.
    static func isMisspeltCrisisWord(_ word: String) -> Bool {
        // Ordinary words one edit from a crisis word (review F 5).
        if ["overdone", "emergence", "emergent"].contains(word) { return false }
        let allowed = word.count >= 9 ? 2 : word.count >= 5 ? 1 : 0
        guard allowed > 0 else { return false }
        let typed = Array(word)
        return typoWords.contains { candidate in
            abs(candidate.count - typed.count) <= allowed
                && Suggestions.editDistance(typed, Array(candidate), limit: allowed) <= allowed
        }
    }

    /// A typed word against a phrase's word: the same, or one edit off from five letters ("myslef"),
    /// or two neighbours swapped from four ("wnat").
    static func phraseWordMatches(_ typed: String, _ word: String) -> Bool {
        if typed == word { return true }
        guard word.count >= 4, abs(typed.count - word.count) <= 1 else { return false }
        let (a, b) = (Array(typed), Array(word))
        if word.count >= 5 { return Suggestions.editDistance(a, b, limit: 1) <= 1 }
        guard a.count == b.count else { return false }
        let differ = a.indices.filter { a[$0] != b[$0] }
        return differ.count == 2 && differ[1] == differ[0] + 1 && a[differ[0]] == b[differ[1]] && a[differ[1]] == b[differ[0]]
    }

    /// "my self" -> "myself", so "kill my self" is "kill myself".
    static func joiningSplitWords(_ q: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < q.count {
            if i + 1 < q.count, let joined = splitWords[[q[i], q[i + 1]]] {
                out.append(joined)
                i += 2
            } else {
                out.append(q[i])
                i += 1
            }
        }
        return out
    }

    /// Lower-case, accent-free words of letters and digits ("Self-Harm" -> "self", "harm"), fullwidth
    /// forms as ASCII ("ｓｕｉｃｉｄｅ", "９１１" from a CJK input method, as search folds them; review I 1).
    static func words(of text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map(String.init)
    }
}
