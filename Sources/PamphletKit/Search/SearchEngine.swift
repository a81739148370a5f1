// PLACEHOLDER until the real engine lands (issue 3): a naive scan so other layers can compile against the API.
import Foundation

public final class SearchEngine: Sendable {
    public let library: Library

    public init(library: Library) {
        self.library = library
    }

    public func search(_ query: String, limit: Int = 10) -> SearchResults {
        let words = query.lowercased().split(separator: " ").map(String.init)
        guard !words.isEmpty else { return SearchResults(hits: []) }
        var hits: [SearchHit] = []
        for doc in library.documents {
            for section in doc.sections {
                let text = section.heading + "\n" + section.blocks.plainText
                if words.allSatisfy({ text.lowercased().contains($0) }) {
                    hits.append(SearchHit(reference: ContentReference(documentID: doc.id, sectionID: section.id),
                                          kind: doc.kind, documentTitle: doc.title, sectionTitle: section.heading,
                                          score: 1, snippet: String(text.prefix(120)),
                                          highlights: highlights(for: query, in: String(text.prefix(120)))))
                }
            }
        }
        return SearchResults(hits: Array(hits.prefix(limit)))
    }

    /// Ranges (Unicode scalar offsets) in `text` that the query matches, for highlighting a whole section.
    public func highlights(for query: String, in text: String) -> [TextRange] {
        let scalars = Array(text.lowercased().unicodeScalars)
        var out: [TextRange] = []
        for word in query.lowercased().split(separator: " ") {
            let w = Array(word.unicodeScalars)
            guard !w.isEmpty, w.count <= scalars.count else { continue }
            for i in 0...(scalars.count - w.count) where Array(scalars[i..<(i + w.count)]) == w {
                out.append(TextRange(start: i, length: w.count))
            }
        }
        return out.sorted { $0.start < $1.start }
    }

    /// Sections related to this one ("See also"), best first, excluding itself.
    public func related(to reference: ContentReference, limit: Int = 3) -> [SearchHit] { [] }
}
