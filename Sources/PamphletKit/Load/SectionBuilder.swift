import Foundation

/// Cuts a body's top-level elements into the intro (before the first heading) and sections.
///
/// `#`, `##` and `###` headings start sections; deeper headings stay inside the current section.
/// Section ids are heading slugs, made unique within the document with -2, -3, ...
enum SectionBuilder {
    static let deepestSectionLevel = 3

    static func build(_ elements: [BodyElement], path: String, diagnostics: inout [Diagnostic]) -> (intro: [Block], sections: [Section]) {
        var intro: [Block] = []
        var sections: [Section] = []
        var used: Set<String> = []
        var nextSuffix: [String: Int] = [:]

        func append(_ block: Block) {
            if sections.isEmpty { intro.append(block) } else { sections[sections.count - 1].blocks.append(block) }
        }

        for element in elements {
            switch element {
            case let .heading(level, inlines, line) where level <= deepestSectionLevel:
                let heading = inlines.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
                if level == 1 {
                    diagnostics.append(.warning(path, line: line, column: 1,
                        "level-1 heading '# \(heading)': the title comes from front matter; use '## ' for sections"))
                }
                if heading.isEmpty { diagnostics.append(.warning(path, line: line, column: 1, "empty heading")) }
                var slug = Slug.make(heading)
                if used.contains(slug) {
                    // Remember where each base slug's numbering got to: 5,000 equal headings stay linear.
                    var n = nextSuffix[slug, default: 2]
                    while used.contains("\(slug)-\(n)") { n += 1 }
                    nextSuffix[slug] = n + 1
                    slug = "\(slug)-\(n)"
                }
                used.insert(slug)
                sections.append(Section(id: slug, heading: heading, level: level, blocks: [], line: line))
            case let .heading(level, inlines, _):
                append(.heading(level: level, inlines))
            case let .block(block, _):
                append(block)
            }
        }
        return (intro, sections)
    }
}
