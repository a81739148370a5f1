import ArgumentParser
import Foundation
import PamphletKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `pamphlet search QUERY...`: ranked results with snippets, as text or JSON.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the content: ranked, typo-tolerant, with snippets.",
        discussion: """
            Words match in any form (stemming), with typos (1 edit from 5 letters,
            2 from 9), synonyms and acronyms; the last word also matches as a
            prefix. "Quoted words" must appear together; -word excludes sections
            containing it. Sections matching every word come first. `--` ends the
            options: every argument after it is a query word. Before it, a --word
            that is not one of the options below is an error (exit 64), not a
            query word.

            The index comes from a snapshot (`pamphlet index`) when it matches the
            content, else it is built and saved for next time
            (<content>/.pamphlet-index, or the user cache folder when the content
            folder is read-only).

            Output: numbered hits "Document › Section" with a snippet; matches in
            bold on a terminal, in [brackets] through a pipe, with NO_COLOR or
            TERM=dumb.
            --json prints an array, best first, of {"id", "document", "section",
            "kind", "score", "snippet", "highlights": [[start, length], ...]}: id
            is "doc#section" ("doc" for a document's introduction), document and
            section are titles, highlights are Unicode scalar offsets in snippet,
            and "missing" lists the query's words (and "phrases") the hit lacks.
            Hits are ordered by how many of the query's words they have, then
            by score: a hit with more of them ranks first even with a lower
            score (plain output says "Missing: word" under such a hit).
            When more sections match than --limit shows, plain output says so
            on standard error: "10 of 2,872 results (--limit N for more)" ("51+"
            when a query that is one "phrase" stopped counting early). --json
            prints the array alone.

            Exit status: 0 when something matched; 1 when nothing did (standard
            output is then empty and standard error says "No results", with a
            "Did you mean" line when there is a close word; --json prints []);
            2 when the content folder does not exist or --index names a file
            that is not a search index (it is never replaced); 64 on bad
            arguments.

            Examples:
              pamphlet search is ketamine addictive
              pamphlet search ketamin adictive --limit 3
              pamphlet search '"opioid blocker"' --json
              pamphlet search infusion -insurance --content ~/clinic-content
              pamphlet search -- -ketamine tms   (after --, -ketamine excludes)
            """
    )

    @Argument(parsing: .allUnrecognized,
              help: ArgumentHelp("What to search for (several words are joined with spaces; -word excludes).", valueName: "QUERY"))
    var query: [String] = []

    /// The query's words. With `.allUnrecognized`, ArgumentParser keeps the `--` that ends the
    /// options among them (and what follows it, options included, as it should); the `--` itself
    /// is not a word of the query.
    var words: [String] {
        guard let end = query.firstIndex(of: "--") else { return query }
        var words = query
        words.remove(at: end)
        return words
    }

    @Flag(name: .long, help: "Print the hits as a JSON array.")
    var json = false

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Show at most this many hits.", valueName: "N"))
    var limit = WholeNumber(10)

    @Option(name: .long, help: ArgumentHelp("Snapshot file to read and refresh instead of the default location.", valueName: "FILE"))
    var index: String?

    @OptionGroup var contentOptions: ContentOptions

    func validate() throws {
        if let message = Self.unknownOptionMessage(query) { throw ValidationError(message) }
        if let problem = limit.problem(option: "--limit", minimum: 1) { throw ValidationError(problem + ".") }
        // Swift's own whitespace test: Foundation's CharacterSet costs a few hundred µs at startup.
        guard words.contains(where: { $0.contains { !$0.isWhitespace } }) else {
            throw ValidationError("Give something to search for, e.g. pamphlet search ketamine")
        }
    }

    /// With `.allUnrecognized`, a mistyped option (`--contnet DIR`, `--jsno`, `--limt 3`) had become
    /// query words: the search ran on the wrong content, or printed text, and exited 0. The first
    /// `--word` (or `--word=value`) before a `--` is refused as ArgumentParser refuses one in the
    /// other commands; `-word` (an exclusion) and everything after `--` stay words.
    static func unknownOptionMessage(_ arguments: [String]) -> String? {
        for argument in arguments {
            if argument == "--" { return nil }
            guard argument.hasPrefix("--") else { continue }
            let name = String(argument.dropFirst(2).prefix { $0 != "=" })
            let options = knownOptions
            if options.contains(name) { continue }
            var message = "Unknown option '--\(name)'."
            if let close = Suggestions.closest(to: name, in: options, limit: 1).first {
                message += " Did you mean '--\(close)'?"
            } else {
                message += " The options are \(options.map { "--\($0)" }.joined(separator: ", "))."
            }
            return message + " (To search for '\(argument)', put it after --.)"
        }
        return nil
    }

    /// The long options `search` takes, without their dashes, read from the OPTIONS list of its
    /// help (so a new option is known here without a second list; the usage line shortens to
    /// `[<options>]` past 12 options): json, limit, index, content, version, help.
    static var knownOptions: [String] {
        let help = Pamphlet.helpMessage(for: SearchCommand.self, columns: 200)
        var names: [String] = []
        var inOptions = false
        for line in help.split(separator: "\n") {
            if line.hasPrefix("OPTIONS:") { inOptions = true; continue }
            guard inOptions else { continue }
            let entry = line.drop { $0 == " " }
            guard entry.hasPrefix("-") else { continue }
            // "-h, --help  Show help information.": the names end at the gap before the help text.
            let optionNames = entry.components(separatedBy: "  ").first ?? ""
            for word in optionNames.split(whereSeparator: { ", ".contains($0) }) where word.hasPrefix("--") && word.count > 2 {
                let name = String(word.dropFirst(2))
                if !names.contains(name) { names.append(name) }
            }
        }
        return names.isEmpty ? ["json", "limit", "index", "content", "version", "help"] : names
    }

    func run() throws {
        let directory = try contentOptions.directory()
        // --index names a file this command may rewrite: refuse at once if it is something else.
        if let index {
            do { try SnapshotFile.checkReplaceable(index) } catch {
                CLIOutput.printError("pamphlet: \(error)")
                throw ExitCode(2)
            }
        }
        let text = words.joined(separator: " ")
        // On a terminal the output is wrapped to its width (as `show` is); through a pipe a hit's
        // snippet stays one line, for scripts.
        let wrapWidth = isatty(STDOUT_FILENO) == 1 ? CLIOutput.terminalWidth() : nil
        // A dumb terminal (Emacs' shell, some serial consoles) prints escape codes as text.
        let environment = ProcessInfo.processInfo.environment
        let color = !json && isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty
            && environment["TERM"] != "dumb" && !(environment["TERM"] ?? "").isEmpty
        // Searched and formatted while the content folder is still being fingerprinted (see
        // `loadOrBuild(answering:)`); printed only once the snapshot is known to match.
        let (found, _, _) = SearchEngine.loadOrBuild(contentDirectory: directory, snapshotPath: index, loadLibrary: {
            CLIOutput.loadReportingErrors(directory).library
        }, answering: { engine in
            let results = engine.search(text, limit: limit.value ?? 10)
            let output = json ? SearchOutput.json(results.hits) + "\n"
                : SearchOutput.plain(results, query: text, color: color, width: wrapWidth)
            // Plain output only: --json stays exactly the documented array (review H 3).
            let more = json ? nil : SearchOutput.moreNote(results)
            return (output: output, empty: results.hits.isEmpty, more: more)
        })
        // Nothing found: standard output stays empty (as grep's does), so `hits=$(pamphlet search …)`
        // is empty; the "No results" and "Did you mean" lines go to standard error. --json prints [].
        if found.empty && !json {
            CLIOutput.writeError(found.output)
        } else {
            StandardOutput.write(found.output)
        }
        if let more = found.more { CLIOutput.printError(more) }
        if found.empty { throw ExitCode(1) }
    }
}

