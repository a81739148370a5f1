/// The menu a saved web page starts with ("Skip to content" / "Home" / "About Us" / ... / "Menu")
/// and the legal lines it ends with ("© 2026 Clinic. All rights reserved." / "Privacy Policy |
/// Terms of Use"). Without this the title became "Skip to content".
///
/// Only unmistakable chrome goes: short lines of known words, at the very start or the very end.
enum PageChrome {
    /// Menu entries web pages put before the content (compared lowercased, spaces collapsed).
    static let menuWords: Set<String> = [
        "home", "menu", "main menu", "open menu", "close menu", "close", "toggle navigation", "navigation",
        "about", "about us", "services", "our services", "contact", "contact us", "blog", "news", "search",
        "faq", "faqs", "resources", "locations", "our team", "team", "careers", "patients", "new patients",
        "treatments", "conditions", "conditions we treat", "appointments", "book online", "log in", "login",
        "sign in", "shop", "cart", "donate", "english", "español", "en", "es",
    ]

    /// Legal links a page ends with.
    static let legalWords: Set<String> = [
        "privacy policy", "privacy", "privacy notice", "terms of use", "terms", "terms of service",
        "terms and conditions", "terms & conditions", "cookie policy", "cookies", "cookie settings",
        "accessibility", "accessibility statement", "sitemap", "site map", "disclaimer", "legal", "imprint",
        "back to top", "scroll to top", "all rights reserved", "all rights reserved.",
    ]

    static let linkSeparators: Set<Character> = ["|", "•", "·", "/", "¦", "-", "–"]

    /// Indices of the menu lines at the start: a run of short lines (blank lines between them are
    /// fine) that opens with a "Skip to ..." link or a known menu word, and has a skip link or at
    /// least two known menu words (one row "Home | About Us | Contact" has three). Unknown short
    /// entries count only between known ones ("Home / Ketamine / Contact Us"), so a short title
    /// right after the menu stays.
    static func leading(_ lines: [SourceLine]) -> [Int] {
        var known = 0, skipLink = false
        var lastKnown: Int?
        for index in lines.indices {
            let line = lines[index]
            if line.isBlank { continue }
            let key = Reflow.collapseSpaces(line.text).lowercased()
            // "Home | About Us | Services | Contact" is longer than one entry but is a whole menu.
            let row = menuRowEntries(key)
            guard (key.count <= 40 && key.split(separator: " ").count <= 5) || (row >= 2 && key.count <= 160) else { break }
            if lastKnown == nil, !isSkipLink(key), row == 0 { break }
            if isSkipLink(key) {
                skipLink = true
            } else if row > 0 {
                known += row
            } else if !isShortEntry(line.text) {
                break
            } else {
                continue
            }
            lastKnown = index
        }
        guard let lastKnown, skipLink || known >= 2 else { return [] }
        return lines.indices.filter { $0 <= lastKnown && !lines[$0].isBlank }
    }

    /// Indices of the legal lines at the end: "© 2026 ...", "Copyright ...", "All rights reserved",
    /// rows of legal links. Walks back from the last line and stops at the first other line.
    static func trailing(_ lines: [SourceLine]) -> [Int] {
        var found: [Int] = []
        for index in lines.indices.reversed() {
            let line = lines[index]
            if line.isBlank { continue }
            guard isLegalLine(line.text) else { break }
            found.append(index)
        }
        return found
    }

    static func isSkipLink(_ key: String) -> Bool {
        key.hasPrefix("skip to ") || key == "skip navigation" || key == "jump to content"
    }

    /// The number of entries of a menu row, each a known menu word ("about us" -> 1,
    /// "home | about us | contact" -> 3); 0 when any entry is not one.
    static func menuRowEntries(_ key: String) -> Int {
        let entries = key.split { linkSeparators.contains($0) }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return entries.allSatisfy { menuWords.contains($0) } ? entries.count : 0
    }

    /// A menu entry the lists do not know ("Ketamine Therapy"): up to three words, no sentence punctuation.
    static func isShortEntry(_ text: String) -> Bool {
        let t = Reflow.collapseSpaces(text)
        return t.split(separator: " ").count <= 3 && t.count <= 30 && !t.contains { ".?!:;,".contains($0) }
    }

    static func isLegalLine(_ text: String) -> Bool {
        let t = Reflow.collapseSpaces(text)
        let key = t.lowercased()
        guard key.count <= 160, key.split(separator: " ").count <= 20 else { return false }
        if key.hasPrefix("©") || key.hasPrefix("(c) ") || key.hasPrefix("copyright ©") || key.hasPrefix("copyright (c)") {
            return true
        }
        if key.hasPrefix("copyright "), key.dropFirst(10).prefix(4).allSatisfy(\.isNumber) { return true }
        if key.contains("all rights reserved") { return true }
        let entries = key.split { linkSeparators.contains($0) }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return !entries.isEmpty && entries.allSatisfy { legalWords.contains($0) }
    }
}
