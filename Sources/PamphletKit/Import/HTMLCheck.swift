import Foundation

/// Refuses HTML: a saved `.html` page imported as text gave a title of `<!DOCTYPE html ...>` and a
/// body of escaped tags. The importer takes the page saved as text, so HTML gets a clear message.
enum HTMLCheck {
    static let message = "looks like HTML: save the page as text (in a browser: Save as, Text) and import that"

    /// An error naming the file when `data` is HTML, else nil.
    static func problem(_ data: Data, sourceName: String) -> Diagnostic? {
        isHTMLFileName(sourceName) || looksLikeHTML(data) ? .error(sourceName, message) : nil
    }

    /// A file saved as `.html`/`.htm`/`.xhtml` is HTML whatever it opens with: a page fragment of a
    /// dozen tags (review C 7) is too little markup for `mostlyTags` to be sure of from the bytes.
    static func isHTMLFileName(_ name: String) -> Bool {
        let ext = (name as NSString).pathExtension.lowercased()
        return ["html", "htm", "xhtml", "shtml"].contains(ext)
    }

    /// HTML when, after white space and a byte-order mark, the text opens with `<!DOCTYPE html`,
    /// `<html` or `<?xml ... <html` (any case), or when most of its first 64 KB is inside tags.
    static func looksLikeHTML(_ data: Data) -> Bool {
        let bytes = [UInt8](data.droppingUTF8BOM.prefix(65_536))
        var start = 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(bytes[start]) { start += 1 }
        let head = String(decoding: bytes[start..<min(bytes.count, start + 512)], as: UTF8.self).lowercased()
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") { return true }
        if head.hasPrefix("<?xml"), head.contains("<html") { return true }
        return mostlyTags(bytes[start...])
    }

    /// At least 20 tags (`<p>`, `</div>`, `<a href=...>`) and more than half of the non-space
    /// bytes inside them: a page's markup, not text that mentions a tag or two.
    static func mostlyTags(_ bytes: ArraySlice<UInt8>) -> Bool {
        var tags = 0, inTag = 0, visible = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let b = bytes[index]
            if b == UInt8(ascii: "<"), index + 1 < bytes.endIndex, isTagStart(bytes[index + 1]),
               let close = bytes[index...].prefix(2048).firstIndex(of: UInt8(ascii: ">")) {
                tags += 1
                inTag += bytes[index...close].filter { !isSpace($0) }.count
                visible += bytes[index...close].filter { !isSpace($0) }.count
                index = close + 1
                continue
            }
            if !isSpace(b) { visible += 1 }
            index += 1
        }
        return tags >= 20 && inTag * 2 > visible
    }

    private static func isTagStart(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || b == UInt8(ascii: "/") || b == UInt8(ascii: "!")
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
