import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// Query -> the section that must rank first, on the bundled content (Assets/).
@Suite struct RelevanceTests {
    static let engine: SearchEngine = {
        let dir = RepoPaths.assets.path
        return SearchEngine(library: ContentLoader.load(directory: dir).library, contentDirectory: dir)
    }()

    static let addictive = ["is-ketamine-an-opiate#is-ketamine-addictive", "ketamine-faq#is-ketamine-addictive"]
    static let trials = ["is-ketamine-an-opiate#ketamine-drug-trials", "ketamine-faq#what-did-the-stanford-trial-find"]

    @Test(arguments: [
        // plain words
        ("is ketamine addictive", addictive),
        ("Is Ketamine Addictive?", addictive),
        // typos (transposition, missing letters) and stems
        ("ketamin adictive", addictive),
        ("ketamine addcitive", addictive),
        ("addicted", addictive),
        // a form of a word that is its own stem and the content's only form of it ("dose")
        ("dosing", trials),
        ("dosing ", trials),
        // dotted initials are the word ("i.v." had become "i" and "v", completed to "visit")
        ("i.v.", ["iv-ketamine-infusions"]),
        ("I.V. ketamine", ["iv-ketamine-infusions"]),
        // and so are dotted abbreviations ("ph.d." had become "ph", missing, and "d", completed to "doctor")
        ("ph.d.", ["is-ketamine-an-opiate#ketamine-effects"]),
        ("Rodriguez Ph.D.", ["is-ketamine-an-opiate#ketamine-effects"]),
        ("habit forming", addictive),   // a synonym of addictive (Assets/synonyms.txt)
        // "how long" is "how fast" (Assets/synonyms.txt): the FAQ above "have long regarded"
        ("how long does it take to work", ["ketamine-faq#how-fast-does-ketamine-work"]),
        ("apointment", ["ketamine-faq#how-do-i-make-an-appointment", "contact"]),
        // prefixes while typing
        ("naltrex", trials),
        ("is ketamine addic", addictive),
        ("appoint", ["ketamine-faq#how-do-i-make-an-appointment", "contact"]),
        // acronyms both ways
        ("TMS", ["tms-therapy", "ketamine-faq#does-the-clinic-offer-tms", "tms-self-check"]),
        ("transcranial magnetic stimulation", ["tms-therapy", "ketamine-faq#does-the-clinic-offer-tms", "tms-self-check"]),
        ("TRD", ["is-ketamine-an-opiate#ketamine-efficacy-in-trd", "iv-ketamine-infusions", "iv-ketamine-infusions#conditions-treated", "is-ketamine-an-opiate"]),
        // phrases
        ("\"opioid blocker\"", trials),
        ("ketamine drug trials", ["is-ketamine-an-opiate#ketamine-drug-trials"]),
    ])
    func ranksFirst(_ query: String, _ expected: [String]) {
        let hits = Self.engine.search(query, limit: 5).hits
        #expect(hits.first.map { expected.contains($0.reference.description) } == true,
                "\(query) -> \(hits.map(\.reference.description))")
    }

    /// A word's forms rank as one word: with an idf per form, the rarer "infusions" put other
    /// pages above the IV Ketamine Infusions page for "infusion", and body text's "treatments"
    /// outranked the headings "Related Treatment" and "Ketamine Treatment for Depression…".
    @Test func aWordsFormsRankAlike() {
        // The first four: the fifth is a near-tie between a section with "infusion" and one with
        // "infusions", where the word as typed (1.0) rightly beats its other form (0.9).
        let singular = Self.engine.search("infusion", limit: 4).hits.map(\.reference.description)
        let plural = Self.engine.search("infusions", limit: 4).hits.map(\.reference.description)
        #expect(singular.first == "iv-ketamine-infusions")
        #expect(singular == plural)
        let treatment = Self.engine.search("treatment", limit: 2).hits.map(\.sectionTitle)
        #expect(treatment.allSatisfy { $0.localizedCaseInsensitiveContains("treatment") }, "\(treatment)")
    }

    /// Review J 4: a document's title was indexed in each of its sections, so "tms" matched every
    /// answer of "Questions About Ketamine and TMS", and "how does tms work" put "How fast does
    /// ketamine work?" first. Only the intro has the title now; other sections get a little for it.
    @Test(arguments: [
        // and "work" is question filler (review J 5): the FAQ's intro has "how fast it works"
        ("how does tms work", "tms-therapy"),
        ("how does tms work ", "tms-therapy"),
        ("infusion therapy", "iv-ketamine-infusions"),
        ("infusion therapy ", "iv-ketamine-infusions"),
    ])
    func aSectionsOwnWordsDecide(_ query: String, _ document: String) {
        let hits = Self.engine.search(query, limit: 5).hits
        #expect(hits.first?.reference.documentID == document, "\(query) -> \(hits.map(\.reference.description))")
    }

    @Test func theTitleAloneDoesNotMakeASectionAMatch() {
        let tms = Self.engine.search("tms ", limit: 50).hits.map(\.reference.description)
        #expect(tms.first == "tms-therapy")
        #expect(!tms.contains("ketamine-faq#how-fast-does-ketamine-work"), "\(tms)")
        #expect(!tms.contains("ketamine-faq#is-ketamine-addictive"), "\(tms)")
        // The FAQ's intro has the title, so it is found.
        #expect(tms.contains("ketamine-faq"))
        // Still found with a word of their own, and the title is not reported missing.
        let hits = Self.engine.search("tms stanford trial", limit: 10).hits
        let trial = hits.first { $0.reference.description == "ketamine-faq#what-did-the-stanford-trial-find" }
        #expect(trial?.missingWords == [], "\(hits.map { ($0.reference.description, $0.missingWords) })")
    }

    /// Review J 11: a query that is a document's title finds that document first, above a section
    /// heading with the same words ("Is ketamine an opiate?" in the FAQ); and the browser calls every
    /// checklist a "Self-check".
    @Test(arguments: [("is ketamine an opiate", "is-ketamine-an-opiate"), ("Is Ketamine an Opiate?", "is-ketamine-an-opiate"),
                      ("tms therapy ", "tms-therapy"), ("self check", "tms-self-check"), ("self-check ", "tms-self-check")])
    func aDocumentsTitleFindsItFirst(_ query: String, _ reference: String) {
        let hits = Self.engine.search(query, limit: 5).hits
        #expect(hits.first?.reference.description == reference, "\(query) -> \(hits.map(\.reference.description))")
    }

    /// Review J 4: a treatment's conditions count for a condition query. (TMS Therapy, whose first
    /// condition is depression, was 11th of 22 for "depression", behind passing mentions: its tags
    /// and conditions were normalised by an average length taken over every section, most of
    /// which have none.)
    @Test func aTreatmentsConditionsCount() {
        let hits = Self.engine.search("depression", limit: 6).hits
        #expect(hits.first?.kind == .treatment, "\(hits.map(\.reference.description))")
        #expect(hits.contains { $0.reference.description == "tms-therapy" }, "\(hits.map(\.reference.description))")
        #expect(Self.engine.search("ocd", limit: 1).hits.first?.reference.description == "tms-therapy")
    }

    /// Review J 5: question filler (much, many, …) never makes a hit by itself: a question whose
    /// subject matches nothing has no results, and the browser says "ask at the front desk".
    /// ("how much does it cost" showed "…much needed breakthroughs…", "how many sessions" "For many…".)
    @Test(arguments: ["how much does it cost", "how much does it cost ", "How many sessions?", "how many sessions "])
    func fillerAloneFindsNothing(_ query: String) {
        let results = Self.engine.search(query, limit: 5)
        #expect(results.hits.isEmpty, "\(query) -> \(results.hits.map(\.reference.description))")
    }

    @Test func fillerStillCountsInPhrasesAndAlone() {
        // In quotes every word counts.
        #expect(Self.engine.search("\"much needed\"", limit: 5).hits.first?.reference.description
            == "is-ketamine-an-opiate#ketamine-drug-trials")
        // A query of nothing but filler and stop words searches for them.
        #expect(!Self.engine.search("how much", limit: 5).hits.isEmpty)
        #expect(!Self.engine.search("many", limit: 5).hits.isEmpty)
        // With a word that matches, filler only adds: "how does ketamine work" is the FAQ's answer.
        #expect(Self.engine.search("how does ketamine work", limit: 1).hits.first?.reference.description
            == "ketamine-faq#how-fast-does-ketamine-work")
        #expect(QueryParser.parse("how much").words.map(\.isFiller) == [false, true])
    }

    /// A screen's row shows about 74 scalars of a snippet: the window is chosen among runs that fit
    /// there. (Chosen among runs of 160, the FAQ answer's row for "ketamin adict" showed "…this is
    /// not the case with ketamine-repeated use…", the run's "Addictive" cut off past the edge.)
    @Test(arguments: [("ketamin adict", 2), ("is ketamine addictive", 2), ("stanford naltrexone", 1), ("tms depression", 1)])
    func aRowsSnippetHoldsTheQuerysWords(_ query: String, _ least: Int) {
        func distinct(_ hit: SearchHit, within: Int) -> Set<String> {
            let scalars = Array(hit.snippet.unicodeScalars)
            return Set(hit.highlights.filter { $0.end <= within }.map {
                String(String.UnicodeScalarView(scalars[$0.start..<$0.end])).lowercased()
            })
        }
        let ranked = Self.engine.rankedSearch(query, limit: 8)
        for i in ranked.hits.indices {
            let row = Self.engine.hit(ranked, at: i, snippetWidth: 74)
            #expect(row.snippet.unicodeScalars.count <= 74 + 6, "\(row.snippet)")
            let shown = distinct(row, within: 80)
            // Never fewer of the query's words than the start of a default snippet showed, and in
            // the first three (whose answers hold the words) at least `least`.
            let before = distinct(Self.engine.hit(ranked, at: i), within: 74)
            #expect(shown.count >= max(i < 3 ? least : 0, before.count), "\(query) #\(i): \(row.snippet) \(shown) vs \(before)")
        }
        #expect(Self.engine.hit(ranked, at: 0) == Self.engine.search(query, limit: 8).hits[0])
    }

    /// Review J 1: a synonym entry matches a query word with its stem ("physician" in synonyms.txt,
    /// "physicians" typed), as content words do; before, only the form written in the file did, and
    /// the plural found nothing.
    @Test(arguments: [("physicians", "physician"), ("clinicians", "clinician"), ("consultations", "consultation"),
                      ("narcotics", "narcotic")])
    func aSynonymEntrysOtherFormsFindWhatItFinds(_ form: String, _ entry: String) {
        for end in ["", " "] {
            let typed = Self.engine.search(form + end, limit: 10).hits.map(\.reference.description)
            let written = Self.engine.search(entry + end, limit: 10).hits.map(\.reference.description)
            #expect(!typed.isEmpty && typed == written, "\(form + end) -> \(typed) vs \(written)")
        }
    }

    /// "book" is the entry "booking" by stem (appointment, consultation, booking), so the FAQ answer
    /// on making an appointment and the Contact page match both words and rank first (the FAQ was
    /// third, "Missing: book", behind two pages that say "To book"); a phrase entry's last word
    /// matches by stem too.
    @Test func synonymEntriesMatchByStem() {
        let book = Self.engine.search("book an appointment", limit: 5).hits
        let top = Set(book.prefix(2).map(\.reference.description))
        #expect(top == ["ketamine-faq#how-do-i-make-an-appointment", "contact"], "\(book.map(\.reference))")
        #expect(book.prefix(2).allSatisfy { $0.missingWords.isEmpty })
        let adverse = Self.engine.search("adverse effect", limit: 5).hits
        #expect(!adverse.isEmpty && adverse.first?.missingWords == [], "\(adverse.map(\.missingWords))")
    }

    /// Review J 2: a typo of a word form the content does not use is matched against the content's
    /// stems ("depresed": stem "depres", one edit from "depress", the stem of "depression" and
    /// "depressive", though two or more from each word), and against the synonyms file's entries
    /// ("anxios" -> "anxious" -> anxiety). A word that is not the last one gets the same tolerance:
    /// "adict" is one edit from no word, only from the prefix "addict…", which only the word being
    /// typed matched, and from the stem "addict". Each had found nothing ("Missing: adict").
    @Test(arguments: [
        ("depresed", ["depression", "depressive"]), ("depresed ", ["depression", "depressive"]),
        ("deppresed", ["depression", "depressive"]), ("anxios", ["anxiety", "panic"]),
        ("adict ketamine", ["addictive", "addiction", "addicted"]), ("ketamine adict xyz", ["addictive", "addiction", "addicted"]),
    ])
    func typosOfAWordFormTheContentLacks(_ query: String, _ words: [String]) {
        let hits = Self.engine.search(query, limit: 5).hits
        #expect(!hits.isEmpty, "\(query)")
        let first = hits.first.map { hit in
            hit.highlights.map { String(String.UnicodeScalarView(Array(hit.snippet.unicodeScalars)[$0.start..<$0.end])).lowercased() }
        } ?? []
        #expect(first.contains { words.contains($0) }, "\(query): \(hits.first?.reference.description ?? "") marks \(first)")
        #expect(hits.first?.missingWords.allSatisfy { $0 == "xyz" } == true, "\(query): \(hits.first?.missingWords ?? [])")
    }

    @Test func aWordNotTypedLastIsCorrectedLikeTheLast() {
        let first = Self.engine.search("adict ketamine", limit: 3).hits.map(\.reference.description)
        let last = Self.engine.search("ketamine adict", limit: 3).hits.map(\.reference.description)
        #expect(Self.addictive.contains(first.first ?? ""), "\(first)")
        #expect(Set(first.prefix(2)) == Set(last.prefix(2)), "\(first) vs \(last)")
    }

    /// Nothing matches these; the suggestion must be a plausible typo fix, or none at all.
    @Test(arguments: [
        ("is it safe", nil),          // "staff" is two edits from a 4-letter word: not a typo of it
        ("cost", nil),                // nor is "case"
        ("price", nil),               // in synonyms.txt, so a word, not a typo ("preceded")
        ("fees ", nil),
        ("a1", nil),                  // codes are kept as typed: "a1" had offered "1"
        ("suite 4b", nil),
        ("iv2", nil),
        ("drgu -ketamine", "drug -ketamine"),   // the exclusion stays
        ("drgu", "drug"),             // one edit, under the 5 letters where search allows any
        // but not a letter replaced in a short word: "home" is a word, "hope" another (review J 5)
        ("can I drive home", nil),
        ("home", nil),
        ("tmss clincq", "tms clinic"),  // a letter left out is still offered
        ("opiatezz", "opiate"),       // two edits from 6 letters
        // two edits from the stem of "depression" ("deprs" -> "depress"), three from every word:
        // the group's most frequent word (review J 2)
        ("deprsed", "depression"),
    ] as [(String, String?)])
    func didYouMean(_ query: String, _ expected: String?) {
        let results = Self.engine.search(query, limit: 5)
        #expect(results.hits.isEmpty, "\(query)")
        #expect(results.suggestion == expected, "\(query)")
    }

    @Test func naltrexFindsTheStanfordTrialSection() {
        let hits = Self.engine.search("naltrex", limit: 3).hits.map(\.reference.description)
        #expect(hits.contains("is-ketamine-an-opiate#ketamine-drug-trials"))
    }

    @Test func tmsFindsTranscranialMagneticStimulation() {
        let hits = Self.engine.search("TMS", limit: 5).hits
        #expect(hits.contains { $0.snippet.lowercased().contains("transcranial magnetic stimulation") })
    }

    @Test func exclusion() {
        let with = Self.engine.search("ketamine addictive", limit: 20).hits.map(\.reference.description)
        #expect(with.contains("is-ketamine-an-opiate#is-ketamine-addictive"))
        let without = Self.engine.search("ketamine -addictive", limit: 50).hits.map(\.reference.description)
        #expect(!without.isEmpty)
        #expect(!without.contains("is-ketamine-an-opiate#is-ketamine-addictive"))
        #expect(!without.contains("ketamine-faq#is-ketamine-addictive"))
    }

    /// The closest correction wins: "psychiatrst" is one edit from "psychiatrist", two from
    /// "psychiatric" (whose section had ranked first: the walk gave every "psychiatr…" completion
    /// the two edits of the prefix it stopped at, and the rarer word its own higher idf).
    @Test(arguments: ["psychiatrst", "psychiatrst "])
    func theClosestCorrectionRanksFirst(_ query: String) {
        let hits = Self.engine.search(query, limit: 5).hits
        #expect(!hits.isEmpty)
        for hit in hits {
            let marked = hit.highlights.map { String(String.UnicodeScalarView(Array(hit.snippet.unicodeScalars)[$0.start..<$0.end])) }
            #expect(marked.allSatisfy { $0.lowercased() == "psychiatrist" }, "\(query): \(hit.reference) marks \(marked)")
        }
    }

    /// A word in quotes is that word: no typo fixes, completions or other forms.
    @Test(arguments: ["\"stanfrod\"", "\"ketamin\"", "\"addict\""])
    func aQuotedWordIsExact(_ query: String) {
        #expect(Self.engine.search(query, limit: 5).hits.isEmpty, "\(query)")
        #expect(!Self.engine.search("\"stanford\"", limit: 5).hits.isEmpty)
    }

    /// A query of nothing but stop words searches for them ("how" had found only "However", and
    /// "what is" nothing).
    @Test func stopWordsAloneAreSearched() {
        let how = Self.engine.search("how", limit: 3).hits.map(\.sectionTitle)
        #expect(how.first == "How fast does ketamine work?", "\(how)")
        let whatIs = Self.engine.search("what is", limit: 10).hits
        #expect(whatIs.count >= 3)
        // The article's "…what is the truth about Ketamine?" has both words, side by side.
        #expect(whatIs.first?.reference.description == "is-ketamine-an-opiate", "\(whatIs.map(\.reference))")
    }

    /// Sections matching only some of the query's words say which they lack, in the order typed.
    @Test func partialMatchesNameTheMissingWords() {
        let full = Self.engine.search("stanford naltrexone", limit: 3).hits
        #expect(full.first?.missingWords == [])
        let partial = Self.engine.search("ketamine zebra", limit: 5).hits
        #expect(!partial.isEmpty && partial.allSatisfy { $0.missingWords == ["zebra"] }, "\(partial.map(\.missingWords))")
        let cost = Self.engine.search("how much does it cost", limit: 5).hits
        #expect(cost.allSatisfy { $0.missingWords == ["cost"] }, "\(cost.map(\.missingWords))")
        let phrase = Self.engine.search("ketamine \"opioid blocker\"", limit: 20).hits
        #expect(phrase.first?.missingWords == [])
        #expect(phrase.contains { $0.missingWords == ["\"opioid blocker\""] })
        let ranked = Self.engine.rankedSearch("ketamine zebra", limit: 3)
        #expect(ranked.hits.map(\.missingWords) == partial.prefix(3).map(\.missingWords))
    }

    @Test(arguments: [("i.v.", "iv"), ("U.S", "US"), ("e.g.", "eg"), ("a.", "a."), ("node.js", "node.js"),
                      ("I.V.,", "I.V.,"), ("iv", "iv"), ("ph.d.", "phd"), ("Ph.D.", "PhD"), ("ph.d", "phd"),
                      ("Psy.D.", "PsyD"), ("M.Sc.", "MSc"), ("ab.c.", "abc"), ("dr.oz", "dr.oz"), ("st.john", "st.john"),
                      ("phar.d.", "phar.d."), (".net", ".net"), ("a..b", "a..b"), ("ph.d.,", "ph.d.,"), ("ph", "ph")])
    func dottedInitialsAreJoined(_ chunk: String, _ expected: String) {
        #expect(QueryParser.joiningInitials(chunk) == expected)
    }

    /// The missing word and the excluded words follow the same rule.
    @Test func dottedAbbreviationsAreOneWordEverywhere() {
        let hits = Self.engine.search("rodriguez ph.d.", limit: 5).hits
        #expect(hits.first?.missingWords == [], "\(hits.map(\.missingWords))")
        #expect(QueryParser.parse("ketamine -ph.d.").excluded == [Array("phd".utf8)])
        #expect(QueryParser.parse("ph.d.").words.map(\.text) == ["phd"])
        #expect(QueryParser.parse("ph.d.").words.first?.dotted == [Array("ph".utf8), Array("d".utf8)])
        #expect(QueryParser.parse("phd").words.first?.dotted == [])
    }

    /// Content that writes "Ph.D." (two words in the index) is found by "ph.d." and "Ph.D." too, and
    /// highlighted; "PhD" in content still is. (Joined alone, "ph.d." had found only "PhD".)
    @Test(arguments: ["ph.d.", "Ph.D.", "ph.d", "Ph.D. staff"])
    func dottedAbbreviationsFindBothSpellings(_ query: String) {
        let library = Library(site: Site(name: "T"), documents: [
            SearchFixtures.doc("team", title: "Our team", sections: [("Staff", "Jane Doe, Ph.D., leads the clinic staff.")]),
            SearchFixtures.doc("board", title: "Board", sections: [("Members", "John Roe, PhD, chairs the board.")]),
            SearchFixtures.doc("desk", title: "Front desk", sections: [("Doctors", "Ask a doctor at the desk.")]),
        ])
        let engine = SearchEngine(library: library)
        let hits = engine.search(query, limit: 5).hits
        let found = Set(hits.map(\.reference.documentID))
        #expect(found.contains("team") && found.contains("board"), "\(query) -> \(hits.map(\.reference.description))")
        #expect(!found.contains("desk"), "'d' is not completed to 'doctor', 'desk'")
        let team = hits.first { $0.reference.documentID == "team" }
        #expect(team.map { hit in hit.highlights.contains { range in
            String(hit.snippet.unicodeScalars.dropFirst(range.start).prefix(range.length)).hasPrefix("Ph")
        } } == true, "\(String(describing: team))")
    }

    @Test func phraseOrderMatters() {
        #expect(Self.engine.search("\"blocker opioid\"", limit: 5).hits.isEmpty)
    }

    /// Spanish stemming: a Spanish document loaded from disk, found by the singular.
    @Test func spanishStemming() throws {
        let dir = NSTemporaryDirectory() + "pamphlet-es-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/content", withIntermediateDirectories: true)
        try "name: Clínica\n".write(toFile: dir + "/site.yaml", atomically: true, encoding: .utf8)
        try """
            ---
            kind: treatment
            title: Nuestros servicios
            language: es
            ---
            Información general.

            ## Terapias disponibles

            Ofrecemos tratamientos con ketamina y estimulación magnética transcraneal para la depresión.

            ## Horarios

            Abrimos de lunes a viernes.
            """.write(toFile: dir + "/content/servicios.md", atomically: true, encoding: .utf8)
        let engine = SearchEngine(library: ContentLoader.load(directory: dir).library, contentDirectory: dir)
        #expect(engine.search("tratamiento", limit: 3).hits.first?.reference.description == "servicios#terapias-disponibles")
        #expect(engine.search("estimulacion magnetica", limit: 3).hits.first?.reference.description == "servicios#terapias-disponibles")
        #expect(engine.search("terapia ", limit: 3).hits.first?.reference.description == "servicios#terapias-disponibles")
    }
}

