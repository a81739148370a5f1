/// What activating a focusable thing on a page does.
enum TargetAction: Sendable, Hashable {
    case open(Route)
    /// A `doc` or `doc#section` cross-reference.
    case reference(String)
    /// Expand or collapse an FAQ question (its section index).
    case toggleQuestion(Int)
    /// Tick or untick a self-check item (its id).
    case toggleItem(String)
    case showOutcome
    case openSearch
}

/// Columns `start..<end` of a laid-out line (text-column coordinates).
struct Span: Sendable, Hashable {
    var line: Int
    var start: Int
    var end: Int
}

/// Something on a page that can be focused and activated (link, menu item, question, checkbox).
struct PageTarget: Sendable {
    var key: TargetKey
    var action: TargetAction
    /// The cells drawn in `focusRole` while it is focused.
    var spans: [Span]
    var focusRole: Role
    /// Whole rows that a click anywhere on selects this target (menus), besides the spans.
    var rowLines: Range<Int>?

    /// Menu items, questions and checkboxes (arrows move between these); links are reached with Tab.
    var isPrimary: Bool { focusRole == .menuSelected }

    var firstLine: Int { spans.first?.line ?? rowLines?.lowerBound ?? 0 }
    var lastLine: Int { max(spans.last?.line ?? 0, (rowLines?.upperBound ?? 1) - 1) }

    func contains(line: Int, column: Int) -> Bool {
        if let rowLines, rowLines.contains(line) { return true }
        return spans.contains { $0.line == line && column >= $0.start && column < $0.end }
    }
}

/// One row of laid-out text: its cells (wide characters followed by a continuation cell) and,
/// per cell, the Unicode-scalar offset of its character in the section's text (-1: decoration).
struct LaidLine: Sendable {
    var cells: [Cell]
    var offsets: [Int32]
    /// The section this line belongs to (-1: title, intro or a page without sections).
    var section: Int
}

/// An entry of the table of contents.
struct ContentsEntry: Sendable, Hashable {
    var title: String
    var level: Int
    /// Section index, or -1 for the page's beginning ("Overview").
    var section: Int
}

/// A search match on the page, as cell columns of one line.
struct MatchSpan: Sendable, Hashable {
    var line: Int
    var start: Int
    var end: Int
    var section: Int
}

/// A page laid out for one text width: every screen's body is one of these, built once per
/// width and variant and cached, so scrolling and repainting never re-wrap text.
struct PageLayout: Sendable {
    var lines: [LaidLine] = []
    /// First line of each section; the lines before `sectionStarts[0]` are the intro.
    var sectionStarts: [Int] = []
    var contents: [ContentsEntry] = []
    var targets: [PageTarget] = []
    var matches: [MatchSpan] = []
    /// The page's own keys (also decides whether arrows scroll or move between targets).
    var context: KeyContext = .reading
    /// Breadcrumb title of the page.
    var title: String = ""
    /// Section headings, for breadcrumbs.
    var sectionTitles: [String] = []

    /// The target focused when nothing is yet: the first menu item, question or checkbox.
    var primaryTarget: Int?

    var lineCount: Int { lines.count }

    /// Estimated bytes held: per cell a `Cell` and an offset, per line its two arrays' headers
    /// and allocations and the line itself. Measured: within a few percent of the resident memory
    /// a large page's layout adds.
    var cost: Int {
        var cells = 0
        for line in lines { cells += line.cells.count }
        let perCell = MemoryLayout<Cell>.stride + MemoryLayout<Int32>.stride
        let perLine = MemoryLayout<LaidLine>.stride + 2 * 48
        return cells * perCell + lines.count * perLine + 1024
    }

    /// Arrows move between targets (menus, questions, checkboxes) instead of scrolling.
    var arrowsMoveFocus: Bool { context == .menu || context == .faq || context == .checklist }

    func start(ofSection s: Int) -> Int {
        s < 0 || sectionStarts.isEmpty ? 0 : sectionStarts[min(s, sectionStarts.count - 1)]
    }

    func end(ofSection s: Int) -> Int {
        if sectionStarts.isEmpty { return lines.count }
        if s < 0 { return sectionStarts[0] }
        return s + 1 < sectionStarts.count ? sectionStarts[s + 1] : lines.count
    }

    /// The section a line is in (-1 before the first section).
    func section(atLine line: Int) -> Int {
        var lo = 0, hi = sectionStarts.count - 1, found = -1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if sectionStarts[mid] <= line { found = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        return found
    }

    func targetIndex(_ key: TargetKey?) -> Int? {
        guard let key else { return nil }
        return targets.firstIndex { $0.key == key }
    }
}
