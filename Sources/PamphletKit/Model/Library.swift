/// All the content a clinic publishes, loaded and validated.
public struct Library: Sendable, Equatable {
    public var site: Site
    public var documents: [Document]

    public init(site: Site, documents: [Document]) {
        self.site = site
        self.documents = documents
    }

    public func document(_ id: String) -> Document? {
        documents.first { $0.id == id }
    }

    public func documents(of kind: DocumentKind) -> [Document] {
        documents.filter { $0.kind == kind }
    }

    /// Resolves `doc`, `doc#section` or `pamphlet:doc#section`.
    public func resolve(_ reference: String) -> (document: Document, section: Section?)? {
        let ref = ContentReference(reference)
        guard let doc = document(ref.documentID) else { return nil }
        guard let slug = ref.sectionID else { return (doc, nil) }
        guard let section = doc.section(slug) else { return nil }
        return (doc, section)
    }
}

/// A parsed `doc-id#section-slug` reference (the `pamphlet:` scheme is optional).
public struct ContentReference: Sendable, Hashable, CustomStringConvertible {
    public static let scheme = "pamphlet:"
    public var documentID: String
    public var sectionID: String?

    public init(documentID: String, sectionID: String? = nil) {
        self.documentID = documentID
        self.sectionID = sectionID
    }

    public init(_ text: String) {
        var body = Substring(text)
        if body.hasPrefix(Self.scheme) { body = body.dropFirst(Self.scheme.count) }
        if let hash = body.firstIndex(of: "#") {
            documentID = String(body[..<hash])
            let slug = body[body.index(after: hash)...]
            sectionID = slug.isEmpty ? nil : String(slug)
        } else {
            documentID = String(body)
            sectionID = nil
        }
    }

    public var description: String {
        sectionID.map { "\(documentID)#\($0)" } ?? documentID
    }
}
