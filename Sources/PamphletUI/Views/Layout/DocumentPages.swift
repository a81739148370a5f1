import Foundation
import PamphletKit

/// Lays out a document: title, intro, sections (as their kind wants), related links and the review footer.
enum DocumentPages {
    static func layout(_ doc: Document, _ ctx: LayoutContext) -> PageLayout {
        var b = PageBuilder(width: ctx.width, glyphs: ctx.glyphs)
        b.showsLocalLinkTargets = ctx.options.showFilePaths
        b.layout.title = doc.title
        b.layout.context = switch doc.kind {
        case .faq: .faq
        case .checklist: .checklist
        default: .reading
        }
        var links = 0
        b.wrap(b.glyphs(doc.title, role: .title, searchable: false))
        b.line(String(repeating: ctx.glyphs.horizontal, count: min(ctx.width, TextMetrics.width(doc.title))),
               role: .border)
        if doc.kind == .contact { contactCard(&b, ctx) }
        if doc.kind == .treatment, !doc.conditions.isEmpty {
            b.gap()
            b.wrap(b.glyphs("Conditions treated", role: .heading))
            b.endBlockText()
            b.block(.list(ordered: false, start: 1, items: doc.conditions.map { [.paragraph([.text($0)])] }),
                    indent: [], role: .normal, linkCounter: &links)
        }
        if !doc.intro.isEmpty {
            b.gap()
            b.blocks(doc.intro, linkCounter: &links)
        }
        let contents = hasContents(doc)
        if contents {
            b.layout.contents.append(ContentsEntry(title: "Overview", level: 2, section: -1))
        }
        switch doc.kind {
        case .faq: questions(doc, &b, ctx)
        case .checklist: checklist(doc, &b, ctx)
        default: sections(doc, &b, ctx)
        }
        relatedLinks(doc, &b, ctx)
        reviewFooter(doc, &b, ctx)
        if !contents { b.layout.contents = [] }
        Highlighter.apply(query: ctx.query, engine: ctx.content.engine, texts: b.sectionTexts, to: &b.layout)
        return b.layout
    }

    /// Pages with an overview and sections get a table of contents; FAQs and self-checks do not.
    static func hasContents(_ doc: Document) -> Bool {
        guard doc.kind == .article || doc.kind == .treatment || doc.kind == .contact else { return false }
        return doc.sections.count >= 2
    }

    private static func sections(_ doc: Document, _ b: inout PageBuilder, _ ctx: LayoutContext) {
        for (i, section) in doc.sections.enumerated() {
            b.gap()
            b.beginSection(i, title: section.heading)
            b.layout.contents.append(ContentsEntry(title: section.heading, level: section.level, section: i))
            var links = 0
            b.wrap(b.glyphs(section.heading, role: section.level <= 2 ? .heading : .subheading))
            b.endBlockText()
            if section.level <= 2 {
                b.line(String(repeating: ctx.glyphs.horizontal,
                              count: min(ctx.width, TextMetrics.width(section.heading))), role: .border)
            }
            if !section.blocks.isEmpty {
                b.blank()
                b.blocks(section.blocks, linkCounter: &links)
            }
        }
    }

    /// FAQ: every question is focusable; Enter opens its answer in place.
    private static func questions(_ doc: Document, _ b: inout PageBuilder, _ ctx: LayoutContext) {
        b.gap()
        for (i, section) in doc.sections.enumerated() {
            b.beginSection(i, title: section.heading)
            let open = ctx.expanded.contains(i)
            let t = b.addTarget("question:\(section.id)", .toggleQuestion(i), focusRole: .menuSelected)
            let mark = (open ? ctx.glyphs.expanded : ctx.glyphs.collapsed) + " "
            var g = b.glyphs(mark, role: .heading, target: t, searchable: false)
            g += b.glyphs(section.heading, role: .heading, target: t)
            b.endBlockText()
            let first = b.layout.lines.count
            b.wrap(g, rest: PageBuilder.spaces(TextMetrics.width(mark)))
            b.claimRows(for: t, from: first)
            if open {
                var links = 0
                b.blank()
                b.blocks(section.blocks, indent: PageBuilder.spaces(2), linkCounter: &links)
                b.blank()
            }
        }
        if doc.sections.isEmpty {
            b.wrap(b.glyphs("No questions yet. Please ask at the front desk.", role: .dim, searchable: false))
        }
    }

    /// The self-check: tick items, ask for the result, read the outcome (and the crisis line).
    private static func checklist(_ doc: Document, _ b: inout PageBuilder, _ ctx: LayoutContext) {
        guard let list = doc.checklist else { sections(doc, &b, ctx); return }
        b.gap()
        if !list.question.isEmpty && list.question != doc.title {
            b.wrap(b.glyphs(list.question, role: .strong))
            b.endBlockText()
            b.blank()
        }
        for item in list.items {
            let on = ctx.answers.checked.contains(item.id)
            let t = b.addTarget("item:\(item.id)", .toggleItem(item.id), focusRole: .menuSelected)
            let mark = on ? ctx.glyphs.checked : ctx.glyphs.unchecked
            var g = b.glyphs(mark + " ", role: on ? .checkboxOn : .normal, target: t, searchable: false)
            g += b.glyphs(item.text, role: .normal, target: t)
            b.endBlockText()
            let first = b.layout.lines.count
            b.wrap(g, rest: PageBuilder.spaces(TextMetrics.width(mark) + 1))
            b.claimRows(for: t, from: first)
        }
        b.blank()
        let t = b.addTarget("outcome", .showOutcome, focusRole: .menuSelected)
        let first = b.layout.lines.count
        let label = ctx.answers.showOutcome ? "Update my result" : "See my result"
        b.wrap(b.glyphs("[ \(label) ]", role: .link, target: t, searchable: false))
        b.claimRows(for: t, from: first)
        if ctx.answers.showOutcome {
            b.blank()
            b.wrap(b.glyphs("Your result", role: .heading, searchable: false))
            let count = list.items.filter { ctx.answers.checked.contains($0.id) }.count
            b.wrap(b.glyphs("You ticked \(count) of \(list.items.count).", role: .dim, searchable: false))
            b.blank()
            let text = list.outcome(checkedCount: count)?.text ?? "Please talk to a member of our team."
            b.wrap(b.glyphs(text, role: .strong))
            b.endBlockText()
            if !list.disclaimer.isEmpty {
                b.blank()
                b.wrap(b.glyphs(list.disclaimer, role: .dim))
                b.endBlockText()
            }
            if let crisis = ctx.crisisText {
                b.blank()
                MenuPages.crisisBox(&b, crisis)
            }
        }
        if !doc.sections.isEmpty { sections(doc, &b, ctx) }
    }

