/// A range of text in **Unicode scalar** offsets (what Python's `str` and most JSON consumers index by).
public struct TextRange: Sendable, Hashable, Codable {
    public var start: Int
    public var length: Int
    public init(start: Int, length: Int) {
        self.start = start
        self.length = length
    }
    public var end: Int { start + length }
}

/// One ranked answer: a section (or a document's intro) with a snippet and the ranges to highlight.
public struct SearchHit: Sendable, Equatable {
    public var reference: ContentReference
    public var kind: DocumentKind
    public var documentTitle: String
    /// The section heading, or the document title for a document's intro.
    public var sectionTitle: String
    public var score: Double
    public var snippet: String
    /// Matches inside `snippet`, in Unicode scalar offsets.
    public var highlights: [TextRange]
    /// The query's words and "phrases" (folded, as the index has them) this section does not
    /// contain in any form: hits matching fewer of them rank after those matching more, so a screen
    /// can say "Missing: cost" as web search engines do. Empty when it has them all.
    public var missingWords: [String] = []

    public init(reference: ContentReference, kind: DocumentKind, documentTitle: String, sectionTitle: String,
                score: Double, snippet: String, highlights: [TextRange]) {
        self.reference = reference
        self.kind = kind
        self.documentTitle = documentTitle
        self.sectionTitle = sectionTitle
        self.score = score
        self.snippet = snippet
        self.highlights = highlights
    }
}

public struct SearchResults: Sendable, Equatable {
    public var hits: [SearchHit]
    /// "Did you mean" text when nothing matched and a close query exists.
    public var suggestion: String?
    public init(hits: [SearchHit], suggestion: String? = nil) {
        self.hits = hits
        self.suggestion = suggestion
    }
}
