import Foundation
import PamphletKit

/// One character on its way into a line: its width, role, offset in the section text and link.
struct Glyph: Sendable {
    var ch: Character
    var width: Int
    var role: Role
    var offset: Int32
    var target: Int32
}

/// Builds a `PageLayout` line by line: wraps styled text at word boundaries (never inside a
/// grapheme cluster; wide characters may break anywhere), records section starts, focusable
/// targets and each section's plain text for highlighting search matches.
struct PageBuilder {
    let width: Int
    let glyphs: Glyphs
    var layout = PageLayout()
    /// Whether a link to something other than a web page, an email address or a phone number
    /// shows its target ("/srv/leaflets/a.pdf"). The kiosk turns it off: no file path in front of patients.
    var showsLocalLinkTargets = true
    /// Rendered plain text per section, index `section + 1` (0 is the intro).
    var sectionTexts: [String] = [""]
    private(set) var section = -1
    private var scalarCount: Int32 = 0

    init(width: Int, glyphs: Glyphs) {
        self.width = max(4, width)
        self.glyphs = glyphs
    }

    // MARK: sections and targets

    mutating func beginSection(_ index: Int, title: String) {
        section = index
        layout.sectionStarts.append(layout.lines.count)
        layout.sectionTitles.append(title)
        sectionTexts.append("")
        scalarCount = 0
    }

    mutating func addTarget(_ key: String, _ action: TargetAction, focusRole: Role = .linkFocused) -> Int32 {
        layout.targets.append(PageTarget(key: TargetKey(key), action: action, spans: [], focusRole: focusRole))
        if focusRole == .menuSelected && layout.primaryTarget == nil { layout.primaryTarget = layout.targets.count - 1 }
        return Int32(layout.targets.count - 1)
    }

    /// Makes a whole block of rows (from `line` to the current end) clickable for a target.
    mutating func claimRows(for target: Int32, from line: Int) {
        layout.targets[Int(target)].rowLines = line..<layout.lines.count
    }

    // MARK: text into glyphs

    /// Glyphs for plain text; `searchable` text is added to the section's text (so matches highlight).
    mutating func glyphs(_ text: String, role: Role, target: Int32 = -1, searchable: Bool = true) -> [Glyph] {
        var out: [Glyph] = []
        out.reserveCapacity(text.utf8.count)
        var offset = scalarCount
        for ch in text {
            let isBreak = ch == "\n" || ch == "\r\n"
            out.append(Glyph(ch: isBreak ? "\n" : ch, width: isBreak ? 0 : TextMetrics.width(ch), role: role,
                             offset: searchable ? offset : -1, target: target))
            offset += Int32(ch.unicodeScalars.count)
        }
        if searchable {
            sectionTexts[section + 1] += text
            scalarCount = offset
        }
        return out
    }

    /// Glyphs for inline markup: emphasis, strong, code and links get their roles; cross-references
    /// become focusable targets, web links show their address after the text.
    mutating func glyphs(_ inlines: [Inline], role: Role, linkCounter: inout Int) -> [Glyph] {
        var out: [Glyph] = []
        for inline in inlines {
            switch inline {
            case .text(let s):
                out += glyphs(s, role: role)
            case .emphasis(let c):
                out += glyphs(c, role: stronger(role, .emphasis), linkCounter: &linkCounter)
            case .strong(let c):
                out += glyphs(c, role: stronger(role, .strong), linkCounter: &linkCounter)
            case .code(let s):
                out += glyphs(s, role: stronger(role, .code))
            case .lineBreak:
                out += glyphs("\n", role: role)
            case .link(let target, let c):
                if target.hasPrefix(ContentReference.scheme) {
                    linkCounter += 1
                    let t = addTarget("link:\(section):\(linkCounter)", .reference(target))
                    for var g in glyphs(c, role: .link, linkCounter: &linkCounter) {
                        g.target = t
                        out.append(g)
                    }
                } else {
                    let text = c.plainText
                    out += glyphs(c, role: .link, linkCounter: &linkCounter)
                    let shown = target.replacingOccurrences(of: "mailto:", with: "")
                        .replacingOccurrences(of: "tel:", with: "")
                    let isPublic = ["http://", "https://", "mailto:", "tel:"].contains { target.lowercased().hasPrefix($0) }
                    if shown != text, isPublic || showsLocalLinkTargets { out += glyphs(" (\(shown))", role: .dim) }
                }
            }
        }
        return out
    }

