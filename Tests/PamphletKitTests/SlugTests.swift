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

    @Test func calendarDates() {
        #expect(CalendarDate(iso: "2026-02-29") == nil)
        #expect(CalendarDate(iso: "2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDate(iso: "2026-13-01") == nil)
        let r = ReviewInfo(nextReview: CalendarDate(iso: "2026-01-01"))
        #expect(r.isOverdue(today: CalendarDate(year: 2026, month: 11, day: 27)))
    }
}