/// Review J 3: the contact details from site.yaml are on the Contact page, and searchable there
/// (labels and values, as the intro's text): "email", the street, "saturday" or the phone number.
@Suite struct ContactSearchTests {
    static let library = Library(
        site: Site(name: "Clinic", contact: ContactInfo(phone: "+1 555 0100", email: "front@neurowellness.example",
                                                         address: "12 Harbour Road, Springfield",
                                                         hours: "Mon-Fri 8am-6pm, Saturday mornings")),
        documents: [
            SearchFixtures.doc("contact", .contact, title: "Contact Us", summary: "How to reach the clinic.",
                               intro: "Call to schedule an appointment.", sections: []),
            SearchFixtures.doc("tms-therapy", .treatment, title: "TMS Therapy", summary: "Magnetic pulses for depression.",
                               sections: [("Visiting", "Sessions run on weekdays; see the road signs to the clinic.")]),
        ])

    @Test(arguments: ["email", "email ", "harbour road", "springfield", "saturday", "555 0100", "+1 555 0100",
                      "front@neurowellness.example", "address", "hours", "phone"])
    func contactFieldsFindTheContactPage(_ query: String) {
        let hits = SearchEngine(library: Self.library).search(query, limit: 3).hits
        #expect(hits.first?.reference.description == "contact", "\(query) -> \(hits.map(\.reference.description))")
    }