    private func stronger(_ a: Role, _ b: Role) -> Role {
        func rank(_ r: Role) -> Int {
            switch r {
            case .link: 5
            case .code: 4
            case .strong: 3
            case .emphasis: 2
            default: 1
            }
        }
        return rank(b) >= rank(a) ? b : a
    }

    /// Ends a block in the section text, so words of adjacent blocks never run together.
    mutating func endBlockText() { addText("\n") }

    /// Adds text to the section's searchable text that is not drawn (separators).
    mutating func addText(_ s: String) {
        sectionTexts[section + 1].append(s)
        scalarCount += Int32(s.unicodeScalars.count)
    }

    // MARK: lines

    mutating func blank(prefix: [Cell] = []) {
        layout.lines.append(LaidLine(cells: prefix, offsets: Array(repeating: -1, count: prefix.count), section: section))
    }

    /// Ensures exactly one blank line before the next block (none at the top of the page).
    mutating func gap(prefix: [Cell] = []) {
        let prefix = capped(prefix)
        guard let last = layout.lines.last else { return }
        if last.cells.allSatisfy({ $0.text == " " || $0.text == "" }) && last.cells.count <= prefix.count { return }
        blank(prefix: prefix)
    }

    /// Appends a line of cells that is decoration only.
    mutating func line(_ cells: [Cell]) {
        layout.lines.append(LaidLine(cells: cells, offsets: Array(repeating: -1, count: cells.count), section: section))
    }

    /// Appends a decoration line written from a string.
    mutating func line(_ text: String, role: Role, indent: Int = 0) {
        line(Self.cells(String(repeating: " ", count: indent), role: .normal) + Self.cells(text, role: role))
    }

    static func cells(_ text: String, role: Role) -> [Cell] {
        var out: [Cell] = []
        for ch in text {
            let w = TextMetrics.width(ch)
            if w == 0 { continue }
            out.append(Cell(ch, role: role))
            if w == 2 { out.append(Cell(text: "", role: role)) }
        }
        return out
    }

    static func spaces(_ n: Int) -> [Cell] { Array(repeating: .blank, count: max(0, n)) }

    /// Wraps glyphs into lines of at most `width` cells, the first line after `first`, the rest after
    /// `rest` (a hanging indent). Returns the index of the first line added.
    @discardableResult
    mutating func wrap(_ text: [Glyph], first: [Cell] = [], rest: [Cell]? = nil, fillRole: Role? = nil) -> Int {
        let startLine = layout.lines.count
        let first = capped(first)
        let rest = capped(rest ?? Self.spaces(first.count))
        var lineIndex = 0
        for row in Self.wrapRows(text, firstWidth: width - first.count, restWidth: width - rest.count) {
            let prefix = lineIndex == 0 ? first : rest
            emit(row, prefix: prefix, fillRole: fillRole)
            lineIndex += 1
        }
        return startLine
    }

    /// Columns of text a wrapped line always keeps, however deep its list or quote indentation.
    var minimumTextWidth: Int { min(16, max(1, width / 2)) }

    /// `prefix` without the indentation that would leave fewer than `minimumTextWidth` columns
    /// of text: its leading cells go, so a list's marker and a quote's innermost bar stay (review
    /// H 7: at 30 columns, items from level 13 were blank rows).
    func capped(_ prefix: [Cell]) -> [Cell] {
        let room = width - minimumTextWidth
        return prefix.count <= room ? prefix : Array(prefix.suffix(max(0, room)))
    }

