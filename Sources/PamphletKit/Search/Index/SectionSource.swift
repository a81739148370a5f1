/// The searchable fields of one section, taken from a `Library`.
///
/// Every document contributes its intro as a section whose id is the document's own id (no `#slug`):
/// summary, lead paragraphs, for a checklist its question, items, outcomes and disclaimer, and for the
/// contact document the clinic's contact fields from site.yaml (label and value, as shown). Tags
/// and treatment conditions belong to the intro, so they point at the document as a whole, and so
/// does the document's title: only the intro indexes it. A document's other sections are found by
/// their own words; the title only adds a little to the sections a query already finds
/// (`QueryPlan.addTitleContext`). (Indexed in every section, the title "Questions About Ketamine and
/// TMS" made every answer of that FAQ a match for "tms", and "how does tms work" put "How fast does
/// ketamine work?" above the TMS Therapy page.)
///
/// Bodies are the bulk of the text: they are written as UTF-8 into one shared buffer
/// (`SectionSource.Corpus.bodyText`) instead of a String each, one section at a time through a
/// scratch array that keeps its capacity (the shared buffer grows without copying, `GrowableBuffer`).
struct SectionSource {
    enum Field: Int, CaseIterable { case title = 0, heading, tags, body }

    var documentIndex: Int
    /// Empty for a document's intro.
    var sectionID: String
    var heading: String
    /// The document's title, for its intro only (empty for its other sections).
    var title: String
    var tags: String
    /// The body's bytes in `Corpus.bodyText`.
    var body: Range<Int>
    var language: String

    /// Every section of a library, and the body text they point into.
    struct Corpus {
        var sections: [SectionSource] = []
        var bodyText = GrowableBuffer<UInt8>(capacity: 1 << 20)

        /// The UTF-8 text of field `f` of section `s`, for the duration of `body`.
        func withText<R>(_ s: Int, _ f: Field, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            let source = sections[s]
            func string(_ text: String) -> R {
                var text = text
                return text.withUTF8(body)
            }
            switch f {
            case .title: return string(source.title)
            case .heading: return string(source.heading)
            case .tags: return string(source.tags)
            case .body: return body(UnsafeBufferPointer(rebasing: bodyText.buffer[source.body]))
            }
        }
    }

    static func all(in library: Library) -> Corpus {
        var out = Corpus()
        var text: [UInt8] = []   // one section's body
        /// Moves `text` to the end of the shared buffer; returns where it lies there.
        func flush() -> Range<Int> {
            let start = out.bodyText.count
            text.withUnsafeBufferPointer { out.bodyText.append(contentsOf: $0) }
            text.removeAll(keepingCapacity: true)
            return start..<out.bodyText.count
        }
        for (d, doc) in library.documents.enumerated() {
            // The intro's parts joined by newlines (the lead only when it has text).
            var parts = 0
            func part(_ part: String) {
                if parts > 0 { text.append(0x0A) }
                PlainTextWriter.appendUTF8(part, to: &text)
                parts += 1
            }
            if !doc.summary.isEmpty { part(doc.summary) }
            if doc.kind == .contact {
                // The clinic's details from site.yaml, as the Contact page shows them (`ContactCard`):
                // "email", the street or "saturday" find the page. The fields left empty share one
                // line ("Email, Address: ask at the front desk"), so they do not lengthen the intro.
                var empty: [String] = []
                for (label, value) in ContactCard.fields(library.site.contact) {
                    if let value { part(label + ": " + value) } else { empty.append(label) }
                }
                if !empty.isEmpty { part(empty.joined(separator: ", ") + ": " + ContactCard.askAtFrontDesk) }
            }
            let mark = text.count
            if parts > 0 { text.append(0x0A) }
            let leadStart = text.count
            PlainTextWriter.append(doc.intro, to: &text)
            if text.count == leadStart { text.removeLast(text.count - mark) } else { parts += 1 }
            if let c = doc.checklist {
                if !c.question.isEmpty { part(c.question) }
                for item in c.items { part(item.text) }
                for outcome in c.outcomes { part(outcome.text) }
                if !c.disclaimer.isEmpty { part(c.disclaimer) }
            }
            // The browser calls every checklist a "Self-check" (its menu, its list): "self check" finds them.
            let kindName = doc.kind == .checklist ? [DocumentKind.checklist.menuTitle] : []
            out.sections.append(SectionSource(documentIndex: d, sectionID: "", heading: "", title: doc.title,
                                              tags: (doc.tags + doc.conditions + kindName).joined(separator: "\n"),
                                              body: flush(), language: doc.language))
            for s in doc.sections {
                PlainTextWriter.append(s.blocks, to: &text)
                out.sections.append(SectionSource(documentIndex: d, sectionID: s.id, heading: s.heading, title: "",
                                                  tags: "", body: flush(), language: doc.language))
            }
        }
        return out
    }
}
