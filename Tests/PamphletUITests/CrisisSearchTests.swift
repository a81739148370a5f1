import PamphletKit
@testable import PamphletUI
import Testing

/// Review A finding 2: a search for crisis words leads to "Help right now" first, in the browser
/// and in the kiosk, whether or not the content matches and whether or not a crisis line is set.
@Suite struct CrisisSearchTests {
    static let crisisQueries = [
        "crisis", "Suicide", "suicidal thoughts", "suicide hotline", "kill myself", "I want to hurt myself",
        "self-harm", "harm myself", "emergency", "in danger", "overdose", "overdosed", "988", "911", "999",
        "112", "hotline", "helpline", "lifeline", "crisis line", "help now", "SUICIDIO", "suici",
        // review D 3: misspellings and phrasings
        "sucide", "suiside", "sucidal thoughts", "kill my self", "i wanna die", "dont want to live",
        "don't want to live", "no reason to live", "overdoze", "emergancy",
        // review E 2
        "i dont want to be here anymore", "don't want to be here", "dont want to be alive", "take my own life",
        "kill myslef", "kil myself", "killmyself", "cut myself", "cutting myself", "hang myself", "wnat to die",
        "ending it all", "unalive",
        // review F 1
        "tired of living", "im done with life", "wish i was dead", "dont wanna live anymore", "cant go on",
        "i want to disappear", "kys", "help me", "help me please",
        // review G 2: Spanish, with or without accents, and plain help as the whole query
        "quiero morir", "me quiero morir", "Me quiero matar", "no quiero vivir", "matarme", "suicidarme",
        "quiero matarme", "hacerme daño", "hacerme dano", "ayuda", "Ayuda!", "necesito ayuda", "ayúdame", "AYÚDAME",
        "ayudame", "ayu\u{301}dame", "ayuda por favor",
        "help", "Help!", "need help", "i need help", "please help", "help please", "HELP PLEASE",
        // review I 1 and 6: fullwidth forms from a CJK input method, and more Spanish
        "ｓｕｉｃｉｄｅ", "ＨＥＬＰ", "ｋｉｌｌ ｍｙｓｅｌｆ", "９１１", "９８８",
        "quiero desaparecer", "me hago daño", "me corto",
    ]

    @Test(arguments: crisisQueries, [false, true])
    func crisisWordsPutHelpRightNowFirst(_ query: String, _ crisisLine: Bool) {
        var app = Fixtures.app(crisis: crisisLine)
        app.press(.char("/"))
        app.type(query)
        #expect(app.search?.crisisRow == true, "\(query)")
        let rows = app.view(width: 80, height: 24).textRows
        // Row 3 (under the bar and the count line) is the first result row.
        #expect(rows[3].contains("Help right now"), "\(query): \(rows[3])")
        app.press(.enter)
        #expect(app.search == nil)
        #expect(app.route == .crisis)
    }

    @Test(arguments: ["pharmacy", "harmless", "dangerous", "crispy", "helpful", "19880", "over the counter",
                      "ketamine", "tms side effects", "do i need a referral", "charming", "warming",
                      "dancer", "agent", "suits", "side", "live well", "i want to live longer", "my self-check",
                      "what to do", "want to be here on time", "cut my hair", "jump", "take my medication",
                      "own life insurance", "help me find parking", "help me book an appointment",
                      "can you help me with billing", "live chat", "cure", "overdone", "emergence",
                      // review G 2: help inside a longer query asks for something else
                      "i need help with my bill", "help with parking", "please help me find the toilet",
                      "ayuda con la factura", "necesito ayuda para pagar", "ayudame a encontrar la salida"])
    func otherWordsDoNot(_ query: String) {
        var app = Fixtures.app(crisis: true)
        app.press(.char("/"))
        app.type(query)
        #expect(app.search?.crisisRow == false, "\(query)")
        #expect(!app.screenText.contains("Help right now"), "\(query)")
    }

    @Test func theSitesOwnLineAndLabelCount() {
        #expect(CrisisWords.matches("116 123", line: "116 123", label: "Samaritans"))
        #expect(CrisisWords.matches("116123", line: "116 123", label: "Samaritans"))
        #expect(CrisisWords.matches("samaritans", line: "116 123", label: "Samaritans (free, 24 hours)"))
        #expect(!CrisisWords.matches("free", line: "116 123", label: "Samaritans (free, 24 hours)"))
        let topical = "Mental Health and Depression Crisis Line"
        #expect(!CrisisWords.matches("depression treatment", line: "988", label: topical))
        #expect(CrisisWords.matches("hopeline network", line: nil, label: "Hopeline Network"))
        #expect(!CrisisWords.matches("network", line: nil, label: "Hopeline Network"))
        #expect(!CrisisWords.matches("116", line: "116 123", label: nil))
    }

