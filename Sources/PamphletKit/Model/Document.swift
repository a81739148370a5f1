/// The kinds of page a clinic publishes. The raw value is what front matter's `kind:` says.
public enum DocumentKind: String, Sendable, Codable, CaseIterable, Hashable {
    case article, faq, treatment, checklist, contact

    /// Plural heading used in menus ("Articles", "FAQs", ...).
    public var menuTitle: String {
        switch self {
        case .article: "Articles"
        case .faq: "FAQs"
        case .treatment: "Treatments"
        case .checklist: "Self-check"
        case .contact: "Contact"
        }
    }

    /// One page of this kind, in a word ("FAQ", "Article"): where there is no room for its title.
    public var singularTitle: String {
        switch self {
        case .article: "Article"
        case .faq: "FAQ"
        case .treatment: "Treatment"
        case .checklist: "Self-check"
        case .contact: "Contact"
        }
    }
}

/// One page of content: an article, an FAQ, a treatment page, a checklist or the contact page.
///
/// Its stable id is the file's `id:` (or file name); sections are addressed as `id#slug`.
public struct Document: Sendable, Equatable, Identifiable {
    public var id: String
    public var kind: DocumentKind
    public var title: String
    public var summary: String
    public var tags: [String]
    /// BCP 47-ish language code ("en", "es"); picks the stemmer.
    public var language: String
    /// Public web address of the page, if the clinic has one (kiosk shows it as a QR code).
    public var url: String?
    public var review: ReviewInfo
    /// Blocks before the first heading (an article's lead paragraph).
    public var intro: [Block]
    /// Sections in reading order. For an FAQ each section is one question (heading) and its answer.
    public var sections: [Section]
    /// Conditions a treatment page treats (empty for other kinds).
    public var conditions: [String]
    /// Ids (`doc` or `doc#section`) of related pages named in front matter.
    public var related: [String]
    /// The self-check's items and outcomes (only for `.checklist`).
    public var checklist: Checklist?
    /// Where it was loaded from, relative to the content folder (for diagnostics; never shown in kiosk mode).
    public var sourcePath: String

    public init(
        id: String, kind: DocumentKind, title: String, summary: String = "", tags: [String] = [],
        language: String = "en", url: String? = nil, review: ReviewInfo = ReviewInfo(),
        intro: [Block] = [], sections: [Section] = [], conditions: [String] = [],
        related: [String] = [], checklist: Checklist? = nil, sourcePath: String = ""
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.summary = summary
        self.tags = tags
        self.language = language
        self.url = url
        self.review = review
        self.intro = intro
        self.sections = sections
        self.conditions = conditions
        self.related = related
        self.checklist = checklist
        self.sourcePath = sourcePath
    }

    /// The section with this slug, if any.
    public func section(_ slug: String) -> Section? {
        sections.first { $0.id == slug }
    }
}

/// A heading and the blocks under it, up to the next heading of the same or a higher level.
public struct Section: Sendable, Equatable, Identifiable {
    /// Slug of the heading, unique within its document.
    public var id: String
    public var heading: String
    /// Markdown heading level (2 for `##`, 3 for `###`).
    public var level: Int
    public var blocks: [Block]
    /// 1-based line of the heading in the source file.
    public var line: Int

    public init(id: String, heading: String, level: Int = 2, blocks: [Block] = [], line: Int = 0) {
        self.id = id
        self.heading = heading
        self.level = level
        self.blocks = blocks
        self.line = line
    }
}

/// Review metadata shown at a page's foot; a page past `nextReview` is flagged for staff.
public struct ReviewInfo: Sendable, Equatable, Codable {
    public var reviewedBy: String?
    public var lastReviewed: CalendarDate?
    public var nextReview: CalendarDate?

    public init(reviewedBy: String? = nil, lastReviewed: CalendarDate? = nil, nextReview: CalendarDate? = nil) {
        self.reviewedBy = reviewedBy
        self.lastReviewed = lastReviewed
        self.nextReview = nextReview
    }

    /// True when `today` is after the next review date. The caller supplies today (no clock here).
    public func isOverdue(today: CalendarDate) -> Bool {
        guard let nextReview else { return false }
        return nextReview < today
    }
}

/// A self-screening checklist: statements a patient ticks, and outcome texts chosen by how many they ticked.
public struct Checklist: Sendable, Equatable {
    public var question: String
    public var items: [ChecklistItem]
    public var outcomes: [ChecklistOutcome]
    public var disclaimer: String

    public init(question: String, items: [ChecklistItem], outcomes: [ChecklistOutcome], disclaimer: String = "") {
        self.question = question
        self.items = items
        self.outcomes = outcomes
        self.disclaimer = disclaimer
    }

    /// The outcome for this many ticked items: the one with the highest `minimumChecked` not above it.
    public func outcome(checkedCount: Int) -> ChecklistOutcome? {
        outcomes.filter { $0.minimumChecked <= checkedCount }.max { $0.minimumChecked < $1.minimumChecked }
    }
}

public struct ChecklistItem: Sendable, Equatable, Identifiable {
    public var id: String
    public var text: String
    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}

public struct ChecklistOutcome: Sendable, Equatable {
    /// This outcome applies from this many ticked items up.
    public var minimumChecked: Int
    public var text: String
    public init(minimumChecked: Int, text: String) {
        self.minimumChecked = minimumChecked
        self.text = text
    }
}
