import Foundation
import Testing
import TestSupport

/// `search`, `list`, `show` and `index` on content with problems (review B, finding 14): one line on
/// stderr counts them (errors that kept a file out included) and names `pamphlet check`, instead of
/// the whole listing at every run.
@Suite struct ProblemSummaryCLITests {
    /// A copy of the broken fixture in a folder whose name needs quoting at a shell prompt.
    final class Broken {
        let parent: String
        var dir: String { parent + "/clinic content" }
        init() throws {
            parent = NSTemporaryDirectory() + "pamphlet-summary-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: LoadFixtures.broken, toPath: dir)
        }
        deinit { try? FileManager.default.removeItem(atPath: parent) }
    }

    @Test(arguments: [["search", "ketamine"], ["search", "ketamine", "--json"], ["list"], ["list", "--json"],
                      ["show", "bad-date"], ["index"]])
    func oneLineSumsTheProblemsUp(_ command: [String]) throws {
        let c = try Broken()
        let check = try CheckCLITests.pamphlet(["check", c.dir])
        // Pages without review dates are `check`'s own warnings (as overdue reviews are), not the loader's.
        let total = CheckCLITests.withoutMissingReviewDates(check.stdout).split(separator: "\n").count
        #expect(check.stderr == "21 errors, 13 warnings in 20 files\n" && total == 25)
        let run = try CheckCLITests.pamphlet(command + ["--content", c.dir])
        // One line; a plain search that finds nothing adds its "No results" (standard error, review J 14).
        var said = run.stderr
        if command.first == "search" && run.status == 1 && !command.contains("--json"),
           let cut = said.range(of: "No results for ") { said.removeSubrange(cut.lowerBound...) }
        #expect(said == "pamphlet: \(total) problems in the content (run `pamphlet check '\(c.dir)'` for details)\n",
                "\(command): \(run.stderr)")
    }

    @Test func warningsAloneAreCountedToo() throws {
        let folder = try LoadFixtures.temporaryFolder([
            "site.yaml": LoadFixtures.minimalSite,
            "content/a.md": Data("---\nkind: article\ntitle: A\ncolour: blue\n---\n\nText.\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CheckCLITests.pamphlet(["list", "--content", folder])
        #expect(run.status == 0)
        #expect(run.stderr == "pamphlet: 1 problem in the content (run `pamphlet check \(folder)` for details)\n")
        let clean = try CheckCLITests.pamphlet(["list", "--content", LoadFixtures.valid])
        #expect(clean.stderr == "")
    }
}
