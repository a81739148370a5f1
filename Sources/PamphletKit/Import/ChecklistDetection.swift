import Foundation

/// Finds form-like blocks: a question followed by first-person statements a reader would tick
/// ("Could TMS Therapy Be Right For You?" / "I struggle with depression, OCD or anxiety." / ...),
/// optionally closed by one more question ("Has your doctor/therapist suggested you try TMS?").
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
        var items: [String] = []
        var next = start + 1
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
        guard statements >= 2, items.allSatisfy({ $0.split(separator: " ").count <= 40 }) else { return nil }
        if next < groups.count, groups[next].isSingleLine, isShortQuestion(groups[next].first.text) {
            items.append(Reflow.collapseSpaces(groups[next].first.text))
            next += 1
        }
        return Found(question: Reflow.collapseSpaces(head.first.text), items: items,
                     groupIndices: start..<next, line: head.first.number)
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
