/// The searchable fields of one section, taken from a `Library`.
///
/// Every document contributes its intro as a section whose id is the document's own id (no `#slug`):
/// summary, lead paragraphs, and for a checklist its question, items, outcomes and disclaimer. Tags
/// and treatment conditions belong to the intro, so they point at the document as a whole.
///
/// Bodies are the bulk of the text: they are written as UTF-8 into one shared buffer
/// (`SectionSource.Corpus.bodyText`) instead of a String each.
struct SectionSource {
    enum Field: Int, CaseIterable { case title = 0, heading, tags, body }

    var documentIndex: Int
    /// Empty for a document's intro.
    var sectionID: String
    var heading: String
    var title: String
    var tags: String
    /// The body's bytes in `Corpus.bodyText`.
    var body: Range<Int>
    var language: String

    /// Every section of a library, and the body text they point into.
    struct Corpus {
        var sections: [SectionSource] = []
        var bodyText: [UInt8] = []

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
            case .body: return bodyText.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[source.body])) }
            }
        }
    }

    static func all(in library: Library) -> Corpus {
        var out = Corpus()
        for (d, doc) in library.documents.enumerated() {
            // The intro's parts joined by newlines (the lead only when it has text).
            let start = out.bodyText.count
            var parts = 0
            func part(_ text: String) {
                if parts > 0 { out.bodyText.append(0x0A) }
                PlainTextWriter.appendUTF8(text, to: &out.bodyText)
                parts += 1
            }
            if !doc.summary.isEmpty { part(doc.summary) }
            let mark = out.bodyText.count
            if parts > 0 { out.bodyText.append(0x0A) }
            let leadStart = out.bodyText.count
            PlainTextWriter.append(doc.intro, to: &out.bodyText)
            if out.bodyText.count == leadStart { out.bodyText.removeLast(out.bodyText.count - mark) } else { parts += 1 }
            if let c = doc.checklist {
                if !c.question.isEmpty { part(c.question) }
                for item in c.items { part(item.text) }
                for outcome in c.outcomes { part(outcome.text) }
                if !c.disclaimer.isEmpty { part(c.disclaimer) }
            }
            out.sections.append(SectionSource(documentIndex: d, sectionID: "", heading: "", title: doc.title,
                                              tags: (doc.tags + doc.conditions).joined(separator: "\n"),
                                              body: start..<out.bodyText.count, language: doc.language))
            for s in doc.sections {
                let start = out.bodyText.count
                PlainTextWriter.append(s.blocks, to: &out.bodyText)
                out.sections.append(SectionSource(documentIndex: d, sectionID: s.id, heading: s.heading, title: doc.title,
                                                  tags: "", body: start..<out.bodyText.count, language: doc.language))
            }
        }
        return out
    }
}
