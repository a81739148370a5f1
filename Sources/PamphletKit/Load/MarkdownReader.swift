import CCMarkGFM

/// One top-level element of a Markdown body: a heading (which may start a section) or any other block.
enum BodyElement: Equatable {
    case heading(level: Int, inlines: [Inline], line: Int)
    case block(Block, line: Int)
}

/// A link found in a body, where it is in the file (for cross-reference checks).
struct LocatedLink: Equatable {
    var target: String
    var line: Int
    var column: Int
}

/// Parses a Markdown body with libcmark-gfm (CommonMark + the GFM table extension) and maps its
/// syntax tree into the model's `Block`/`Inline` values. All cmark memory is freed before returning.
struct MarkdownReader {
    let path: String
    /// File line of the body's first line.
    let firstLine: Int
    private(set) var links: [LocatedLink] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Deeper quotes/lists (or emphasis) are flattened: everything downstream walks blocks recursively.
    static let maximumDepth = 32
    private var warnedDepth = false

    init(path: String, firstLine: Int) {
        self.path = path
        self.firstLine = firstLine
    }

    /// The GFM extensions register once per process (swift_once makes this thread-safe).
    // The registry is written once here and only read afterwards.
    nonisolated(unsafe) private static let tableExtension: OpaquePointer? = {
        cmark_gfm_core_extensions_ensure_registered()
        return cmark_find_syntax_extension("table")
    }()

    /// The body's top-level elements in order.
    mutating func read(_ markdown: String) -> [BodyElement] {
        Self.withDocument(markdown, tables: true) { root in
            var elements: [BodyElement] = []
            for node in Self.children(of: root) {
                let line = fileLine(node)
                if cmark_node_get_type(node) == CMARK_NODE_HEADING {
                    elements.append(.heading(level: Int(cmark_node_get_heading_level(node)), inlines: inlines(of: node), line: line))
                } else if let block = block(node, depth: 0) {
                    elements.append(.block(block, line: line))
                }
            }
            return elements
        } ?? []
    }

