import ArgumentParser
import Foundation
import PamphletKit

/// `pamphlet import FILE... --out DIR`: web pages saved as text (or Pamphlet Markdown) become content files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn web pages saved as text (or Markdown files) into content files.",
        discussion: """
            Each text file becomes DIR/content/<kind>/<id>.md. The title is the first line; short lines that lead paragraphs become sections; wrapped lines are joined; page boilerplate (comment forms, calls to action ("Call us today", also with a phone number after it), separators, footer taglines) and unmistakable site chrome (a leading "Skip to content" / "Home" / "About Us" ... menu, or "Home | About Us | Contact" on one line, trailing "© 2026 ..." and "Privacy Policy | Terms of Use" lines) are dropped. When the title or id is still wrong, give --title and --id (one input file). A form (a yes/no question to the reader, or "Check all that apply", over three or more one-sentence "I ..." statements) becomes a separate self-check (a checklist), and the summary says so; stories told under a question stay in the page. Underlined, numbered and ALL CAPS headings, Q:/A: pairs, a question with its answer on the very next line (with --kind faq, or when the text has three or more), bullet lists (also right under a line that ends in ":") and indented code are recognised too. Text that is not UTF-8 is read as Windows-1252, with a warning.

            Markdown files (.md with front matter) are validated with the loader and copied as they are; files with errors are reported and not written. Markdown without front matter (a README.md) gets front matter written for it: the title is the first # heading (else the first line), ## and ### headings are sections (a file that uses # for its sections too has every heading moved one level down), HTML comments are dropped, and the Markdown is kept as it is.

            A saved HTML page is refused: save it as text (in a browser: Save as, Text) and import that.

            DIR/site.yaml is created if missing. Existing files are never overwritten without --force; every target is checked first, so when one of them exists (or its id is taken) nothing at all is written.

            Exit status: 0 when every input file was imported and written; 1 when any of them could not be read, imported or written (the others are still written), or when a target exists or an id is taken (nothing is written); 64 on bad arguments.

            Examples:
              pamphlet import page.txt --out clinic/
              pamphlet import faq.txt --kind faq --out clinic/ --site-name "Example Clinic"
              pamphlet import saved-page.txt --title "Parking" --id parking --out clinic/
              pamphlet import README.md --out clinic/
              cat hours.txt | pamphlet import - --title "Opening Hours" --out clinic/
              pamphlet check clinic/
            """
    )

    @Argument(help: ArgumentHelp("Text or Markdown files to import; - reads standard input (Markdown when it opens with front matter or a '# Title' line).", valueName: "FILE"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Content folder to write into (created if missing).", valueName: "DIR"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Kind of the main document: article, faq, treatment, checklist or contact.", valueName: "KIND"))
    var kind: String?

    @Option(name: .long, help: ArgumentHelp("Title of the document (one input file only); replaces the one found in the file.", valueName: "TEXT"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("Id of the document (one input file only; letters, digits, '-' and '_'); default: made from the title.", valueName: "ID"))
    var id: String?

    @Option(name: .customLong("site-name"), help: ArgumentHelp("Clinic name for a new site.yaml (default: the first document's title).", valueName: "NAME"))
    var siteName: String?

    @Flag(name: .long, help: "Overwrite files that already exist.")
    var force = false

    func validate() throws {
        if let kind, DocumentKind(rawValue: kind) == nil {
            throw ValidationError("unknown kind '\(kind)'; use one of: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if files.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("standard input (-) can be read only once")
        }
        if title != nil || id != nil, files.count != 1 {
            throw ValidationError("--title and --id name one document: give them with a single input file (\(files.count) given)")
        }
        if let title, title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || title.contains(where: \.isNewline) {
            throw ValidationError("--title must be one line of text")
        }
        if let id, id.isEmpty || !id.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }) {
            throw ValidationError("--id '\(id)': use letters, digits, '-' and '_' (e.g. '\(Slug.make(id))')")
        }
    }

    /// One document to write: where, and what to say when it is written.
    private struct Planned {
        var file: String
        var target: String
        var imported: ImportedDocument
        var isMarkdown: Bool
    }

    func run() throws {
        let options = ImportOptions(kind: kind.flatMap(DocumentKind.init(rawValue:)),
                                    title: title?.trimmingCharacters(in: .whitespaces), id: id)
        let progress = ImportProgress(total: files.count)
        let fm = FileManager.default
        // Ids already in --out (id -> path inside it): a second file with the same id breaks the folder
        // (check fails, a kiosk refuses it), so a clash is refused like an existing file.
        var existingIDs = Self.documentIDs(in: out)
        var failures = 0

        // 1. Import every file and check every target before anything is written: a run that would
        // stop at an existing file had written the files before it, and the same command run
        // again then failed on those (review D 17). A file that cannot be imported is named and
        // skipped, as before; a target that cannot be written stops the whole run.
        var planned: [Planned] = []
        var plannedTargets: Set<String> = []
        var refused = 0
        for (index, argument) in files.enumerated() {
            progress.show(index: index, file: argument)
            // `-` is standard input (a pipe: `curl ... | pamphlet import - --title ...`), named as such.
            let file = argument == "-" ? Self.standardInputName : argument
            guard let data = Self.read(argument) else {
                progress.report(Diagnostic.error(file, "cannot read file (missing, a folder, or no permission)").description)
                failures += 1
                continue
            }
            let isMarkdown = MarkdownImporter.isMarkdown(path: file, data: data, unnamed: argument == "-")
            let result = isMarkdown
                ? MarkdownImporter.importData(data, sourceName: file, options: options)
                : PlainTextImporter.importData(data, sourceName: file, options: options)
            for diagnostic in result.diagnostics { progress.report(diagnostic.description) }
            if result.diagnostics.hasErrors || result.documents.isEmpty {
                progress.report("\(file): not imported")
                failures += 1
                continue
            }
            for imported in result.documents {
                let target = (out as NSString).appendingPathComponent(imported.relativePath)
                if plannedTargets.contains(target) {
                    progress.report("\(file): error: \(target) is also made by an earlier file in this run; not overwritten")
                    refused += 1
                    continue
                }
                if let other = existingIDs[imported.document.id], other != imported.relativePath {
                    let otherPath = (out as NSString).appendingPathComponent(other)
                    progress.report("\(file): error: document id '\(imported.document.id)' is already used by \(otherPath); "
                        + "\(target) not written (remove or rename the other file, or give this one another id)")
                    refused += 1
                    continue
                }
                if fm.fileExists(atPath: target) && !force {
                    progress.report("\(file): error: \(target) already exists; not overwritten (use --force to replace it)")
                    refused += 1
                    continue
                }
                plannedTargets.insert(target)
                existingIDs[imported.document.id] = imported.relativePath
                planned.append(Planned(file: file, target: target, imported: imported, isMarkdown: isMarkdown))
            }
        }
        progress.finish()
        if refused > 0 {
            let total = planned.count + refused
            progress.report(total == 1 ? "nothing written"
                : "nothing written: \(refused) of \(total) files could not be written (see above), so none were; "
                    + "the same command can be run again once that is fixed")
            throw ExitCode(1)
        }

        // 2. Write.
        var written = 0
        var firstTitle: String?
        for plan in planned {
            let imported = plan.imported
            do {
                try fm.createDirectory(atPath: (plan.target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try imported.markdown.write(toFile: plan.target, atomically: true, encoding: .utf8)
            } catch {
                progress.report("\(plan.target): error: cannot write file: \(WriteFailure.describe(error, writing: plan.target))")
                failures += 1
                continue
            }
            written += 1
            firstTitle = firstTitle ?? imported.document.title
            progress.say("wrote \(plan.target) (\(imported.document.kind.rawValue), \(describe(imported.document)))")
            // A self-check made from the page's text puts questions and outcomes in front of
            // patients: say so, so staff read it before publishing.
            if !plan.isMarkdown, let checklist = imported.document.checklist {
                progress.say("note: \(plan.file): the form \"\(checklist.question)\" became a self-check; "
                    + "its outcome texts are placeholders: read it before publishing")
            }
        }
        if written > 0 && written < planned.count {
            progress.report("\(written) of \(planned.count) files written")
        }

        // Nothing imported (HTML, unreadable ...): nothing written, not even site.yaml.
        if written > 0, let name = siteName ?? firstTitle {
            try writeSiteIfMissing(name: name, progress: progress)
        }
        // Each file was valid on its own; the folder as a whole (cross-references, duplicate ids) may not be.
        if written > 0 {
            let problems = ContentLoader.load(directory: out).diagnostics.filter { $0.severity == .error }
            if !problems.isEmpty {
                progress.report("note: \(out) has \(problems.count) problem(s) as a whole (e.g. links to pages not imported); run `pamphlet check \(out)`")
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// How standard input is named in messages and in the file's header comment.
    static let standardInputName = "standard input"

    /// The bytes of `path` (`-`: standard input). A pipe or `/dev/stdin` is read to its end too.
    static func read(_ path: String) -> Data? {
        if path == "-" { return try? FileHandle.standardInput.readToEnd() ?? Data() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        if let data = FileManager.default.contents(atPath: path) { return data }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return try? handle.readToEnd() ?? Data()
    }

    /// The ids of the documents already in `folder` and their paths inside it; empty when it is not a folder.
    static func documentIDs(in folder: String) -> [String: String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return [:] }
        var ids: [String: String] = [:]
        for document in ContentLoader.load(directory: folder).library.documents where ids[document.id] == nil {
            ids[document.id] = document.sourcePath
        }
        return ids
    }

    private func describe(_ document: Document) -> String {
        if let checklist = document.checklist { return "\(checklist.items.count) items" }
        return document.sections.count == 1 ? "1 section" : "\(document.sections.count) sections"
    }

    /// A minimal site.yaml so the folder loads; never replaces one that exists.
    private func writeSiteIfMissing(name: String, progress: ImportProgress) throws {
        let path = (out as NSString).appendingPathComponent("site.yaml")
        guard !FileManager.default.fileExists(atPath: path) else {
            // Never replaced; say so rather than drop the option silently (review E 9).
            if siteName != nil { progress.say("note: \(path) already exists; --site-name was not used (edit its 'name:' line)") }
            return
        }
        let yaml = """
            # Made by `pamphlet import`. Fill in the clinic's details: while a contact field is
            # empty the browser says "ask at the front desk".
            name: \(SiteYAML.quoted(name))
            tagline: ""
            contact:
              phone: null
              email: null
              address: null
              hours: null
              website: null
              crisis_line: null   # the clinic's local crisis number
            """
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try (yaml + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            progress.say("wrote \(path)")
            // The default name is a page's title, which a kiosk's attract screen then shows as the
            // clinic's name (review D 10): say what was chosen and how to change it.
            if siteName == nil {
                progress.say("note: the clinic name in \(path) is \(SiteYAML.quoted(name)) (the first document's title): "
                    + "edit its 'name:' line, or import into a new folder with --site-name \"Clinic Name\"")
            }
        } catch {
            progress.report("\(path): error: cannot write file: \(WriteFailure.describe(error, writing: path))")
            throw ExitCode(1)
        }
    }
}

/// Double-quoted YAML for a free-text value.
enum SiteYAML {
    static func quoted(_ text: String) -> String {
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: if s.value >= 0x20 && s.value != 0x7F { out.unicodeScalars.append(s) }
            }
        }
        return out + "\""
    }
}

/// Progress for long runs: `\r[12/300] importing FILE` on stderr, only when stderr is a terminal
/// and there is more than one file; quiet when piped. Results go to stdout, problems to stderr.
final class ImportProgress {
    private let total: Int
    private let live: Bool
    private var lineShown = false

    init(total: Int) {
        self.total = total
        live = total > 1 && isatty(STDERR_FILENO) != 0
    }

    func show(index: Int, file: String) {
        guard live else { return }
        let name = (file as NSString).lastPathComponent
        CLIOutput.writeError("\r[\(index + 1)/\(total)] importing \(TerminalSafeText.clean(name))\u{1B}[K")
        lineShown = true
    }

    func report(_ message: String) {
        clear()
        CLIOutput.printError(message)
    }

    func say(_ message: String) {
        clear()
        // Checked writes: a full disk or a closed stdout is an error, not a crash (StandardOutput).
        StandardOutput.line(TerminalSafeText.clean(message))
    }

    func finish() { clear() }

    private func clear() {
        guard lineShown else { return }
        CLIOutput.writeError("\r\u{1B}[K")
        lineShown = false
    }
}
