import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// The real `pamphlet search` on a copy of the bundled content: the issue's queries, and the
/// snapshot it writes, reuses, finds stale or damaged.
@Suite struct SearchCLITests {
    /// A copy of Assets/ in a temporary folder (the snapshot is written next to the content).
    final class Content {
        let dir: String
        init() throws {
            dir = NSTemporaryDirectory() + "pamphlet-search-cli-\(UUID().uuidString)"
            try FileManager.default.copyItem(atPath: RepoPaths.root.appendingPathComponent("Assets").path, toPath: dir)
            for hidden in [SnapshotFile.fileName, SnapshotFile.fileName + ".verified"] {
                try? FileManager.default.removeItem(atPath: dir + "/" + hidden)
            }
        }
        deinit { try? FileManager.default.removeItem(atPath: dir) }
        var snapshot: String { dir + "/" + SnapshotFile.fileName }
    }

    struct Hit: Decodable {
        var id: String
        var document: String
        var section: String
        var kind: String
        var snippet: String
        var highlights: [[Int]]
        var missing: [String]
    }

    func search(_ query: String, in c: Content, json: Bool = true) throws -> (status: Int32, hits: [Hit], text: String) {
        let run = try CheckCLITests.pamphlet(["search", query, "--content", c.dir] + (json ? ["--json"] : []))
        let hits = json && run.status == 0 ? try JSONDecoder().decode([Hit].self, from: Data(run.stdout.utf8)) : []
        return (run.status, hits, run.stdout)
    }

    @Test func theIssuesQueriesFindTheirSections() throws {
        let c = try Content()
        let addictive = try search("is ketamine addictive", in: c)
        #expect(addictive.status == 0)
        let first = try #require(addictive.hits.first)
        #expect(first.section.localizedCaseInsensitiveContains("addictive"), "\(first.id)")
        #expect(FileManager.default.fileExists(atPath: c.snapshot))
        // The second run answers from the snapshot, the same.
        #expect(try search("is ketamine addictive", in: c).text == addictive.text)
        #expect(try search("ketamin adictive", in: c).hits.first?.id == first.id)
        #expect(try search("TMS", in: c).hits.first?.snippet.localizedCaseInsensitiveContains("magnetic") == true)
        #expect(try search("naltrex", in: c).hits.first?.section == "What did the Stanford trial find?")
    }

    @Test func changedContentIsSearchedNotTheStaleSnapshot() throws {
        let c = try Content()
        #expect(try search("parking", in: c).status == 1)
        try "---\nkind: faq\ntitle: Visiting\n---\n## Is there parking?\n\nYes, behind the building.\n"
            .write(toFile: c.dir + "/content/visiting.md", atomically: true, encoding: .utf8)
        let after = try search("parking", in: c)
        #expect(after.status == 0)
        #expect(after.hits.first?.id == "visiting#is-there-parking")
    }

