import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// Control characters in content (review B, finding 1): the real `show`, `search` and `list` print
/// them as U+FFFD instead of handing ESC sequences to the staff's terminal; `--json` keeps them
/// exact (escaped); `check` says where they are.
@Suite struct ControlCharacterCLITests {
    /// A title with ESC/BEL (YAML escapes), a body with raw ESC, BEL, a C1 CSI (U+009B) and DEL, an
    /// FAQ question with ESC, and a tab in a code block.
    static func hostileFolder() throws -> String {
        let page = "---\nkind: article\ntitle: \"Esc \\e]0;PWNED\\a title \\e[31mred\"\nsummary: fine\n---\n\n"
            + "Body \u{1B}[2J\u{1B}]0;HACKED\u{07} zebra \u{1B}[31mRED\u{1B}[0m text \u{9B}2J and \u{7F}.\n\n"
            + "## Sec\u{1B}[5mtion\n\nMore zebra words.\n\n    code\twith tab\n"
        return try LoadFixtures.temporaryFolder([
            "site.yaml": LoadFixtures.minimalSite,
            "content/e.md": Data(page.utf8),
        ])
    }

    /// Bytes a terminal acts on: C0 controls other than newline, DEL, C1 controls (UTF-8 C2 80–9F).
    static func controls(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { TerminalSafeText.isControl($0) && $0 != "\n" }
    }

    @Test(arguments: [["show", "e"], ["show", "e#sec-5mtion"], ["search", "zebra"], ["search", "zebra", "words"],
                      ["search", "zebrq"], ["list"]])
    func plainOutputHasNoControlCharacters(_ command: [String]) throws {
        let folder = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CheckCLITests.pamphlet(command + ["--content", folder])
        #expect(run.status == 0 || command.last == "zebrq", "\(run.stderr)")
        #expect(Self.controls(in: run.stdout).isEmpty, "\(command): \(run.stdout.debugDescription)")
        #expect(Self.controls(in: run.stderr).isEmpty, "\(command): \(run.stderr.debugDescription)")
        if command.last != "zebrq" { #expect(run.stdout.contains("\u{FFFD}"), "\(run.stdout)") }
    }

    @Test func showKeepsTheTextAroundReplacedCharacters() throws {
        let folder = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CheckCLITests.pamphlet(["show", "e", "--content", folder])
        #expect(run.stdout.hasPrefix("Esc \u{FFFD}]0;PWNED\u{FFFD} title \u{FFFD}[31mred\n"), "\(run.stdout)")
        #expect(run.stdout.contains("Body \u{FFFD}[2J\u{FFFD}]0;HACKED\u{FFFD} zebra"), "\(run.stdout)")
        #expect(run.stdout.contains("text \u{FFFD}2J and \u{FFFD}."), "\(run.stdout)")
        #expect(run.stdout.contains("code    with tab"), "a tab becomes spaces to the next stop: \(run.stdout)")
    }

    @Test func jsonKeepsTheTextExact() throws {
        let folder = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let title = "Esc \u{1B}]0;PWNED\u{07} title \u{1B}[31mred"
        let show = try CheckCLITests.pamphlet(["show", "e", "--json", "--content", folder])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(object["title"] as? String == title)
        #expect((object["text"] as? String)?.contains("Body \u{1B}[2J\u{1B}]0;HACKED\u{07} zebra") == true)
        let list = try CheckCLITests.pamphlet(["list", "--json", "--content", folder])
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(documents.first?["title"] as? String == title)
        let search = try CheckCLITests.pamphlet(["search", "zebra", "--json", "--content", folder])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]])
        #expect(hits.first?["document"] as? String == title)
        #expect(hits.contains { ($0["snippet"] as? String)?.contains("text \u{9B}2J and \u{7F}.") == true }, "\(hits)")
        // Escaped (C1 and DEL too): no raw control character either way.
        for run in [show, list, search] { #expect(Self.controls(in: run.stdout).isEmpty) }
    }

    @Test func checkWarnsWithFileAndLine() throws {
        let folder = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CheckCLITests.pamphlet(["check", folder])
        #expect(run.status == 0, "warnings only: \(run.stdout)")
        let file = folder + "/content/e.md"
        #expect(run.stdout.contains("\(file):3:8: warning: control character U+001B in 'title'"), "\(run.stdout)")
        #expect(run.stdout.contains("\(file):7:6: warning: control character U+001B in the text"), "\(run.stdout)")
        #expect(run.stdout.contains("\(file):9:7: warning: control character U+001B in the text"), "\(run.stdout)")
        #expect(!run.stdout.contains(":13:"), "a tab is not warned about: \(run.stdout)")
        #expect(Self.controls(in: run.stdout).isEmpty)
    }

    @Test func checkWarnsAboutC1AndInSiteYAML() throws {
        let folder = try LoadFixtures.temporaryFolder([
            "site.yaml": Data("name: Clinic\ncontact:\n  phone: \"555\\x9b0m\"\n".utf8),
            "content/a.md": Data("---\nkind: article\ntitle: A\ntags: [ok, \"b\\x07ell\"]\n---\n\nFine.\n\nStill \u{85}fine?\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CheckCLITests.pamphlet(["check", folder])
        #expect(run.stdout.contains("\(folder)/site.yaml:3:10: warning: control character U+009B in 'phone'"), "\(run.stdout)")
        #expect(run.stdout.contains("\(folder)/content/a.md:4:12: warning: control character U+0007 in 'tags'"), "\(run.stdout)")
        #expect(run.stdout.contains("\(folder)/content/a.md:9:7: warning: control character U+0085 in the text"), "\(run.stdout)")
    }

    @Test func manyLinesAreSummedUp() throws {
        let body = (1...20).map { "line \($0) \u{1B}[0m" }.joined(separator: "\n")
        let (_, diagnostics) = DocumentParser.parse(text: "---\nkind: article\ntitle: T\n---\n" + body + "\n", path: "m.md")
        let warnings = diagnostics.filter { $0.message.contains("control character") }
        #expect(warnings.count == ControlCharacters.reportedLines + 1)
        #expect(warnings.last?.message == "control characters on 15 more lines of the text")
    }

    @Test func cleanReplacesOneScalarForOne() {
        #expect(TerminalSafeText.clean("a\u{1B}[1mb\u{9B}c\u{7F}d\r\n") == "a\u{FFFD}[1mb\u{FFFD}c\u{FFFD}d\u{FFFD}\n")
        #expect(TerminalSafeText.clean("ab\tc\n\td") == "ab      c\n        d")
        #expect(TerminalSafeText.clean("日本\tx") == "日本    x")
        #expect(TerminalSafeText.clean("a\tb", expandTabs: false) == "a b")
        let plain = "no controls here: é ©\u{A0}"
        #expect(TerminalSafeText.clean(plain) == plain)
        #expect(TerminalSafeText.firstControl(in: "ab\tc\nd\u{1B}") == 6)
    }
}
