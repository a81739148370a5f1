import Foundation

/// Finds form-like blocks: a question to the reader followed by first-person statements a reader
/// would tick ("Could TMS Therapy Be Right For You?" / "I struggle with depression, OCD or
/// anxiety." / ...), optionally closed by one more question ("Has your doctor/therapist suggested
/// you try TMS?").
///
/// A question over "I ..." paragraphs is also how pages print testimonials ("What was it like?" /
/// "I was nervous before my first visit."), and a self-check invented from those put a made-up
/// outcome in front of patients. So a form needs what the clinic's real one has and stories lack:
/// a yes/no question that addresses the reader ("Could ... be right for you?", "Do you ...?") or an
/// explicit instruction ("Check all that apply"); at least three statements, each one sentence;
/// and statements about the present, not a story told in the past tense.
enum ChecklistDetection {
    struct Found: Equatable {
        var question: String
        var items: [String]
        /// Indices (into the group array) of the groups the checklist used.
        var groupIndices: Range<Int>
        var line: Int
    }

    static func find(in groups: [LineGroup]) -> [Found] {
        var found: [Found] = []
        var index = 0
        while index < groups.count {
            if let hit = match(groups, at: index) {
                found.append(hit)
                index = hit.groupIndices.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    private static func match(_ groups: [LineGroup], at start: Int) -> Found? {
        let head = groups[start]
        guard head.isSingleLine, isShortQuestion(head.first.text), !isFirstPerson(head.first.text) else { return nil }
        var instructed = isInstruction(head.first.text)
        var next = start + 1
        // "Check all that apply." between the question and the statements: a signal, not an item.
        if next < groups.count, groups[next].isSingleLine, isInstruction(groups[next].first.text) {
            instructed = true
            next += 1
        }
        guard instructed || addressesReader(head.first.text) else { return nil }
        var items: [String] = []
        while next < groups.count {
            let group = groups[next]
            guard isFirstPerson(group.first.text) else { break }
            if group.lines.allSatisfy({ isFirstPerson($0.text) }) {
                items += group.lines.map { Reflow.collapseSpaces($0.text) }
            } else {
                items.append(Reflow.join(group.lines.map(\.text)))
            }
            next += 1
        }
        let statements = items.count
        guard statements >= minimumStatements, items.allSatisfy({ $0.split(separator: " ").count <= 40 && isOneSentence($0) }),
              items.filter(isPastTense).count * 2 < statements else { return nil }
        if next < groups.count, groups[next].isSingleLine, isShortQuestion(groups[next].first.text) {
            items.append(Reflow.collapseSpaces(groups[next].first.text))
            next += 1
        }
        return Found(question: Reflow.collapseSpaces(head.first.text), items: items,
                     groupIndices: start..<next, line: head.first.number)
    }

    /// Fewer statements than this are a couple of remarks, not a form.
    static let minimumStatements = 3

    /// Words that open a yes/no question ("Could ...", "Do you ...", "Is this you?").
    static let yesNoOpeners: Set<String> = [
        "could", "can", "is", "are", "do", "does", "should", "might", "may", "would", "will", "have", "has",
    ]

    /// A yes/no question to the reader: "Could TMS Therapy Be Right For You?", "Do you ...?", "Is This You?".
    /// "What was it like?" (a story's prompt) is not one.
    static func addressesReader(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter && $0 != "'" && $0 != "\u{2019}" }.map(String.init)
        guard let first = words.first, yesNoOpeners.contains(first) else { return false }
        return words.contains { ["you", "your", "you're", "you\u{2019}re", "you've", "you\u{2019}ve"].contains($0) }
    }

    /// "Check all that apply", "Tick any that describe you", "Which of these apply to you?".
    static func isInstruction(_ text: String) -> Bool {
        let t = text.lowercased()
        return ["all that apply", "any that apply", "each that applies", "that describe you", "that describes you",
                "which of these", "which of the following"].contains { t.contains($0) }
            || (["check ", "tick ", "select ", "mark "].contains { t.hasPrefix($0) } && t.split(separator: " ").count <= 12)
    }

    /// No sentence end inside: "I was nervous. The staff were kind." is a story, not an item.
    static func isOneSentence(_ text: String) -> Bool {
        let chars = Array(text)
        for i in chars.indices.dropLast(2) where ".!?".contains(chars[i]) && chars[i + 1] == " " && chars[i + 2].isUppercase {
            // "Dr. Smith", "e.g. Anxiety": an abbreviation before the space is not a sentence end.
            let word = String(chars[..<i]).split(separator: " ").last.map(String.init) ?? ""
            if chars[i] == "." && (word.count <= 2 || word.contains(".")) { continue }
            return false
        }
        return true
    }

    /// Past-tense verbs that open a story ("I was nervous ...", "I found the staff ..."). Verbs a
    /// symptom list may use in the past ("I tried ...", "I struggled ...") are left out on purpose.
    static let pastVerbs: Set<String> = [
        "was", "were", "had", "did", "felt", "found", "thought", "went", "came", "got", "saw", "knew", "made",
        "took", "told", "said", "left", "began", "became", "kept", "met", "heard", "spent", "wasn't", "didn't",
        "couldn't", "loved", "liked", "started", "noticed", "decided", "received", "visited", "arrived",
        "walked", "worried", "hoped", "learned", "enjoyed", "appreciated",
    ]

    /// "I was nervous", "I found the staff kind": the second word is a past-tense verb.
    static func isPastTense(_ text: String) -> Bool {
        let words = text.split(separator: " ").prefix(2).map { $0.lowercased().replacingOccurrences(of: "\u{2019}", with: "'") }
        guard words.count == 2, words[0] == "i" else { return false }
        let verb = words[1].trimmingCharacters(in: .punctuationCharacters)
        return pastVerbs.contains(verb)
    }

    static func isShortQuestion(_ text: String) -> Bool {
        text.hasSuffix("?") && text.split(separator: " ").count <= 15
    }

    /// "I struggle ...", "I’m ...", "I've ...", "My ..." (straight or typographic apostrophe).
    static func isFirstPerson(_ text: String) -> Bool {
        let firstWord = text.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        let normalized = firstWord.replacingOccurrences(of: "\u{2019}", with: "'")
        return ["I", "I'm", "I've", "I'd", "I'll", "My"].contains(normalized)
    }
}