    /// Appends one laid-out line; a link's glyphs on the same line become one span.
    mutating func emit(_ row: [Glyph], prefix: [Cell], fillRole: Role?) {
        // Exactly the cells the line holds: a cached layout keeps every line's arrays, and the
        // width reserved for the cells and the doubling growth of the offsets had held about a
        // third more than used (review H 2: a 20 MB page's layout took ~500 MB).
        var count = prefix.count
        for g in row { count += g.width == 2 ? 2 : 1 }
        if fillRole != nil { count = max(count, width) }
        var cells: [Cell] = []
        var offsets: [Int32] = []
        cells.reserveCapacity(count)
        offsets.reserveCapacity(count)
        cells += prefix
        offsets += repeatElement(-1, count: prefix.count)
        let lineNo = layout.lines.count
        for g in row {
            let col = cells.count
            cells.append(Cell(g.ch, role: g.role))
            offsets.append(g.offset)
            if g.width == 2 {
                cells.append(Cell(text: "", role: g.role))
                offsets.append(g.offset)
            }
            if g.target >= 0 {
                let t = Int(g.target)
                if var last = layout.targets[t].spans.last, last.line == lineNo, last.end == col {
                    last.end = cells.count
                    layout.targets[t].spans[layout.targets[t].spans.count - 1] = last
                } else {
                    layout.targets[t].spans.append(Span(line: lineNo, start: col, end: cells.count))
                }
            }
        }
        if let fillRole, cells.count < width {
            cells += Array(repeating: Cell(text: " ", role: fillRole), count: width - cells.count)
            offsets += Array(repeating: -1, count: width - offsets.count)
        }
        layout.lines.append(LaidLine(cells: cells, offsets: offsets, section: section))
    }

    /// Greedy word wrap. Breaks at spaces, around wide characters (CJK has no spaces), and inside a
    /// word only when the word alone is wider than the line; never inside a grapheme cluster.
    static func wrapRows(_ text: [Glyph], firstWidth: Int, restWidth: Int) -> [[Glyph]] {
        var rows: [[Glyph]] = []
        var line: [Glyph] = []
        var lineWidth = 0
        var pending: [Glyph] = []
        var pendingWidth = 0
        var limit = max(1, firstWidth)
        func commit() {
            rows.append(line)
            line = []
            lineWidth = 0
            limit = max(1, restWidth)
        }
        var i = 0
        let n = text.count
        while i < n {
            let g = text[i]
            if g.ch == "\n" {
                commit()
                pending = []
                pendingWidth = 0
                i += 1
                continue
            }
            if g.ch == " " || g.ch == "\t" {
                if !line.isEmpty {
                    var s = g
                    s.ch = " "
                    s.width = 1
                    pending.append(s)
                    pendingWidth += 1
                }
                i += 1
                continue
            }
            // A word: up to the next space, or a single wide character (a break is allowed around it),
            // keeping closing punctuation after a wide character attached to it.
            var j = i
            var wordWidth = 0
            repeat {
                wordWidth += text[j].width
                j += 1
            } while j < n && text[j].ch != " " && text[j].ch != "\t" && text[j].ch != "\n"
                && ((text[j - 1].width < 2 && text[j].width < 2) || isClosingPunctuation(text[j].ch))
            if lineWidth + pendingWidth + wordWidth <= limit {
                line += pending
                lineWidth += pendingWidth
            } else if !line.isEmpty {
                commit()
            }
            pending = []
            pendingWidth = 0
            if lineWidth + wordWidth <= limit {
                line.append(contentsOf: text[i..<j])
                lineWidth += wordWidth
            } else {
                // Longer than a whole line: break between grapheme clusters.
                for k in i..<j {
                    let w = text[k].width
                    if lineWidth + w > limit && !line.isEmpty { commit() }
                    line.append(text[k])
                    lineWidth += w
                }
            }
            i = j
        }
        if !line.isEmpty || rows.isEmpty { rows.append(line) }
        return rows
    }

    private static func isClosingPunctuation(_ ch: Character) -> Bool {
        "、。，．！？）」』】〉》,.!?:;)".contains(ch)
    }
}