/// Formatting of search results for the terminal and for scripts.
enum SearchOutput {
    /// Content (titles, snippets) is cleaned of control characters before the markup is added.
    /// `width`: wrap to that many columns (a terminal's), nil for one line per snippet.
    static func plain(_ results: SearchResults, query: String, color: Bool, width: Int? = nil) -> String {
        let clean = { TerminalSafeText.clean($0, expandTabs: false) }
        guard !results.hits.isEmpty else {
            var out = "No results for \u{201C}\(clean(query))\u{201D}.\n"
            if let s = results.suggestion { out += "Did you mean: \(clean(s))\n" }
            return out
        }
        var out = ""
        for (i, hit) in results.hits.enumerated() {
            let title = hit.reference.sectionID == nil ? hit.documentTitle : "\(hit.documentTitle) \u{203A} \(hit.sectionTitle)"
            let place = clean(title)
            let number = "\(i + 1). "
            let heading = "\(place)  (\(hit.kind.rawValue), \(clean(hit.reference.description)))"
            let bold = [TextRange(start: 0, length: place.unicodeScalars.count)]
            let missing = hit.missingWords.isEmpty ? nil : "Missing: " + clean(hit.missingWords.joined(separator: ", "))
            // One scalar for one: the highlights' offsets still fit the cleaned snippet.
            let snippet = hit.snippet.isEmpty ? nil : clean(hit.snippet)
            if let width {
                let (open, close) = color ? ("\u{1B}[1;7m", "\u{1B}[22;27m") : ("[", "]")
                out += SearchOutputWrap.wrap(heading, marks: color ? bold : [], open: "\u{1B}[1m", close: "\u{1B}[22m",
                                             width: width, firstPrefix: number, indent: "   ") + "\n"
                if let snippet {
                    out += SearchOutputWrap.wrap(snippet, marks: hit.highlights, open: open, close: close,
                                                 width: width, firstPrefix: "   ", indent: "   ") + "\n"
                }
                if let missing {
                    out += SearchOutputWrap.wrap(missing, marks: [], open: "", close: "", width: width,
                                                 firstPrefix: "   ", indent: "   ") + "\n"
                }
                continue
            }
            out += number + (color ? "\u{1B}[1m\(place)\u{1B}[22m" + heading.dropFirst(place.count) : heading) + "\n"
            if let snippet { out += "   " + mark(snippet, hit.highlights, color: color) + "\n" }
            if let missing { out += "   " + missing + "\n" }
        }
        return out
    }

