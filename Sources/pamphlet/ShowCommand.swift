import ArgumentParser
import Foundation
import PamphletKit

/// `pamphlet show ID`: a document or one section as wrapped plain text (or JSON).
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a document or one of its sections as wrapped plain text.",
        discussion: """
            ID is a document id (`ketamine-faq`) or a section (`ketamine-faq#is-ketamine-addictive`); \
            `pamphlet list` shows them all. The text is wrapped to the terminal's width (80 when not a \
            terminal) unless --width is given (at least \(PlainTextRenderer.minimumWidth)); an id or a web \
            address is never broken, and one wider than that gets a line of its own. With --json, prints {"id", "kind", "title", "text", \
            "sections": [{"id", "title"}]} (plus "section" when a section was asked for).

            Exit status: 0 when the text was printed; 1 when ID names no document, or no section of \
            it (close ids are suggested on standard error); 2 when the content folder does not \
            exist; 64 on bad arguments (such as a --width below the minimum).

            Examples:
              pamphlet show is-ketamine-an-opiate
              pamphlet show ketamine-faq#is-ketamine-addictive --width 60
              pamphlet show tms-self-check --json
            """
    )

    @Argument(help: "Document id, or document-id#section.")
    var id: String

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Wrap text to this many columns.", valueName: "N"))
    var width: WholeNumber?

    @OptionGroup var contentOptions: ContentOptions

    func validate() throws {
        if id.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("Give the id of a page, e.g. pamphlet show ketamine-faq (pamphlet list shows the ids).")
        }
        if let width, let problem = width.problem(option: "--width", minimum: PlainTextRenderer.minimumWidth) {
            let why = width.value == nil ? "" : "; narrower, list markers, table columns and most words no longer fit"
            throw ValidationError(problem + why + ".")
        }
    }

    struct ShowJSON: Encodable {
        var id: String
        var kind: String
        var title: String
        var text: String
        var section: SectionJSON?
        var sections: [SectionJSON]
    }

    func run() throws {
        let library = CLIOutput.loadReportingErrors(try contentOptions.directory()).library
        let reference = ContentReference(id.trimmingCharacters(in: .whitespaces))
        // Ids are lower case; one typed in another case (KETAMINE-FAQ) names the same page.
        let lowered = reference.documentID.lowercased()
        guard let document = library.document(reference.documentID)
                ?? library.documents.first(where: { $0.id.lowercased() == lowered }) else {
            let all = library.documents.flatMap { doc in [doc.id] + doc.sections.map { "\(doc.id)#\($0.id)" } }
            var message = "error: no document '\(reference.documentID)'"
            let close = Suggestions.closest(to: id, in: all, limit: 5)
            if !close.isEmpty {
                message += "; did you mean: \(close.joined(separator: ", "))?"
            } else if !library.documents.isEmpty {
                message += "; documents: \(library.documents.map(\.id).joined(separator: ", "))"
            }
            CLIOutput.printError(message)
            throw ExitCode.failure
        }
        var section: Section?
        if let slug = reference.sectionID {
            section = document.section(slug) ?? document.sections.first { $0.id.lowercased() == slug.lowercased() }
            if section == nil {
                let slugs = document.sections.map(\.id)
                var message = "error: '\(document.id)' has no section '\(slug)'"
                let close = Suggestions.closest(to: slug, in: slugs, limit: 5)
                if !close.isEmpty {
                    message += "; did you mean: \(close.map { "\(document.id)#\($0)" }.joined(separator: ", "))?"
                } else if !slugs.isEmpty {
                    message += "; its sections: \(slugs.map { "\(document.id)#\($0)" }.joined(separator: ", "))"
                } else {
                    message += "; it has no sections"
                }
                CLIOutput.printError(message)
                throw ExitCode.failure
            }
        }

        let text = PlainTextRenderer.render(document: document, section: section, width: width?.value ?? CLIOutput.terminalWidth(),
                                            contact: library.site.contact, library: library)
        if json {
            let output = ShowJSON(
                id: section.map { "\(document.id)#\($0.id)" } ?? document.id, kind: document.kind.rawValue,
                title: document.title, text: text,
                section: section.map { SectionJSON(document: document, section: $0) },
                sections: document.sections.map { SectionJSON(document: document, section: $0) })
            StandardOutput.line(try CLIOutput.json(output))
        } else {
            StandardOutput.write(TerminalSafeText.clean(text))
        }
    }
}