    /// The clinic's contact fields; empty ones say to ask at the front desk.
    private static func contactCard(_ b: inout PageBuilder, _ ctx: LayoutContext) {
        let c = ctx.library.site.contact
        b.blank()
        if let crisis = ctx.crisisText {
            MenuPages.crisisBox(&b, crisis)
            b.blank()
        }
        // The same fields, order and wording as `pamphlet show contact` (`ContactCard`).
        let labelWidth = ContactCard.labelWidth
        for (label, value) in ContactCard.fields(c) {
            var g = b.glyphs(label, role: .tableHeader)
            b.addText(" ")
            g += b.glyphs(value ?? ContactCard.askAtFrontDesk, role: value == nil ? .dim : .normal)
            b.endBlockText()
            // The label sits in its own column; long values wrap under the value column.
            let labelCells = PageBuilder.cells(label, role: .tableHeader)
            let valueGlyphs = Array(g.dropFirst(label.count))
            b.wrap(valueGlyphs, first: labelCells + PageBuilder.spaces(labelWidth - labelCells.count),
                   rest: PageBuilder.spaces(labelWidth))
        }
    }

    /// Pages listed under "See also".
    static let seeAlsoCount = 3

    /// Treatment pages link to the article sections named in `related`; every page gets "See also".
    private static func relatedLinks(_ doc: Document, _ b: inout PageBuilder, _ ctx: LayoutContext) {
        var seen = Set<String>()
        var named: [(String, String)] = []
        for ref in doc.related {
            guard let (d, s) = ctx.library.resolve(ref), seen.insert(ref).inserted else { continue }
            named.append((ContentReference(documentID: d.id, sectionID: s?.id).description,
                          s.map { "\(d.title)\(ctx.glyphs.breadcrumb)\($0.heading)" } ?? d.title))
        }
        var found: [(String, String)] = []
        if doc.kind != .contact && doc.kind != .checklist && !doc.id.hasPrefix("__") {
            // Twice what is shown: the page's own sections and pages already named are left out.
            for hit in ctx.content.engine.related(to: ContentReference(documentID: doc.id), limit: 2 * Self.seeAlsoCount)
            where found.count < Self.seeAlsoCount {
                let ref = hit.reference.description
                guard hit.reference.documentID != doc.id, seen.insert(ref).inserted else { continue }
                let title = hit.reference.sectionID == nil
                    ? hit.documentTitle : "\(hit.documentTitle)\(ctx.glyphs.breadcrumb)\(hit.sectionTitle)"
                found.append((ref, title))
            }
        }
        let heading = doc.kind == .treatment ? "Read more" : "Related pages"
        for (title, items) in [(heading, named), ("See also", found)] where !items.isEmpty {
            b.gap()
            b.wrap(b.glyphs(title, role: .subheading, searchable: false))
            for (ref, text) in items {
                let t = b.addTarget("related:\(ref)", .reference(ref))
                var g = b.glyphs(ctx.glyphs.bullet + " ", role: .dim, searchable: false)
                g += b.glyphs(text, role: .link, target: t, searchable: false)
                b.wrap(g, rest: PageBuilder.spaces(2))
            }
        }
    }

    private static func reviewFooter(_ doc: Document, _ b: inout PageBuilder, _ ctx: LayoutContext) {
        let r = doc.review
        var parts: [String] = []
        if let who = r.reviewedBy, !who.isEmpty { parts.append("Reviewed by \(who)") }
        if let last = r.lastReviewed { parts.append((parts.isEmpty ? "Last reviewed " : "last reviewed ") + "\(last)") }
        // A staff notice, like the content problems count: never in front of patients (the kiosk).
        let overdue = ctx.options.showContentProblems && (ctx.options.today.map { r.isOverdue(today: $0) } ?? false)
        guard !parts.isEmpty || overdue else { return }
        b.gap()
        b.line(String(repeating: ctx.glyphs.horizontal, count: min(ctx.width, 20)), role: .border)
        if !parts.isEmpty {
            b.wrap(b.glyphs(parts.joined(separator: ", ") + ".", role: .dim, searchable: false))
        }
        if overdue, let due = r.nextReview {
            var text = "\(ctx.glyphs.warning) For staff: this page was due for review on \(due)."
            if ctx.options.showFilePaths, !doc.sourcePath.isEmpty { text += " (\(doc.sourcePath))" }
            b.wrap(b.glyphs(text, role: .warning, searchable: false))
        }
    }
}
