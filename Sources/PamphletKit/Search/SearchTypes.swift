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
    /// How many sections match in all (`hits` stops at the limit).
    public var total: MatchTotal
    public init(hits: [SearchHit], suggestion: String? = nil, total: MatchTotal? = nil) {
        self.hits = hits
        self.suggestion = suggestion
        self.total = total ?? MatchTotal(count: hits.count, isExact: true)
    }
}

/// How many sections match a query in all, whatever the limit: what the scorer touched, counted
/// while the top hits are picked (no extra pass). Exact except for a query that is one phrase,
/// which stops reading positions once `limit` matches are held: there `count` is the matches
/// confirmed (at least the limit) and more may match.
public struct MatchTotal: Sendable, Equatable {
    public var count: Int
    /// False when `count` is a lower bound ("at least").
    public var isExact: Bool
    public init(count: Int, isExact: Bool) {
        self.count = count
        self.isExact = isExact
    }

    /// True when more sections match than `shown`.
    public func exceeds(_ shown: Int) -> Bool { count > shown || (!isExact && count >= shown && shown > 0) }

    /// "1 result", "12 results", or, when more match than are shown, "50 of 2,872 results"
    /// ("50 of 63+ results" when the count is a lower bound). What the browser's status bar and
    /// the CLI's note say, in the same words.
    public func summary(shown n: Int) -> String {
        guard exceeds(n) else { return n == 1 ? "1 result" : "\(n) results" }
        return "\(n) of \(Self.grouped(max(count, n)))\(isExact ? "" : "+") results"
    }

    /// 2872 as "2,872" (the same in every locale: the core reads no locale).
    public static func grouped(_ n: Int) -> String {
        var digits = String(n.magnitude)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + digits + out
    }
}
