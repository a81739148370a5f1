/// Writes the plain text of blocks and inlines (what a reader sees without markup, and what search
/// indexes) as UTF-8 into one byte buffer: non-empty blocks and list items on lines of their own,
/// a table's cells separated by spaces and its rows by newlines, a hard line break as a newline.
/// The one implementation of those rules: `Block.plainText` and friends (Block.swift) are Strings
/// made by it, and the index builder appends every section's text to one buffer with it, without a
/// String per block, list item and inline run (building and joining those was a tenth of the build).
enum PlainTextWriter {
    /// The text `write` appends, as a String.
    static func string(_ write: (inout [UInt8]) -> Void) -> String {
        var out: [UInt8] = []
        write(&out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `blocks.plainText`: the non-empty blocks, separated by newlines.
    static func append(_ blocks: [Block], to out: inout [UInt8]) {
        var wrote = false
        for block in blocks {
            let mark = out.count
            if wrote { out.append(0x0A) }
            let start = out.count
            append(block, to: &out)
            if out.count == start {
                out.removeLast(out.count - mark)   // an empty block adds no separator either
            } else {
                wrote = true
            }
        }
    }

    /// `block.plainText`.
    static func append(_ block: Block, to out: inout [UInt8]) {
        switch block {
        case .paragraph(let inlines), .heading(_, let inlines):
            append(inlines, to: &out)
        case .list(_, _, let items):
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x0A) }
                append(item, to: &out)
            }
        case .quote(let blocks):
            append(blocks, to: &out)
        case .table(let table):
            appendRow(table.header, to: &out)
            for row in table.rows {
                out.append(0x0A)
                appendRow(row, to: &out)
            }
        case .code(_, let text):
            appendUTF8(text, to: &out)
        case .rule:
            break
        }
    }

    /// A table row: its cells separated by spaces.
    private static func appendRow(_ cells: [[Inline]], to out: inout [UInt8]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { out.append(0x20) }
            append(cell, to: &out)
        }
    }

    /// Appends the UTF-8 of `text` with one copy: `append(contentsOf: text.utf8)` takes the
    /// generic sequence path, byte by byte, and was 70% of writing the text.
    @inline(__always)
    static func appendUTF8(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// `inlines.plainText`.
    static func append(_ inlines: [Inline], to out: inout [UInt8]) {
        for inline in inlines { append(inline, to: &out) }
    }

    /// `inline.plainText`.
    static func append(_ inline: Inline, to out: inout [UInt8]) {
        switch inline {
        case .text(let s), .code(let s): appendUTF8(s, to: &out)
        case .emphasis(let c), .strong(let c), .link(_, let c): append(c, to: &out)
        case .lineBreak: out.append(0x0A)
        }
    }
}