    /// "10 of 2,872 results (--limit N for more)" when more sections match than were printed,
    /// for standard error (review H 3: ten hits had read as the whole answer); nil otherwise.
    static func moreNote(_ results: SearchResults) -> String? {
        let n = results.hits.count
        guard n > 0, results.total.exceeds(n) else { return nil }
        return results.total.summary(shown: n) + " (--limit N for more)"
    }

    /// The snippet with its highlighted ranges marked: reverse video on a terminal, else [brackets].
    static func mark(_ snippet: String, _ ranges: [TextRange], color: Bool) -> String {
        let scalars = Array(snippet.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        let (open, close) = color ? ("\u{1B}[1;7m", "\u{1B}[22;27m") : ("[", "]")
        for r in ranges.sorted(by: { $0.start < $1.start }) where r.start >= i && r.end <= scalars.count {
            out.append(contentsOf: scalars[i..<r.start])
            out.append(contentsOf: open.unicodeScalars)
            out.append(contentsOf: scalars[r.start..<r.end])
            out.append(contentsOf: close.unicodeScalars)
            i = r.end
        }
        out.append(contentsOf: scalars[i...])
        return String(out)
    }

    static func json(_ hits: [SearchHit]) -> String {
        if hits.isEmpty { return "[]" }
        let items = hits.map { h -> String in
            let ranges = h.highlights.map { "[\($0.start),\($0.length)]" }.joined(separator: ",")
            return "  {\"id\":\(quote(h.reference.description)),\"document\":\(quote(h.documentTitle)),"
                + "\"section\":\(quote(h.sectionTitle)),\"kind\":\(quote(h.kind.rawValue)),"
                + "\"score\":\(String(format: "%.4f", h.score)),\"snippet\":\(quote(h.snippet)),\"highlights\":[\(ranges)],"
                + "\"missing\":[\(h.missingWords.map(quote).joined(separator: ","))]}"
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]"
    }

    /// A JSON string literal.
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if TerminalSafeText.isControl(u) { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
