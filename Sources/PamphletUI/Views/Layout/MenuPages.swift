import PamphletKit

/// One entry of the home menu.
struct MenuEntry: Sendable {
    var title: String
    var detail: String
    var key: String
    var action: TargetAction
}

/// The id the app uses for a contact page built from `site.yaml` when the content has none.
let builtInContactID = "__contact__"

enum MenuPages {
    /// The home menu: a kind of page the content has none of is left out (review D 9: an imported
    /// site's FAQs and Treatments led to "Nothing here yet"); Contact (built from site.yaml when
    /// the content has no contact page) and Search always stay.
    static func homeMenu(_ library: Library) -> [MenuEntry] {
        func open(_ kind: DocumentKind) -> TargetAction {
            let docs = library.documents(of: kind)
            if docs.count == 1 { return .open(.document(docs[0].id)) }
            if docs.isEmpty && kind == .contact { return .open(.document(builtInContactID)) }
            return .open(.list(kind))
        }
        let optional: [String: DocumentKind] = ["articles": .article, "faq": .faq, "treatments": .treatment,
                                                "self-check": .checklist]
        return [
            MenuEntry(title: "Articles", detail: "Read about conditions and care", key: "articles", action: open(.article)),
            MenuEntry(title: "FAQs", detail: "Short answers to common questions", key: "faq", action: open(.faq)),
            MenuEntry(title: "Treatments", detail: "What we offer and who it helps", key: "treatments",
                      action: open(.treatment)),
            MenuEntry(title: "Self-check", detail: "A short private checklist", key: "self-check",
                      action: open(.checklist)),
            MenuEntry(title: "Contact", detail: "Phone, address and opening hours", key: "contact",
                      action: open(.contact)),
            MenuEntry(title: "Search", detail: "Find any word on any page", key: "search", action: .openSearch),
        ].filter { entry in optional[entry.key].map { !library.documents(of: $0).isEmpty } ?? true }
    }

    static func home(_ ctx: LayoutContext) -> PageLayout {
        var b = PageBuilder(width: ctx.width, glyphs: ctx.glyphs)
        let site = ctx.library.site
        b.layout.context = .menu
        b.layout.title = "Home"
        b.wrap(b.glyphs(site.name, role: .title, searchable: false))
        if !site.tagline.isEmpty {
            b.wrap(b.glyphs(site.tagline, role: .tagline, searchable: false))
        }
        let problems = ctx.content.diagnostics.count
        if problems > 0, ctx.options.showContentProblems {
            // The details went to stderr; staff see them again with `pamphlet check`.
            let what = problems == 1 ? "1 problem" : "\(problems) problems"
            b.blank()
            b.wrap(b.glyphs("\(ctx.glyphs.warning) \(what) in the content: run pamphlet check", role: .warning,
                            searchable: false), rest: PageBuilder.spaces(2))
        }
        b.blank()
        let entries = homeMenu(ctx.library)
        let titleWidth = entries.map { TextMetrics.width($0.title) }.max() ?? 0
        let detailWidth = entries.map { TextMetrics.width($0.detail) }.max() ?? 0
        let showDetail = ctx.width >= titleWidth + 9 + detailWidth
        // In the kiosk digits search (review G 1: 911 opened item 1), so no number claims to choose.
        let numbered = !ctx.options.lettersSearch
        let rowWidth = (numbered ? 4 : 0) + titleWidth + (showDetail ? 3 + detailWidth : 0) + 1
        for (i, entry) in entries.enumerated() {
            let t = b.addTarget("menu:\(entry.key)", entry.action, focusRole: .menuSelected)
            var g = numbered ? b.glyphs(" \(i + 1)  ", role: .menuItem, target: t, searchable: false) : []
            g += b.glyphs(entry.title, role: .menuItem, target: t, searchable: false)
            if showDetail {
                let pad = titleWidth - TextMetrics.width(entry.title) + 3
                g += b.glyphs(String(repeating: " ", count: pad), role: .menuItem, target: t, searchable: false)
                g += b.glyphs(entry.detail, role: .dim, target: t, searchable: false)
            }
            let used = g.reduce(0) { $0 + $1.width }
            g += b.glyphs(String(repeating: " ", count: max(1, rowWidth - used)), role: .menuItem, target: t,
                          searchable: false)
            let first = b.layout.lines.count
            b.wrap(g, rest: PageBuilder.spaces(numbered ? 3 : 0))  // under the title, after "1  "
            b.claimRows(for: t, from: first)
        }
        if let crisis = ctx.crisisText {
            b.blank()
            crisisBox(&b, crisis)
        }
        b.blank()
        let howTo = ctx.options.lettersSearch
            ? "Use the arrow keys, then Enter, or type a word to search. Press ? for help."
            : "Use the arrow keys or the numbers, then Enter. Press ? for help."
        b.wrap(b.glyphs(howTo, role: .hint, searchable: false))
        return b.layout
    }

    /// The crisis line on a red band, its wrapped lines under the text after the warning sign
    /// (review G 11: one space of indent put them a column left of it).
    static func crisisBox(_ b: inout PageBuilder, _ text: String) {
        let indent = TextMetrics.width(b.glyphs.warning) + 1
        b.wrap(b.glyphs(b.glyphs.warning + " " + text, role: .crisis, searchable: false),
               rest: Array(repeating: Cell(text: " ", role: .crisis), count: indent), fillRole: .crisis)
    }

    static func list(_ kind: DocumentKind, _ ctx: LayoutContext) -> PageLayout {
        var b = PageBuilder(width: ctx.width, glyphs: ctx.glyphs)
        b.layout.context = .menu
        b.layout.title = kind.menuTitle
        b.wrap(b.glyphs(kind.menuTitle, role: .title, searchable: false))
        b.blank()
        let docs = ctx.library.documents(of: kind)
        if docs.isEmpty {
            b.wrap(b.glyphs("Nothing here yet. Please ask at the front desk.", role: .dim, searchable: false))
        }
        for (i, doc) in docs.enumerated() {
            if i > 0 { b.blank() }
            let t = b.addTarget("doc:\(doc.id)", .open(.document(doc.id)), focusRole: .menuSelected)
            let first = b.layout.lines.count
            // Wrapped lines start under the title's first letter (the summary is indented below it).
            b.wrap(b.glyphs(doc.title, role: .menuItem, target: t, searchable: false), rest: [])
            if !doc.summary.isEmpty {
                b.wrap(b.glyphs(doc.summary, role: .dim, searchable: false), first: PageBuilder.spaces(2))
            }
            b.claimRows(for: t, from: first)
        }
        return b.layout
    }
}
