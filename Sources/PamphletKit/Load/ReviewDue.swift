import Foundation

/// Pages whose `next_review` date has passed, as warnings for `pamphlet check`: staff see the
/// overdue note on the page itself only if they happen to open it.
public enum ReviewDue {
    /// A warning per document of `library` (loaded from `directory`) due for review before
    /// `today`, at its `next_review` line (read back from the file; line 1 when not found), with
    /// paths shown as the loader shows them.
    public static func warnings(in library: Library, directory: String, today: CalendarDate) -> [Diagnostic] {
        let prefix = ContentLoader.displayPrefix(directory)
        return library.documents.compactMap { document in
            guard document.review.isOverdue(today: today), let due = document.review.nextReview else { return nil }
            let path = prefix + document.sourcePath
            return .warning(path, line: line(ofKey: "next_review", in: path) ?? 1,
                            "'\(document.id)' was due for review on \(due) (next_review)")
        }
    }

    /// Warnings for pages not ready to publish as `pamphlet import` left them (review G 12): a page
    /// with no review dates at all (nothing ever says it is due), and a self-check whose front
    /// matter still has the importer's placeholder note. Paths are shown as the loader shows them.
    /// The contact page is left out of the first: its facts (phone, address, hours) live in
    /// site.yaml, not in the page, and no date is invented for it.
    public static func unfinished(in library: Library, directory: String) -> [Diagnostic] {
        let prefix = ContentLoader.displayPrefix(directory)
        var warnings: [Diagnostic] = []
        for document in library.documents {
            let path = prefix + document.sourcePath
            if document.kind != .contact, document.review.lastReviewed == nil, document.review.nextReview == nil {
                warnings.append(.warning(path, line: line(ofKey: "review", in: path) ?? 1,
                    "'\(document.id)' has no review dates: once the page has been checked, add "
                    + "review: {last_reviewed: YYYY-MM-DD, next_review: YYYY-MM-DD}"))
            }
            if document.checklist != nil, let note = placeholderNoteLine(in: path) {
                warnings.append(.warning(path, line: note,
                    "'\(document.id)': the outcome texts and disclaimer are still the importer's placeholders "
                    + "(this comment says so): write the clinic's own, then delete the comment"))
            }
        }
        return warnings
    }

    /// The 1-based line of a front matter comment holding the importer's placeholder marker. The
    /// front matter is cut where the loader cuts it (`FrontMatter.split`: its fences, not a copy).
    static func placeholderNoteLine(in path: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              case .success(let front) = FrontMatter.split(text) else { return nil }
        for (offset, line) in front.yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#"), trimmed.lowercased().contains(PlainTextImporter.placeholderMarker) {
                return front.yamlFirstLine + offset
            }
        }
        return nil
    }

    /// The 1-based line of `key:` in the front matter of the file at `path`.
    static func line(ofKey key: String, in path: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var number = 0
        var inFrontMatter = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "---" {
                if inFrontMatter { return nil }
                inFrontMatter = true
            } else if inFrontMatter, trimmed.hasPrefix(key + ":") {
                return number
            }
        }
        return nil
    }
}
