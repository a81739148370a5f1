/// A block of a section's body, as CommonMark + GFM tables describe it.
public indirect enum Block: Sendable, Equatable {
    case paragraph([Inline])
    /// A heading inside a section's body (deeper than the level sections split at).
    case heading(level: Int, [Inline])
    case list(ordered: Bool, start: Int, items: [[Block]])
    case quote([Block])
    case table(Table)
    case code(language: String?, text: String)
    case rule
}

public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case none, left, center, right }
    public var alignments: [Alignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]
    public init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

/// Inline content of a paragraph, heading, list item or table cell.
public indirect enum Inline: Sendable, Equatable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case code(String)
    /// `target` is either a web address or `pamphlet:doc-id#section` (a cross-reference).
    case link(target: String, [Inline])
    case lineBreak
}

extension Inline {
    /// The text a reader sees, without markup (`PlainTextWriter` has the rules).
    public var plainText: String { PlainTextWriter.string { PlainTextWriter.append(self, to: &$0) } }
}

extension Array where Element == Inline {
    public var plainText: String { PlainTextWriter.string { PlainTextWriter.append(self, to: &$0) } }
}

extension Block {
    /// The block's text without markup, paragraphs separated by newlines (what search indexes).
    public var plainText: String { PlainTextWriter.string { PlainTextWriter.append(self, to: &$0) } }
}

extension Array where Element == Block {
    public var plainText: String { PlainTextWriter.string { PlainTextWriter.append(self, to: &$0) } }
}