    @Test func theRowComesAboveContentResultsAndArrowsReachThem() throws {
        var app = Fixtures.app(crisis: true)
        app.press(.char("/"))
        app.type("suicide")
        let s = try #require(app.search)
        #expect(!s.results.hits.isEmpty, "the content has suicide in it")
        #expect(s.rowCount == s.results.hits.count + 1)
        let rows = app.view(width: 80, height: 24).textRows
        #expect(rows[3].contains("Help right now"))
        #expect(rows[4].contains("988"), "the line itself is on the row: \(rows[4])")
        #expect(rows[5].contains(s.results.hits[0].documentTitle))
        app.press(.down, .enter)
        #expect(app.route == .document(s.results.hits[0].reference.documentID), "the second row is the first result")
    }

    /// Review D 3: no "did you mean" beside the row ("dont want to live" was offered "dont want to
    /// life"); Tab does not rewrite the query either.
    @Test(arguments: ["crisis", "dont want to live"])
    func noDidYouMeanBesideTheRow(_ query: String) throws {
        var app = Fixtures.app()
        app.press(.char("/"))
        app.type(query)
        let s = try #require(app.search)
        #expect(s.crisisRow && s.results.hits.isEmpty)
        #expect(s.suggestion == nil)
        let rows = app.view(width: 80, height: 24).textRows
        #expect(rows[3].contains("Help right now"))
        #expect(!rows.joined(separator: "\n").contains("Did you mean"))
        app.press(.tab)
        #expect(app.search?.query == query)
    }

    @Test func aClickOnTheRowOpensTheCrisisPage() {
        var app = Fixtures.app()
        app.press(.char("/"))
        app.type("kill myself")
        app.tapAt(x: 10, y: 4)
        #expect(app.route == .crisis)
    }

    @Test func theKioskSearchShowsItToo() {
        var k = KioskFixtures.kiosk()
        k.press(.enter)  // wakes the attract screen
        k.press(.char("/"))
        k.type("suicidal")
        let rows = k.view(width: 80, height: 24).textRows
        #expect(rows[3].contains("Help right now"), "\(rows[3])")
        k.press(.enter)
        #expect(k.browser?.route == .crisis)
    }

    /// Review A: under "Help right now" for "kill myself" the overlay said "No results ... Try
    /// another word, or fewer words." and the status bar "0 results": the row is the answer.
    @Test func noBrushOffUnderTheRow() {
        var app = Fixtures.app(crisis: true)
        app.press(.char("/"))
        app.type("kill myself")
        #expect(app.search?.results.hits.isEmpty == true)
        let text = app.screenText
        #expect(text.contains("Help right now"))
        #expect(!text.contains("No results"))
        #expect(!text.contains("Try another word"))
        #expect(!text.contains("0 results"))
    }

    /// Review D 4: a long label cut the number off the row ("…24 hours a da…"); the number comes
    /// first when the sentence does not fit.
    @Test(arguments: [40, 80])
    func theNumberIsNeverCutOff(width: Int) {
        let label = "National Suicide Prevention Helpline, free and confidential, 24 hours a day"
        var app = Fixtures.app(width: width, height: 24, crisis: true)
        app.options.crisisLine = "0800 689 5652"
        app.options.crisisLineLabel = label
        app.press(.char("/"))
        app.type("suicide")
        let rows = app.view(width: width, height: 24).textRows
        #expect(rows[4].contains("0800 689 5652"), "\(rows[4])")
        #expect(SearchOverlay.crisisDetail("Lifeline: 988", width: 40) == "Lifeline: 988", "kept when it fits")
    }

    /// Review E 13: with the Help right now row, the pager said "1-3 of 9" above "8 results".
    @Test func thePagerCountsResultsAsTheStatusBarDoes() throws {
        var app = Fixtures.app(width: 40, height: 12, crisis: true)
        app.press(.char("/"))
        app.type("suicide")
        let hits = try #require(app.search?.results.hits.count)
        let text = app.view(width: 40, height: 12).textRows.joined(separator: "\n")
        #expect(text.contains("of \(hits)"), "\(text)")
        #expect(text.contains("\(hits) results"))
        #expect(!text.contains("of \(hits + 1)"))
    }
}
