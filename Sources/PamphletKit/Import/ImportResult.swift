/// Options for turning a text into content files.
public struct ImportOptions: Sendable, Equatable {
    /// Forces the main document's kind (otherwise: `faq` when most headings are questions, else `article`).
    public var kind: DocumentKind?
    /// Replaces the title found in the text (a saved page's first line can be site chrome).
    public var title: String?
    /// Replaces the id made from the title (`Slug.make(title)`).
    public var id: String?

    public init(kind: DocumentKind? = nil, title: String? = nil, id: String? = nil) {
        self.kind = kind
        self.title = title
        self.id = id
    }
}

/// One content file the importer made: the model, its Markdown, and where it goes in a content folder.
public struct ImportedDocument: Sendable, Equatable {
    public var document: Document
    /// The whole file: YAML front matter and CommonMark body.
    public var markdown: String
    /// Path inside the content folder, e.g. `content/articles/is-ketamine-an-opiate.md`.
    public var relativePath: String

    public init(document: Document, markdown: String, relativePath: String) {
        self.document = document
        self.markdown = markdown
        self.relativePath = relativePath
    }
}

/// What an import produced: zero or more documents and the problems found on the way.
public struct ImportResult: Sendable, Equatable {
    public var documents: [ImportedDocument]
    /// Errors mean nothing should be written for this input; warnings are for the operator.
    public var diagnostics: [Diagnostic]
    /// Lines dropped as page boilerplate (comment forms, calls to action, separators, taglines), trimmed.
    public var droppedLines: [String]

    public init(documents: [ImportedDocument] = [], diagnostics: [Diagnostic] = [], droppedLines: [String] = []) {
        self.documents = documents
        self.diagnostics = diagnostics
        self.droppedLines = droppedLines
    }
}

extension DocumentKind {
    /// The folder under `content/` that holds this kind's files.
    public var folderName: String {
        switch self {
        case .article: "articles"
        case .faq: "faq"
        case .treatment: "treatments"
        case .checklist: "checklists"
        case .contact: "contact"
        }
    }
}