    @Test func aDamagedSnapshotIsRebuiltAndTheAnswerIsRight() throws {
        let c = try Content()
        let good = try search("naltrex", in: c)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: c.snapshot)))
        bytes[bytes.count / 2] ^= 0x10
        try Data(bytes).write(to: URL(fileURLWithPath: c.snapshot))
        #expect(try search("naltrex", in: c).text == good.text)
        #expect(throws: Never.self) { try SearchEngine.open(snapshotPath: c.snapshot, fullCheck: true) }
    }

    /// `--index` and `--out` name files by hand: a slip must not turn notes, content or a system
    /// file into a search index (a reviewer's `--index /etc/passwd` as root did, before this).
    @Test func aFileThatIsNotASnapshotIsNeverReplaced() throws {
        let c = try Content()
        let notes = c.dir + "/notes.txt"
        let text = "important notes\n"
        try text.write(toFile: notes, atomically: true, encoding: .utf8)
        let search = try CheckCLITests.pamphlet(["search", "naltrex", "--content", c.dir, "--index", notes])
        #expect(search.status == 2)
        #expect(search.stderr.contains("notes.txt: cannot write the search index: the file there is not a Pamphlet search index"))
        let index = try CheckCLITests.pamphlet(["index", "--content", c.dir, "--out", notes])
        #expect(index.status == 2)
        #expect(index.stderr.contains("not a Pamphlet search index"))
        let site = c.dir + "/site.yaml"
        let siteBefore = try String(contentsOfFile: site, encoding: .utf8)
        #expect(try CheckCLITests.pamphlet(["search", "naltrex", "--content", c.dir, "--index", site]).status == 2)
        #expect(try CheckCLITests.pamphlet(["index", "--content", c.dir, "--out", c.dir + "/content"]).status == 2)
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == text)
        #expect(try String(contentsOfFile: site, encoding: .utf8) == siteBefore)
        #expect(!FileManager.default.fileExists(atPath: notes + ".verified"))

        // A snapshot, an empty file or a damaged snapshot there is fair game.
        let own = c.dir + "/own.index"
        #expect(try CheckCLITests.pamphlet(["index", "--content", c.dir, "--out", own]).status == 0)
        #expect(try CheckCLITests.pamphlet(["search", "naltrex", "--content", c.dir, "--index", own]).status == 0)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: own)))
        bytes[bytes.count / 2] ^= 0x10
        try Data(bytes).write(to: URL(fileURLWithPath: own))
        #expect(try CheckCLITests.pamphlet(["search", "naltrex", "--content", c.dir, "--index", own]).status == 0)
        #expect(throws: Never.self) { try SearchEngine.open(snapshotPath: own, fullCheck: true) }
        try Data().write(to: URL(fileURLWithPath: notes))
        #expect(try CheckCLITests.pamphlet(["index", "--content", c.dir, "--out", notes]).status == 0)
        #expect(throws: Never.self) { try SearchEngine.open(snapshotPath: notes, fullCheck: true) }
    }

    /// The stamp beside a snapshot (`<snapshot>.verified`) is a name a user's file may have too: it
    /// is neither replaced nor removed unless it is a stamp. A link named by --out is judged by what
    /// it points to.
    @Test func aUsersFileWhereTheStampGoesIsKept() throws {
        let c = try Content()
        let index = c.dir + "/foo.idx"
        #expect(try CheckCLITests.pamphlet(["index", "--content", c.dir, "--out", index]).status == 0)
        let text = "IMPORTANT user data\n"
        try text.write(toFile: index + ".verified", atomically: true, encoding: .utf8)
        #expect(try CheckCLITests.pamphlet(["search", "ketamine", "--content", c.dir, "--index", index]).status == 0)
        #expect(try CheckCLITests.pamphlet(["index", "--content", c.dir, "--out", index]).status == 0)
        #expect(try String(contentsOfFile: index + ".verified", encoding: .utf8) == text)
        // Our own stamp is still written, and removed when the snapshot is rewritten.
        try FileManager.default.removeItem(atPath: index + ".verified")
        let stamp = VerifiedStamp(device: 1, inode: 2, size: 3, modified: FileTime(seconds: 4, nanoseconds: 5),
                                  changed: FileTime(seconds: 6, nanoseconds: 7), checksum: 8)
        stamp.write(to: index + ".verified")
        #expect(FileManager.default.fileExists(atPath: index + ".verified"))
        #expect(try CheckCLITests.pamphlet(["index", "--content", c.dir, "--out", index]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: index + ".verified"))

        let notes = c.dir + "/notes.txt"
        try text.write(toFile: notes, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: c.dir + "/link", withDestinationPath: notes)
        #expect(try CheckCLITests.pamphlet(["index", "--content", c.dir, "--out", c.dir + "/link"]).status == 2)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: c.dir + "/link") == notes)
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == text)
    }

    /// A hit that lacks some of the query's words says which, in JSON and in plain text.
    @Test func partialMatchesSayWhatIsMissing() throws {
        let c = try Content()
        let json = try search("ketamine zebra", in: c)
        #expect(!json.hits.isEmpty && json.hits.allSatisfy { $0.missing == ["zebra"] })
        #expect(try search("stanford naltrexone", in: c).hits.first?.missing == [])
        let plain = try search("ketamine zebra", in: c, json: false)
        #expect(plain.text.contains("\n   Missing: zebra\n"), "\(plain.text)")
    }

    /// On a terminal, matches are bold, unless it is a dumb one (escape codes would show as text).
    @Test(arguments: [("xterm", true), ("dumb", false)])
    func matchesAreBoldOnlyOnTerminalsThatCanShowIt(_ term: String, _ escapes: Bool) throws {
        let c = try Content()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        // script(1) gives the command a pseudo-terminal, as an SSH session would.
        process.arguments = ["-qec", "'\(PamphletBinary.url.path)' search stanford --limit 1 --content '\(c.dir)'", "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = term
        environment["NO_COLOR"] = nil
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("\u{1B}[") == escapes, "\(text.debugDescription)")
        #expect(text.contains("[Stanford]") == !escapes, "\(text)")
    }

    /// Review H 3: ten hits printed, and stderr says how many match in all; --json stays the array.
    @Test func moreHitsThanShownAreCountedOnStandardError() throws {
        let c = try Content()
        let all = try search("ketamine", in: c)
        #expect(all.hits.count == 10)
        let every = try CheckCLITests.pamphlet(["search", "ketamine", "--json", "--limit", "100000", "--content", c.dir])
        let total = try JSONDecoder().decode([Hit].self, from: Data(every.stdout.utf8)).count
        #expect(total > 10)
        let plain = try CheckCLITests.pamphlet(["search", "ketamine", "--content", c.dir])
        #expect(plain.status == 0)
        #expect(plain.stderr == "10 of \(total) results (--limit N for more)\n", "\(plain.stderr)")
        #expect(!plain.stdout.contains("results (--limit"))
        // All shown: nothing said. --json: nothing said, stdout is the array alone.
        let whole = try CheckCLITests.pamphlet(["search", "ketamine", "--limit", "\(total)", "--content", c.dir])
        #expect(whole.status == 0 && whole.stderr.isEmpty, "\(whole.stderr)")
        let json = try CheckCLITests.pamphlet(["search", "ketamine", "--json", "--content", c.dir])
        #expect(json.stderr.isEmpty, "\(json.stderr)")
        #expect(try JSONDecoder().decode([Hit].self, from: Data(json.stdout.utf8)).count == 10)
    }

    @Test func nothingFoundSaysSoAndSuggests() throws {
        let c = try Content()
        // Standard output stays empty, as grep's does (review J 14): the message is on standard error.
        let none = try CheckCLITests.pamphlet(["search", "zzqqxv", "--content", c.dir])
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty, "\(none.stdout)")
        #expect(none.stderr.hasPrefix("No results for \u{201C}zzqqxv\u{201D}."), "\(none.stderr)")
        let json = try CheckCLITests.pamphlet(["search", "zzqqxv", "--json", "--content", c.dir])
        #expect(json.status == 1)
        #expect(json.stdout == "[]\n")
    }
}
