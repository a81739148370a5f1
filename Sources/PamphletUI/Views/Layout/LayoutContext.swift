import Foundation
import PamphletKit

/// Everything a page's layout depends on besides its route; also the cache key's variant.
struct LayoutContext: Sendable {
    let content: LoadedContent
    let options: AppOptions
    /// Width of the text column in cells.
    let width: Int
    /// Expanded FAQ questions of this page (section indexes).
    var expanded: Set<Int> = []
    /// Self-check answers of this page.
    var answers = ChecklistAnswers()
    /// Search words to highlight.
    var query: String?

    var glyphs: Glyphs { options.glyphs }
    var library: Library { content.library }

    /// The crisis line as one sentence, or nil when none is configured.
    var crisisText: String? { options.crisisSentence(site: content.library.site) }
}

/// A self-check's answers. They live only in memory and vanish with a reset.
public struct ChecklistAnswers: Sendable, Hashable {
    public var checked: Set<String> = []
    /// Whether the outcome has been asked for.
    public var showOutcome = false
    public init() {}
}

extension AppOptions {
    /// "Crisis line: 988 (label)", from the options or `site.yaml`; nil when none is set.
    func crisisSentence(site: Site) -> String? {
        ContactCard.crisisSentence(site.contact, line: crisisLine, label: crisisLineLabel)
    }
}
