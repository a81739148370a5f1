/// Gives headings their Markdown levels and splits elements into an intro and sections, the way
/// the loader splits Markdown: `##` and `###` start sections, deeper headings stay inside them.
enum SectionAssembly {
    /// Level per style: numbered by depth; underline characters in order of first use (as
    /// reStructuredText does); plain and question headings at the top. Then shifted so the top is 2.
    /// `titleUnderline` is the title's underline character: it ranks first, so a later heading
    /// underlined the same way is a peer of the title's level (as in reStructuredText).
    static func levels(for elements: [TextElement], titleUnderline: Character? = nil) -> [HeadingDetection.Style: Int] {
        var underlineOrder: [Character] = titleUnderline.map { [$0] } ?? []
        var styles: [HeadingDetection.Style] = []
        for case .heading(_, let style, _) in elements where !styles.contains(style) {
            styles.append(style)
            if case .underline(let c) = style, !underlineOrder.contains(c) { underlineOrder.append(c) }
        }
        var raw: [HeadingDetection.Style: Int] = [:]
        for style in styles {
            switch style {
            case .underline(let c): raw[style] = (underlineOrder.firstIndex(of: c) ?? 0) + 2
            case .numbered(let depth): raw[style] = depth + 1
            case .plain, .question: raw[style] = 2
            }
        }
        let shift = (raw.values.min() ?? 2) - 2
        return raw.mapValues { max(2, $0 - shift) }
    }

    /// Intro blocks and sections. Section ids are slugs, made unique with -2, -3 like the loader does.
    /// A heading with nothing under it (and no deeper section after it) is kept as a paragraph.
    static func assemble(_ elements: [TextElement], titleUnderline: Character? = nil) -> (intro: [Block], sections: [Section]) {
        let levels = levels(for: elements, titleUnderline: titleUnderline)
        var intro: [Block] = []
        var sections: [Section] = []
        for element in elements {
            switch element {
            case .block(let block, _):
                if sections.isEmpty { intro.append(block) } else { sections[sections.count - 1].blocks.append(block) }
            case .heading(let text, let style, let line):
                let level = levels[style] ?? 2
                if level <= 3 {
                    sections.append(Section(id: "", heading: text, level: level, blocks: [], line: line))
                } else {
                    let block = Block.heading(level: level, [.text(text)])
                    if sections.isEmpty { intro.append(block) } else { sections[sections.count - 1].blocks.append(block) }
                }
            }
        }
        // Empty sections become paragraphs of what precedes them.
        var kept: [Section] = []
        for (index, section) in sections.enumerated() {
            let hasChild = index + 1 < sections.count && sections[index + 1].level > section.level
            if section.blocks.isEmpty && !hasChild {
                let paragraph = Block.paragraph([.text(section.heading)])
                if kept.isEmpty { intro.append(paragraph) } else { kept[kept.count - 1].blocks.append(paragraph) }
            } else {
                kept.append(section)
            }
        }
        var used: [String: Int] = [:]
        for index in kept.indices {
            let slug = Slug.make(kept[index].heading)
            let n = (used[slug] ?? 0) + 1
            used[slug] = n
            kept[index].id = n == 1 ? slug : "\(slug)-\(n)"
        }
        return (intro, kept)
    }
}
