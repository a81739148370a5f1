import Foundation
import Testing
import TestSupport

/// How the real `pamphlet` reads its command line (review B): `--` in `search`.
@Suite struct CommandLineArgumentsTests {
    /// A temporary copy of the valid fixture (search writes its snapshot beside the content).
    final class Content {
        let dir: String
        init() throws {
            dir = NSTemporaryDirectory() + "pamphlet-args-\(UUID().uuidString)"
            try FileManager.default.copyItem(atPath: LoadFixtures.valid, toPath: dir)
        }
        deinit { try? FileManager.default.removeItem(atPath: dir) }
    }

    /// `--` ends the options and is not itself a query word (finding 15).
    @Test func doubleDashEndsTheOptionsAndIsNotAWord() throws {
        let c = try Content()
        let exclusion = try CheckCLITests.pamphlet(["search", "--content", c.dir, "--", "-ketamine"])
        #expect(exclusion.status == 1, "\(exclusion.stdout)")
        #expect(exclusion.stdout == "No results for \u{201C}-ketamine\u{201D}.\n")

        // After `--`, an option is a word too.
        let words = try CheckCLITests.pamphlet(["search", "--content", c.dir, "--", "-ketamine", "--json"])
        #expect(words.stdout.hasPrefix("No results for \u{201C}-ketamine --json\u{201D}."), "\(words.stdout)")

        let plain = try CheckCLITests.pamphlet(["search", "ketamine", "--json", "--content", c.dir])
        let dashed = try CheckCLITests.pamphlet(["search", "--json", "--content", c.dir, "--", "ketamine"])
        #expect(dashed.status == 0)
        #expect(dashed.stdout == plain.stdout)

        let nothing = try CheckCLITests.pamphlet(["search", "--content", c.dir, "--"])
        #expect(nothing.status == 64)
        #expect(nothing.stderr.contains("Give something to search for"))
    }
}
