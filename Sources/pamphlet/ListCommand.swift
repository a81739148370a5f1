import ArgumentParser
import Foundation
import PamphletKit

/// `pamphlet list`: every document and its sections, as text grouped by kind or as JSON.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the documents and their sections.",
        discussion: """
            Plain output is grouped by kind (articles, FAQs, treatments, self-checks, contact). \
            With --json, prints an array of {"id", "kind", "title", "sections": [{"id", "title"}]}, \
            where a section id is `document-id#section-slug` (what `pamphlet show` accepts).

            Exit status: 0 when the list was printed (problems in the content are counted on \
            standard error; `pamphlet check` lists them); 1 when the content has errors and no \
            document loaded; 2 when the content folder does not exist; 64 on bad arguments.

            Examples:
              pamphlet list
              pamphlet list --json --content ~/clinic-content
            """
    )

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var contentOptions: ContentOptions

    struct DocumentJSON: Encodable {
        var id: String
        var kind: String
        var title: String
        var sections: [SectionJSON]
    }

    func run() throws {
        let directory = try contentOptions.directory()
        let result = CLIOutput.loadReportingErrors(directory)
        let library = result.library
        if library.documents.isEmpty && result.diagnostics.hasErrors { throw ExitCode.failure }

        if json {
            let documents = library.documents.map { doc in
                DocumentJSON(id: doc.id, kind: doc.kind.rawValue, title: doc.title,
                             sections: doc.sections.map { SectionJSON(document: doc, section: $0) })
            }
            StandardOutput.line(try CLIOutput.json(documents))
            return
        }
        var out = ""
        for kind in DocumentKind.allCases {
            let documents = library.documents(of: kind)
            guard !documents.isEmpty else { continue }
            if !out.isEmpty { out += "\n" }
            out += "\(kind.menuTitle)\n"
            for doc in documents {
                out += TerminalSafeText.clean("  \(doc.id)  \(doc.title)") + "\n"
                for section in doc.sections {
                    let indent = String(repeating: "  ", count: max(0, section.level - 2))
                    out += TerminalSafeText.clean("    \(indent)#\(section.id)  \(section.heading)") + "\n"
                }
            }
        }
        StandardOutput.write(out)
    }
}
