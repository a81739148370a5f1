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
