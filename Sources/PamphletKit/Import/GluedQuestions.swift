/// FAQ pages often put each answer on the line right after its question, with no blank line
/// between ("Does TMS hurt?" / "Most patients feel a tapping ..."). Read as one paragraph, the
/// question was lost in its answer. Such a block splits into a question heading and its answer
/// in an FAQ, and in any text that has several of them (one could be a paragraph that happens
/// to open with a rhetorical question).
enum GluedQuestions {
    /// Blocks a text needs before they are split when it is not imported as an FAQ; the same
    /// count of question headings that makes the importer call a text an FAQ.
    static let minimumBlocks = 3

    /// The line `group` opens with is a question heading and the lines after it are its answer:
    /// the question is a short heading-like line ending in `?` at the text's left margin, and the
    /// next line is not another question, a section number ("1.2 Where do I get it") or an
    /// underline (a run of questions is a list or a table of contents, not a question and its
    /// answer). The answer may be a list ("What should I bring?" / "- Photo ID").
    static func isQuestionOverAnswer(_ group: LineGroup, base: Int) -> Bool {
        guard group.lines.count >= 2 else { return false }
        let question = group.first, next = group.lines[1]
        guard question.indent < base + 4, question.text.hasSuffix("?"), HeadingDetection.isHeadingLike(question.text),
              ListDetection.marker(question.text) == nil, HeadingDetection.question(question.text) == nil else { return false }
        return !next.text.hasSuffix("?") && (HeadingDetection.numbered(next.text) == nil || ListDetection.marker(next.text) != nil)
            && HeadingDetection.underline(next, under: question) == nil && !HeadingDetection.isRule(next.text)
    }

    /// Whether to split such blocks in `groups`: always in an FAQ, else when there are several.
    static func shouldSplit(_ groups: [LineGroup], isFAQ: Bool) -> Bool {
        if isFAQ { return true }
        let base = groups.map(\.minIndent).min() ?? 0
        var count = 0
        for group in groups where isQuestionOverAnswer(group, base: base) {
            count += 1
            if count >= minimumBlocks { return true }
        }
        return false
    }
}
