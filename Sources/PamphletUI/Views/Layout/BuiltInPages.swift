import PamphletKit

/// Pages the app writes itself: help (generated from the keymaps), the crisis line, and a
/// contact page from `site.yaml` when the content has none.
enum BuiltInPages {
    static let helpID = "__help__"
    static let crisisID = "__crisis__"

    /// `kioskKeys`: add the kiosk's own keys (its bar shows them too) to "Everywhere". Never the
    /// staff chord: patients read this.
    /// `lettersSearch`: letters start a search, so bindings list only their other keys.
    static func help(_ glyphs: Glyphs, allowQuit: Bool, kioskKeys: Bool = false, lettersSearch: Bool = false) -> Document {
        var sections: [Section] = []
        for map in Keymap.all {
            var rows: [[[Inline]]] = []
            if map.context == .global, lettersSearch {
                rows.append([[.code("letters, digits")], [.text("Search: start typing what to find")]])
            }
            for binding in map.bindings {
                if binding.action == .quit && !allowQuit { continue }
                var shown = binding
                if map.context != .search { shown.keys = binding.keys(lettersSearch: lettersSearch) }
                if shown.keys.isEmpty { continue }
                rows.append([[.code(keysLabel(shown, glyphs))], [.text(binding.action.description(in: map.context))]])
                if map.context == .search, binding.action == .searchDelete {
                    // What the hint row's "back" means there (review J 9).
                    rows.append([[.code(keysLabel(shown, glyphs))],
                                 [.text("On results you came back to, until you type: go back")]])
                }
            }
            if map.context == .global, kioskKeys {
                rows.append([[.code(KioskKeys.startOver.label(glyphs))],
                             [.text("Start over (clears what you searched, opened and ticked)")]])
                rows.append([[.code(KioskKeys.takeHome.label(glyphs))],
                             [.text("Take this page home (QR code), on pages with a web address")]])
            }
            if map.context == .search {
                rows.insert([[.code("letters, digits")], [.text("Type the words to find; results update as you type")]], at: 0)
            }
            let table = Table(alignments: [.left, .left], header: [[.text("Keys")], [.text("What it does")]], rows: rows)
            sections.append(Section(id: map.context.rawValue, heading: map.context.title, blocks: [.table(table)]))
        }
        sections.append(Section(id: "mouse", heading: "Mouse and touch", blocks: [
            .list(ordered: false, start: 1, items: [
                [.paragraph([.text("Click or tap a menu item, link, question or box to open or tick it.")])],
                [.paragraph([.text("Click a heading in the contents to jump to it.")])],
                [.paragraph([.text("Use the wheel to scroll, or drag the page with a finger: it moves with the finger "
                    + "and opens nothing. A tap opens when the finger lifts.")])],
            ]),
        ]))
        return Document(id: helpID, kind: .article, title: "Help: keys", intro: [
            .paragraph([.text("Every key below works as shown on its screen. The bottom line of the screen always "
                + "shows the most useful keys. Press "), .strong([.text("Backspace")]),
                .text(" to go back to where you were.")]),
        ], sections: sections)
    }

    /// The keys of a binding as help shows them ("↓ j Ctrl-N", "1-9").
    static func keysLabel(_ binding: Binding, _ glyphs: Glyphs) -> String {
        if binding.action == .openNumbered { return "1-\(binding.keys.count)" }
        return binding.keys.map { $0.label(glyphs) }.joined(separator: " ")
    }

    static func crisis(_ sentence: String?) -> Document {
        var intro: [Block] = []
        if let sentence {
            intro.append(.paragraph([.strong([.text(sentence)])]))
            intro.append(.paragraph([.text("If you are in danger or thinking about harming yourself, please call now. "
                + "Any member of our staff will also help you straight away.")]))
        } else {
            intro.append(.paragraph([.text("If you need help now, please ask any member of our staff, "
                + "or call your local emergency number.")]))
        }
        return Document(id: crisisID, kind: .article, title: "Help right now", intro: intro)
    }

    static func contact() -> Document {
        Document(id: builtInContactID, kind: .contact, title: "Contact us")
    }
}
