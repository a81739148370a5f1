import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// One YAML typo in one file (review D 7): the links to it from other files had read "no document
/// with id 'tms-therapy'" and came first; the YAML error itself was libyaml's words alone.
@Suite struct LoadKnockOnTests {
    /// A copy of the bundled content with `edit` applied to one file's text.
    static func load(editing relative: String, _ edit: (String) -> String) throws -> [String] {
        let dir = NSTemporaryDirectory() + "pamphlet-knock-on-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: RepoPaths.assets.path, toPath: dir)
        let file = dir + "/" + relative
        try edit(try String(contentsOfFile: file, encoding: .utf8)).write(toFile: file, atomically: true, encoding: .utf8)
        // Paths relative to the copy, so the messages can be compared.
        return ContentLoader.load(directory: dir).diagnostics.map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
    }

    @Test func linksToAFileThatDidNotLoadNameThatFile() throws {
        let messages = try Self.load(editing: "content/treatments/tms-therapy.md") {
            $0.replacingOccurrences(of: "title: \"TMS Therapy\"", with: "title: \"TMS Therapy")
        }
        #expect(!messages.contains { $0.contains("no document with id 'tms-therapy'") }, "\(messages)")
        #expect(messages.contains(
            "content/faq/ketamine-faq.md:11:5: error: broken related entry 'tms-therapy': "
                + "content/treatments/tms-therapy.md did not load (its errors are listed with it)"), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/articles/is-ketamine-an-opiate.md:")
            && $0.hasSuffix("broken cross-reference 'pamphlet:tms-therapy': content/treatments/tms-therapy.md did not load (its errors are listed with it)") },
            "\(messages)")
        // The file's own error keeps its place and gets a plain hint.
        #expect(messages.contains(
            "content/treatments/tms-therapy.md:5:11: error: malformed front matter YAML: did not find expected key "
                + "(while parsing a block mapping at line 2); is a quote opened above and never closed, or a line above indented differently?"),
            "\(messages)")
    }

    /// The broken file's own error comes first, then the links to it (review E 8: sorted by path,
    /// the eight knock-ons from content/articles, checklists and faq came first and the error
    /// itself last). Everything else keeps its sorted place, in `check` and `check --json` alike.
    @Test func theBrokenFilesOwnErrorComesBeforeItsKnockOns() throws {
        let dir = NSTemporaryDirectory() + "pamphlet-knock-on-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: RepoPaths.assets.path, toPath: dir)
        func edit(_ relative: String, _ change: (String) -> String) throws {
            let file = dir + "/" + relative
            try change(try String(contentsOfFile: file, encoding: .utf8)).write(toFile: file, atomically: true, encoding: .utf8)
        }
        try edit("content/treatments/tms-therapy.md") {
            $0.replacingOccurrences(of: "title: \"TMS Therapy\"", with: "title: \"TMS Therapy")
        }
        // An unrelated problem in a file that sorts before the broken one stays first.
        try edit("content/articles/is-ketamine-an-opiate.md") { $0.replacingOccurrences(of: "\ntitle:", with: "\ncolour: blue\ntitle:") }

        let lines = try CheckCLITests.pamphlet(["check", dir]).stdout.split(separator: "\n").map {
            $0.replacingOccurrences(of: dir + "/", with: "")
        }
        #expect(lines.count == 10, "\(lines)")
        #expect(lines.first?.hasPrefix("content/articles/is-ketamine-an-opiate.md:") == true
                    && lines.first?.contains("warning: unknown key 'colour'") == true, "\(lines)")
        #expect(lines.dropFirst().first?.hasPrefix("content/treatments/tms-therapy.md:5:11: error: malformed front matter YAML") == true,
                "\(lines)")
        let knockOns = Array(lines.dropFirst(2))
        #expect(knockOns.count == 8 && knockOns.allSatisfy { $0.contains("content/treatments/tms-therapy.md did not load") }, "\(lines)")
        #expect(knockOns == knockOns.sorted(), "the knock-ons keep their order by path and line")
        #expect(knockOns.first?.hasPrefix("content/articles/is-ketamine-an-opiate.md:12:5:") == true, "\(lines)")

        let json = try CheckCLITests.pamphlet(["check", dir, "--json"])
        let report = try JSONDecoder().decode(CheckJSONTests.Report.self, from: Data(json.stdout.utf8))
        #expect(report.problems.map { "\($0.path):\($0.line):\($0.column): \($0.severity): \($0.message)" }
                    .map { $0.replacingOccurrences(of: dir + "/", with: "") } == lines)
    }

    /// The order itself: each knock-on group after the last problem of its cause; a cause with no
    /// problem of its own leaves its knock-ons in their sorted place.
    @Test func orderingPutsKnockOnsAfterTheirCause() {
        let own = [Diagnostic.warning("b.md", line: 3, "b"), .error("z.md", line: 5, "z"), .warning("a.md", "a"),
                   .error("z.md", line: 1, "z1")]
        let knockOns: [(Diagnostic, cause: String)] = [(.error("c.md", line: 2, "c->z"), "z.md"), (.error("a.md", line: 9, "a->z"), "z.md"),
                                                      (.error("b.md", line: 1, "b->gone"), "gone.md")]
        #expect(ContentLoader.ordered(own, knockOns: knockOns).map(\.message) == ["a", "b->gone", "b", "z1", "z", "a->z", "c->z"])
        #expect(ContentLoader.ordered(own, knockOns: []) == own.sorted())
    }

    /// A file named otherwise is found by its `id:` line, read without the YAML parser.
    @Test func theIDLineOfABrokenFileCounts() {
        #expect(ContentLoader.intendedIDs(of: "content/x/page.md", text: "---\nid: 'tms-therapy'  # note\ntitle: \"T\n---\n")
                == ["page", "tms-therapy"])
        #expect(ContentLoader.intendedIDs(of: "content/x/page.md", text: nil) == ["page"])
        #expect(ContentLoader.intendedIDs(of: "content/x/page.md", text: "no front matter\nid: other\n") == ["page"])
    }

    @Test func aTabAndAColonInAValueGetHints() {
        let tab = ContentLoader.parseDocument(text: "---\nkind: article\ntitle: T\ntags:\n\t- a\n---\n\nBody.\n", path: "a.md")
        #expect(tab.diagnostics.map(\.description) == [
            "a.md:5:1: error: malformed front matter YAML: found character that cannot start any token "
                + "(while scanning for the next token at line 5); this line has a tab: indent with spaces, not tabs",
        ])
        let (_, colon) = ContentLoader.parseSite(text: "name: x\ncontact:\n  phone: 555-0100: ext 2\n", path: "site.yaml")
        #expect(colon.map(\.description) == [
            "site.yaml:3:18: error: malformed site.yaml: mapping values are not allowed in this context; put a value that contains ': ' in quotes",
        ])
    }
}