    /// The snippet shows the field, as the page does.
    @Test func theSnippetShowsTheField() {
        let hit = SearchEngine(library: Self.library).search("saturday", limit: 1).hits.first
        #expect(hit?.snippet.contains("Hours: Mon-Fri 8am-6pm, Saturday mornings") == true, "\(String(describing: hit))")
    }

    /// With the bundled content, whose fields are all empty, the labels still find Contact (the
    /// page shows "Email  ask at the front desk").
    @Test func emptyFieldsStillHaveTheirLabels() {
        let hits = RelevanceTests.engine.search("email", limit: 3).hits
        #expect(hits.first?.reference.description == "contact", "\(hits.map(\.reference.description))")
        #expect(hits.first?.snippet.contains("ask at the front desk") == true)
    }

    /// Other documents do not get them.
    @Test func onlyTheContactDocument() {
        let hits = SearchEngine(library: Self.library).search("springfield", limit: 5).hits
        #expect(hits.map(\.reference.description) == ["contact"])
    }
}

/// Review D 14: multi-word synonyms were highlighted word by word: "depression" (synonyms
/// "depressive disorder", "low mood") lit up every "disorder" and "low". A phrase's words are
/// highlighted where the phrase stands whole.
@Suite struct PhraseHighlightTests {
    static func highlighted(_ query: String) -> [[String]] {
        RelevanceTests.engine.search(query, limit: 8).hits.map { hit in
            let scalars = Array(hit.snippet.unicodeScalars)
            return hit.highlights.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])).lowercased() }
        }
    }

    @Test func aSynonymPhrasesWordsAloneAreNotHighlighted() {
        let words = Self.highlighted("depression").flatMap { $0 }
        #expect(words.contains("depression"))
        #expect(!words.contains("disorder") && !words.contains("low"), "\(words)")
    }

    /// Review E 6: a hit's window sat on a lone "disorder" (of the synonym "depressive disorder"),
    /// no longer highlighted, so the row showed nothing about depression: a window away from the
    /// section's start holds a highlight.
    @Test func aWindowIsNotPulledToALoneSynonymWord() {
        for hit in RelevanceTests.engine.search("depression", limit: 8).hits where hit.snippet.hasPrefix("\u{2026}") {
            #expect(!hit.highlights.isEmpty, "\(hit.reference): \(hit.snippet)")
        }
    }

    @Test func theWholePhraseIsHighlighted() {
        // "ptsd" = "post traumatic stress disorder" (synonyms.txt); the content writes it out.
        let rows = Self.highlighted("ptsd")
        #expect(rows.contains { $0.contains("stress") && $0.contains("disorder") && $0.contains("traumatic") }, "\(rows)")
        let quoted = Self.highlighted("\"opioid blocker\"")
        #expect(quoted.first.map { $0.contains("opioid") && $0.contains("blocker") } == true, "\(quoted)")
    }
}
