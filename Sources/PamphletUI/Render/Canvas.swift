import Foundation

/// What a cell means; themes in the terminal layer turn roles into colours and attributes.
/// Views never name colours, so monochrome, NO_COLOR and high-contrast are just other tables.
public enum Role: String, Sendable, Hashable, CaseIterable {
    case normal, title, tagline, heading, subheading, emphasis, strong, code, link, linkFocused
    case highlight, selection, menuItem, menuSelected, border, statusBar, statusKey, hint, dim
    case warning, crisis, searchInput, quote, tableHeader, checkboxOn
}

/// One terminal cell: a grapheme cluster and its role. A wide character's second cell has `text == ""`.
///
/// Stored as plain bytes (16 per cell, no reference counting): a frame is created, compared with
/// the last one and dropped on every keystroke, so a cell must cost no more than copying it.
/// Clusters of up to 14 UTF-8 bytes (every letter, CJK character, flag and most emoji) are kept
/// inline; longer ones (family emoji, stacked combining marks) are kept once in a shared table.
public struct Cell: Sendable, Hashable {
    // UTF-8 bytes 0..<14 in memory order across (bytes0, bytes8, bytes12); `count` is their
    // number, or `Cell.long` when `bytes0` is an index into `LongClusters` (and `bytes8` the
    // cluster's first byte). Unused bytes are 0,
    // so equal texts have equal fields.
    @usableFromInline var bytes0: UInt64 = 0
    @usableFromInline var bytes8: UInt32 = 0
    @usableFromInline var bytes12: UInt16 = 0
    @usableFromInline var count: UInt8 = 0
    public var role: Role

    static let inlineCapacity = 14
    private static let asciiStrings: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }
    @usableFromInline static let long: UInt8 = 0xFF

    public init(text: String = " ", role: Role = .normal) {
        self.role = role
        store(text.utf8)
    }

    /// A cell for one grapheme cluster (no intermediate `String`).
    public init(_ ch: Character, role: Role) {
        self.role = role
        store(ch.utf8)
    }

    /// A cell for one ASCII character.
    init(ascii byte: UInt8, role: Role = .normal) {
        self.role = role
        bytes0 = UInt64(byte).littleEndian   // the byte first in memory, whatever the byte order
        count = 1
    }

    private mutating func store(_ utf8: some Collection<UInt8>) {
        var raw: (UInt64, UInt32, UInt16) = (0, 0, 0)
        let n = withUnsafeMutableBytes(of: &raw) { dst -> Int in
            var i = 0
            for byte in utf8 {
                if i == Self.inlineCapacity { return i + 1 }
                dst[i] = byte
                i += 1
            }
            return i
        }
        if n > Self.inlineCapacity {
            let bytes = Array(utf8)
            (bytes0, bytes8, bytes12) = (UInt64(LongClusters.shared.index(of: bytes)), UInt32(bytes[0]), 0)
            count = Self.long
        } else {
            (bytes0, bytes8, bytes12) = raw
            count = UInt8(n)
        }
    }

    /// The grapheme cluster ("" for the covered half of a wide character).
    public var text: String {
        get {
            if count == 1, bytes0 < 0x80 { return Self.asciiStrings[Int(bytes0)] }
            if count == Self.long { return LongClusters.shared.string(at: Int(bytes0)) }
            var raw = (bytes0, bytes8, bytes12)
            let n = Int(count)
            return withUnsafeBytes(of: &raw) { String(decoding: $0.prefix(n), as: UTF8.self) }
        }
        set { store(newValue.utf8) }
    }

    /// `text.isEmpty`, without making the string: the covered half of a wide character.
    @inlinable public var isEmptyText: Bool { count == 0 }

    /// Whether the text starts with a non-ASCII byte (only such a cell can be a wide character's
    /// left half), without making the string.
    @inlinable public var startsNonASCII: Bool {
        count == Self.long ? bytes8 >= 0x80 : count > 0 && UInt8(truncatingIfNeeded: bytes0.littleEndian) >= 0x80
    }

    /// The character's code when the text is one ASCII character (what a painter writes as is).
    @inlinable public var asciiValue: UInt8? {
        count == 1 && bytes0.littleEndian & 0xFF < 0x80 ? UInt8(truncatingIfNeeded: bytes0.littleEndian) : nil
    }

    /// Same text (byte for byte) and role.
    @inlinable public static func == (a: Cell, b: Cell) -> Bool {
        a.bytes0 == b.bytes0 && a.bytes8 == b.bytes8 && a.bytes12 == b.bytes12 && a.count == b.count && a.role == b.role
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(bytes0)
        hasher.combine(bytes8)
        hasher.combine(bytes12)
        hasher.combine(count)
        hasher.combine(role)
    }

    public static let blank = Cell()
    /// The covered right half of a wide character.
    public static let continuation = Cell(text: "", role: .normal)
}

extension Cell: CustomStringConvertible {
    public var description: String { "Cell(\(text.debugDescription), \(role))" }
}

/// Grapheme clusters too long to keep inside a `Cell`, each stored once for the life of the
/// process (they are rare: family emoji, stacked combining marks). Past `limit` distinct ones a
/// new cluster shows as U+FFFD (index 0), so hostile content cannot grow the table without bound.
final class LongClusters: @unchecked Sendable {
    static let shared = LongClusters()
    static let limit = 1 << 16

    private let lock = NSLock()
    private var strings: [String] = ["\u{FFFD}"]
    private var indices: [[UInt8]: Int] = [:]

    func index(of utf8: [UInt8]) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let i = indices[utf8] { return i }
        guard strings.count < Self.limit else { return 0 }
        strings.append(String(decoding: utf8, as: UTF8.self))
        indices[utf8] = strings.count - 1
        return strings.count - 1
    }

    func string(at i: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        return strings.indices.contains(i) ? strings[i] : "\u{FFFD}"
    }
}

/// A grid of styled cells that views draw into; the terminal paints only what changed (ratatui's Buffer).
public struct Canvas: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// Direct access to the cells for a bulk copy (one uniqueness check, not one per cell).
    mutating func withCells(_ body: (inout UnsafeMutableBufferPointer<Cell>) -> Void) {
        cells.withUnsafeMutableBufferPointer(body)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { (0..<width).contains(x) && (0..<height).contains(y) ? cells[y * width + x] : .blank }
        set {
            guard (0..<width).contains(x), (0..<height).contains(y) else { return }
            cells[y * width + x] = newValue
        }
    }
}