    /// Parses `markdown` with libcmark-gfm (GFM tables when `tables`) and hands `body` the
    /// document node; the parser and the tree are freed after. Nil when either cannot be made.
    static func withDocument<R>(_ markdown: String, tables: Bool, _ body: (OpaquePointer) -> R) -> R? {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
        defer { cmark_parser_free(parser) }
        if tables, let table = tableExtension { cmark_parser_attach_syntax_extension(parser, table) }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let root = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(root) }
        return body(root)
    }

    // MARK: Blocks

    private mutating func blocks(in node: OpaquePointer, depth: Int) -> [Block] {
        if depth >= Self.maximumDepth { return flattenedBlocks(in: node) }
        return Self.children(of: node).compactMap { block($0, depth: depth) }
    }

    private mutating func block(_ node: OpaquePointer, depth: Int) -> Block? {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_PARAGRAPH:
            let content = inlines(of: node)
            return content.isEmpty ? nil : .paragraph(content)
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node))
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let items = Self.children(of: node).map { blocks(in: $0, depth: depth + 1) }
            return .list(ordered: ordered, start: ordered ? Int(cmark_node_get_list_start(node)) : 1, items: items)
        case CMARK_NODE_BLOCK_QUOTE:
            return .quote(blocks(in: node, depth: depth + 1))
        case CMARK_NODE_CODE_BLOCK:
            var code = string(cmark_node_get_literal(node))
            if code.hasSuffix("\n") { code.removeLast() }
            let info = string(cmark_node_get_fence_info(node)).split(separator: " ").first.map(String.init)
            return .code(language: info, text: code)
        case CMARK_NODE_THEMATIC_BREAK:
            return .rule
        case CMARK_NODE_HTML_BLOCK:
            warn(node, "raw HTML is not shown to readers; write it as Markdown")
            return nil
        default:
            if typeName(node) == "table" { return table(node) }
            return nil
        }
    }

    private mutating func table(_ node: OpaquePointer) -> Block {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Table.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for i in 0..<columns {
                switch raw[i] {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        } else {
            alignments = Array(repeating: .none, count: columns)
        }
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in Self.children(of: node) {
            let cells = Self.children(of: row).map { inlines(of: $0) }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 && header.isEmpty {
                header = cells
            } else {
                rows.append(cells)
            }
        }
        return .table(Table(alignments: alignments, header: header, rows: rows))
    }

    // MARK: Inlines

    /// The leaf blocks (paragraphs, code, tables, ...) anywhere below `node`, in order, without
    /// their quote/list containers. Walks with cmark's iterator, so depth costs no stack.
    private mutating func flattenedBlocks(in node: OpaquePointer) -> [Block] {
        guard let iterator = cmark_iter_new(node) else { return [] }
        defer { cmark_iter_free(iterator) }
        var out: [Block] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), current != node else { continue }
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_LIST || type == CMARK_NODE_ITEM || type == CMARK_NODE_BLOCK_QUOTE {
                // The first container flattened, not `node` (still drawn as a list item or quote):
                // the warning names the first line shown flattened (review H 7).
                if !warnedDepth {
                    warnedDepth = true
                    warn(current, "quotes or lists nested more than \(Self.maximumDepth) deep are shown flattened")
                }
                continue
            }
            guard type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK) else { continue }
            if let block = block(current, depth: 0) { out.append(block) }
            // Skip this leaf's inside: it has been converted whole.
            cmark_iter_reset(iterator, current, CMARK_EVENT_EXIT)
        }
        return out
    }

    private mutating func inlines(of node: OpaquePointer, depth: Int = 0) -> [Inline] {
        if depth >= Self.maximumDepth { return [.text(flattenedText(of: node))] }
        var out: [Inline] = []
        // Neighbouring text runs are merged (cmark splits text at entities, brackets and line
        // ends): appended to one string, then copied once at its exact size. Joining them pairwise
        // left each paragraph's string with up to twice the room it needs, a quarter of a loaded
        // library's memory.
        var merged = "", runs = 0
        func flush() {
            guard runs > 0 else { return }
            out.append(.text(runs == 1 ? merged : merged.withUTF8 { String(decoding: $0, as: UTF8.self) }))
            (merged, runs) = ("", 0)
        }
        for child in Self.children(of: node) {
            for inline in inline(child, depth: depth + 1) {
                if case .text(let next) = inline {
                    if runs == 0 { merged = next } else { merged += next }
                    runs += 1
                } else {
                    flush()
                    out.append(inline)
                }
            }
        }
        flush()
        return out
    }

    /// The text of every inline below `node`, without markup (iterative).
    private func flattenedText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var out = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: out += string(cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            default: break
            }
        }
        return out
    }

    private mutating func inline(_ node: OpaquePointer, depth: Int) -> [Inline] {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return [.text(string(cmark_node_get_literal(node)))]
        case CMARK_NODE_SOFTBREAK: return [.text(" ")]
        case CMARK_NODE_LINEBREAK: return [.lineBreak]
        case CMARK_NODE_CODE: return [.code(string(cmark_node_get_literal(node)))]
        case CMARK_NODE_EMPH: return [.emphasis(inlines(of: node, depth: depth))]
        case CMARK_NODE_STRONG: return [.strong(inlines(of: node, depth: depth))]
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let target = string(cmark_node_get_url(node))
            if target.hasPrefix(ContentReference.scheme) {
                let (line, column) = position(node)
                links.append(LocatedLink(target: target, line: line, column: column))
            } else if !Self.isOutsideAddress(target) {
                // A file path, file:, javascript: or data: goes nowhere for a reader (and a kiosk
                // must not open such things): the text shows, the link does not work.
                let shown = target.count > 60 ? String(target.prefix(57)) + "..." : target
                warn(node, target.isEmpty ? "link without a target"
                    : "link '\(shown)' goes nowhere for readers: use pamphlet:doc-id#section for a page here, or an https:, mailto: or tel: address")
            }
            return [.link(target: target, inlines(of: node, depth: depth))]
        case CMARK_NODE_HTML_INLINE:
            let html = string(cmark_node_get_literal(node)).lowercased().filter { !$0.isWhitespace }
            if html == "<br>" || html == "<br/>" { return [.lineBreak] }
            warn(node, "raw HTML is not shown to readers; write it as Markdown")
            return []
        default:
            // Any other inline (an extension's): keep its text.
            return inlines(of: node, depth: depth)
        }
    }

    // MARK: Helpers

    /// The children of `node`, in order.
    static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            out.append(current)
            child = cmark_node_next(current)
        }
        return out
    }

    private func typeName(_ node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// File line of a node: cmark counts from the body's first line. Inline nodes without a
    /// position fall back to their nearest positioned ancestor.
    private func fileLine(_ node: OpaquePointer) -> Int {
        position(node).line
    }

    private func position(_ node: OpaquePointer) -> (line: Int, column: Int) {
        var current: OpaquePointer? = node
        while let n = current {
            let line = Int(cmark_node_get_start_line(n))
            if line > 0 { return (line + firstLine - 1, max(1, Int(cmark_node_get_start_column(n)))) }
            current = cmark_node_parent(n)
        }
        return (firstLine, 1)
    }

    /// An address outside the content a reader can follow (the browser shows it, a kiosk offers a
    /// QR code): https:, http:, mailto: or tel:.
    static func isOutsideAddress(_ target: String) -> Bool {
        let lower = target.lowercased()
        return ["https://", "http://", "mailto:", "tel:"].contains { lower.hasPrefix($0) && lower.count > $0.count }
    }

    private mutating func warn(_ node: OpaquePointer, _ message: String) {
        let (line, column) = position(node)
        diagnostics.append(.warning(path, line: line, column: column, message))
    }
}