/// Review E 8: YAML cut `title: TMS #1 therapy` to "TMS" without a word; a stray leading space and
/// a missing space after a colon got the wrong hint or none.
@Suite struct YAMLHintTests {
    func problems(_ frontMatter: String) -> [Diagnostic] {
        ContentLoader.parseDocument(text: "---\n" + frontMatter + "---\n\nText.\n", path: "p.md").diagnostics
    }

    @Test func aHashInAPlainValueIsNamed() {
        let d = problems("kind: article\ntitle: TMS #1 therapy\n")
        #expect(d.contains { $0.severity == .warning && $0.line == 3 && $0.message.contains("'title' is read as 'TMS'") }, "\(d)")
        #expect(problems("kind: article\ntitle: \"TMS #1 therapy\"\n").isEmpty)
        #expect(problems("kind: article\ntitle: TMS   # a comment\n").isEmpty, "a comment is a comment")
        #expect(problems("kind: article\ntitle: TMS # a comment\n").isEmpty)
    }

    @Test func indentationAndColonHints() {
        let indented = problems("kind: article\n title: TMS\n")
        #expect(indented.contains { $0.message.contains("indented differently") }, "\(indented)")
        let glued = problems("kind: article\ntitle:TMS\nsummary: x\n")
        #expect(glued.contains { $0.severity == .error && $0.message.contains("space after each key's colon") }, "\(glued)")
    }
}
