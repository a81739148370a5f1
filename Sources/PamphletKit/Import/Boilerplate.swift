/// Recognises the parts of a saved web page that are not the page's content: comment forms,
/// calls to action, bullet separators and the taglines that trail the page.
enum Boilerplate {
    /// Lines of a blog comment form, dropped wherever they stand (compared lowercased, spaces collapsed).
    static let commentForm: Set<String> = [
        "leave a reply", "leave a comment", "leave a reply cancel reply", "cancel reply",
        "your email address will not be published.", "your email address will not be published",
        "your email address will not be published. required fields are marked *",
        "required fields are marked *", "post comment", "submit comment",
        "save my name, email, and website in this browser for the next time i comment.",
        "notify me of follow-up comments by email.", "notify me of new posts by email.",
    ]

    /// Form field labels: dropped only just after a comment form starts (elsewhere they may be words).
    static let formFields: Set<String> = ["comment", "comment *", "name", "name *", "email", "email *", "website"]

    /// Calls to action, as letters only. A line made only of these (even run together, as in
    /// "Call Us TodayCall Us Today") is navigation or a button, not content.
    static let callsToAction: [String] = [
        "call us today", "call us now", "call now", "call today", "contact us", "contact us today",
        "get in touch", "book now", "book an appointment", "book a consultation", "request an appointment",
        "schedule an appointment", "schedule a consultation", "learn more", "read more", "click here",
        "share this", "share this post", "follow us", "subscribe", "sign up", "get started",
    ].map(letters)

    /// Separator glyphs that web pages put around short link rows ("• • Get in touch • •").
    static let separatorGlyphs: Set<Character> = ["•", "·", "●", "◦", "▪", "■", "□", "♦", "★", "☆", "|", "»", "«", "¦"]

    enum Verdict: Equatable { case content, commentForm, callToAction, separator }

    /// Classifies every line; `lines` keep their numbers. Form fields count only within a few lines of a form start.
    static func classify(_ lines: [SourceLine]) -> [Verdict] {
        var verdicts: [Verdict] = []
        var formLinesLeft = 0
        // A call to action with a phone number is a banner only when the page repeats it; once, it
        // may be the answer itself ("How do I book? / Call us today: (555) 123-4567"), so it stays.
        var phoneBannerCount: [String: Int] = [:]
        for line in lines where !line.isBlank && isCallToActionWithPhone(line.text) {
            phoneBannerCount[Reflow.collapseSpaces(line.text), default: 0] += 1
        }
        for line in lines {
            // Boilerplate lines are short; long lines skip the checks (they are content).
            guard !line.isBlank, line.text.utf8.count <= 240 else { verdicts.append(.content); continue }
            let key = Reflow.collapseSpaces(line.text).lowercased()
            if commentForm.contains(key) {
                verdicts.append(.commentForm)
                formLinesLeft = 8
                continue
            }
            if formLinesLeft > 0 {
                formLinesLeft -= 1
                if formFields.contains(key) { verdicts.append(.commentForm); continue }
            }
            if isSeparator(line.text) { verdicts.append(.separator); continue }
            if isCallToAction(line.text) || isDoubled(line.text)
                || (phoneBannerCount[Reflow.collapseSpaces(line.text)] ?? 0) >= 2 {
                verdicts.append(.callToAction)
                continue
            }
            verdicts.append(.content)
        }
        return verdicts
    }

    /// Letters and digits only, lowercased: "Call Us Today!" -> "callustoday".
    static func letters(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }

    static func isCallToAction(_ text: String) -> Bool {
        guard text.utf8.count <= 240 else { return false }
        let stripped = text.trimming(separatorGlyphs)
        let key = letters(stripped)
        guard !key.isEmpty else { return false }
        // Word break: can `key` be cut into calls to action? (a tiny dynamic programme)
        let chars = Array(key)
        var reachable = [Bool](repeating: false, count: chars.count + 1)
        reachable[0] = true
        for start in 0..<chars.count where reachable[start] {
            for phrase in callsToAction where start + phrase.count <= chars.count {
                if String(chars[start..<start + phrase.count]) == phrase { reachable[start + phrase.count] = true }
            }
        }
        return reachable[chars.count]
    }

    /// "Call us today: (555) 123-4567", "Call Now 555-123-4567", "Call us today at (555) 123-4567":
    /// a call to action and a telephone number, nothing else. Repeated between the page's blocks it
    /// is the site's banner (`classify` drops it then); it is never a heading. A sentence that gives
    /// the number ("Questions? Call us today at ... to book.") has other words and is not one.
    static func isCallToActionWithPhone(_ text: String) -> Bool {
        guard text.utf8.count <= 240, text.contains(where: \.isNumber) else { return false }
        let (rest, count) = PhoneNumber.removing(from: text)
        guard count > 0 else { return false }
        var words = rest.split { $0 == " " || $0 == ":" || $0 == "-" || $0 == "–" }.map(String.init)
        if let last = words.last, ["at", "on"].contains(last.lowercased()) { words.removeLast() }
        return isCallToAction(words.joined(separator: " "))
    }

    /// "• • Get in touch • •", "| Home | About |", "• • •": glyph-framed short rows or glyphs alone.
    static func isSeparator(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last,
              separatorGlyphs.contains(first), separatorGlyphs.contains(last) else { return false }
        let words = text.split(separator: " ").filter { !$0.allSatisfy { separatorGlyphs.contains($0) } }
        return words.count <= 6
    }

    /// A line whose two halves are the same short phrase ("Learn MoreLearn More"): a scraped button.
    /// Indices of the short lines that trail the page in the same block as a call to action
    /// (a footer: "Mental Health, Reimagined." over "Call Us Today"). Walks back from the end over
    /// blocks already emptied by other rules, and stops at the first block with real content.
    /// `original` are the lines as read; `current` has removed lines blanked.
    static func trailingTaglines(original: [SourceLine], current: [SourceLine], callToAction: [Bool]) -> [Int] {
        var found: [Int] = []
        var end = original.count
        while end > 0 {
            // The block of non-blank original lines that ends at `end`.
            while end > 0, original[end - 1].isBlank { end -= 1 }
            var start = end
            while start > 0, !original[start - 1].isBlank { start -= 1 }
            guard start < end else { break }
            let block = start..<end
            let remaining = block.filter { !current[$0].isBlank }
            if !remaining.isEmpty {
                let hasCallToAction = block.contains { callToAction[$0] }
                let allShort = remaining.allSatisfy { current[$0].wordCount <= 6 && current[$0].text.count <= 60 }
                guard hasCallToAction, allShort else { break }
                found += remaining
            }
            end = start
        }
        return found
    }

    static func isDoubled(_ text: String) -> Bool {
        let chars = Array(text)
        guard chars.count >= 4, chars.count % 2 == 0 else { return false }
        let half = chars.count / 2
        return chars[..<half] == chars[half...] && chars[..<half].contains(where: \.isLetter)
            && text.split(separator: " ").count <= 12
    }
}

extension String {
    /// Trims the given characters (and spaces) from both ends.
    func trimming(_ set: Set<Character>) -> String {
        let isTrimmed: (Character) -> Bool = { set.contains($0) || $0 == " " }
        return String(drop(while: isTrimmed).reversed().drop(while: isTrimmed).reversed())
    }
}
