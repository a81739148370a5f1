/// Words too common to rank by. They are indexed (phrases need them) but a query ignores them for
/// scoring unless it consists of nothing else. English and Spanish lists (folded, no accents).
enum StopWords {
    static let words: Set<[UInt8]> = {
        let english = """
            a about above after again against all am an and any are as at be because been before being below \
            between both but by can could did do does doing down during each few for from further had has have \
            having he her here hers herself him himself his how i if in into is it its itself just me more most \
            my myself no nor not now of off on once only or other our ours ourselves out over own same she should \
            so some such than that the their theirs them themselves then there these they this those through to \
            too under until up very was we were what when where which while who whom why will with would you your \
            yours yourself yourselves
            """
        let spanish = """
            de la que el en y a los del se las por un para con no una su al lo como mas pero sus le ya o este \
            porque esta entre cuando muy sin sobre tambien me hasta hay donde quien desde todo nos durante todos \
            uno les ni contra otros ese eso ante ellos e esto mi antes algunos que unos yo otro otras otra el \
            tanto esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo nosotros es son
            """
        var set = Set<[UInt8]>()
        for w in (english + " " + spanish).split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            set.insert(Array(w.utf8))
        }
        return set
    }()

    static func contains(_ term: [UInt8]) -> Bool { words.contains(term) }

    /// Question filler that Snowball's English list lacks, for queries only (not flagged in the
    /// index, so phrases and pair filters are as before). In a query such a word is optional: it
    /// adds a little to a section the query's other words match, but never makes a hit by itself,
    /// and is never "missing". (As ordinary words, "how much does it cost" found only "…much needed
    /// breakthroughs…", "how many sessions" "For many…", and "how does tms work" put the FAQ's
    /// "how fast it works" above the TMS Therapy page.) A query of nothing else searches for them.
    /// "work" is here for "how does it work" / "does tms work", where it asks whether the treatment
    /// helps; "back to work" still ranks by it, its only other word being a stop word.
    static let queryFiller: Set<[UInt8]> = Set(
        ["much", "many", "also", "may", "might", "must", "shall", "please", "really", "anything", "something",
         "thing", "things", "work", "works", "get", "gets", "got"].map { Array($0.utf8) })

    static func isQueryFiller(_ term: [UInt8]) -> Bool { queryFiller.contains(term) }

    /// `contains` for a term's bytes, copied into `scratch` (no array per call) when they are short
    /// enough to be a stop word.
    static func contains(_ term: ArraySlice<UInt8>, scratch: inout [UInt8]) -> Bool {
        guard term.count <= 12 else { return false }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: term)
        return words.contains(scratch)
    }
}
