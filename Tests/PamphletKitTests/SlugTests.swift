import Foundation
import Testing
@testable import PamphletKit

@Suite struct SlugTests {
    @Test(arguments: [
        ("Is Ketamine Addictive?", "is-ketamine-addictive"),
        ("The Difference Between Ketamine & Opiates", "the-difference-between-ketamine-opiates"),
        ("Ketamine’s effects", "ketamines-effects"),
        ("Café crème", "cafe-creme"),
        ("???", "section"),
    ])
    func slugs(heading: String, slug: String) {
        #expect(Slug.make(heading) == slug)
    }

    /// The rule as first written (every scalar through Foundation's folding), which `make` must
    /// still follow exactly: section ids are the targets of links in content already written.
    static func reference(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let folded = String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            for s in folded.unicodeScalars {
                if s.properties.isAlphabetic || ("0"..."9").contains(s) {
                    if pendingDash && !out.isEmpty { out.append("-") }
                    pendingDash = false
                    out.unicodeScalars.append(s)
                } else if s != "'" && s != "\u{2019}" {
                    pendingDash = true
                }
            }
        }
        return out.isEmpty ? "section" : out
    }

    @Test func everyASCIICharacterFollowsTheReference() {
        for v in 0..<0x80 {
            let c = String(UnicodeScalar(UInt8(v)))
            for text in [c, "a\(c)b", "\(c)Z9", "x \(c)\(c) y"] {
                #expect(Slug.make(text) == Self.reference(text), "\(v): \(text.debugDescription)")
            }
        }
    }

    @Test func mixedHeadingsFollowTheReference() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["Is", "KETAMINE", "addictive", "?", " ", "  ", "-", "'", "’", "&", "Café", "crème", "Ñandú",
                      "Straße", "ﬁnance", "İstanbul", "Ω", "日本語", "①", "٣", "x²", "🙂", "e\u{301}", "\t", "\n", "(TMS)", "2024"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(Slug.make(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    @Test func calendarDates() {
        #expect(CalendarDate(iso: "2026-02-29") == nil)
        #expect(CalendarDate(iso: "2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDate(iso: "2026-13-01") == nil)
        let r = ReviewInfo(nextReview: CalendarDate(iso: "2026-01-01"))
        #expect(r.isOverdue(today: CalendarDate(year: 2026, month: 11, day: 27)))
    }
}
