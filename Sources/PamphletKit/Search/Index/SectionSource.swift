/// The searchable fields of one section, taken from a `Library`.
///
/// Every document contributes its intro as a section whose id is the document's own id (no `#slug`):
/// summary, lead paragraphs, and for a checklist its question, items, outcomes and disclaimer. Tags
/// and treatment conditions belong to the intro, so they point at the document as a whole.
struct SectionSource {
    enum Field: Int, CaseIterable { case title = 0, heading, tags, body }

    var documentIndex: Int
    /// Empty for a document's intro.
    var sectionID: String
    var heading: String
    var title: String
    var tags: String
    var body: String
    var language: String

    static func all(in library: Library) -> [SectionSource] {
        var out: [SectionSource] = []
        for (d, doc) in library.documents.enumerated() {
            var intro: [String] = []
            if !doc.summary.isEmpty { intro.append(doc.summary) }
            let lead = doc.intro.plainText
            if !lead.isEmpty { intro.append(lead) }
            if let c = doc.checklist {
                if !c.question.isEmpty { intro.append(c.question) }
                intro.append(contentsOf: c.items.map(\.text))
                intro.append(contentsOf: c.outcomes.map(\.text))
                if !c.disclaimer.isEmpty { intro.append(c.disclaimer) }
            }
            out.append(SectionSource(documentIndex: d, sectionID: "", heading: "", title: doc.title,
                                     tags: (doc.tags + doc.conditions).joined(separator: "\n"),
                                     body: intro.joined(separator: "\n"), language: doc.language))
            for s in doc.sections {
                out.append(SectionSource(documentIndex: d, sectionID: s.id, heading: s.heading, title: doc.title,
                                         tags: "", body: s.blocks.plainText, language: doc.language))
            }
        }
        return out
    }

    func text(_ f: Field) -> String {
        switch f {
        case .title: title
        case .heading: heading
        case .tags: tags
        case .body: body
        }
    }
}
