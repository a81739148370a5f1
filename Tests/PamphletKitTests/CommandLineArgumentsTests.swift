import Foundation
import Testing
import TestSupport

/// How the real `pamphlet` reads its command line (review B): `--` in `search`, `--version`,
/// mistyped commands, help examples.
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
        #expect(exclusion.status == 1, "\(exclusion.stderr)")
        #expect(exclusion.stderr == "No results for \u{201C}-ketamine\u{201D}.\n")

        // After `--`, an option is a word too.
        let words = try CheckCLITests.pamphlet(["search", "--content", c.dir, "--", "-ketamine", "--json"])
        #expect(words.stderr.hasPrefix("No results for \u{201C}-ketamine --json\u{201D}."), "\(words.stderr)")

        let plain = try CheckCLITests.pamphlet(["search", "ketamine", "--json", "--content", c.dir])
        let dashed = try CheckCLITests.pamphlet(["search", "--json", "--content", c.dir, "--", "ketamine"])
        #expect(dashed.status == 0)
        #expect(dashed.stdout == plain.stdout)

        let nothing = try CheckCLITests.pamphlet(["search", "--content", c.dir, "--"])
        #expect(nothing.status == 64)
        #expect(nothing.stderr.contains("Give something to search for"))
    }

    /// A mistyped option before `--` had become query words: `--contnet DIR` searched the bundled
    /// content, `--jsno` printed text, `--limt 3` searched for "3"; all exited 0 (review D 6).
    @Test(arguments: [(["--contnet", "DIR"], "--content"), (["--jsno"], "--json"), (["--limt", "3"], "--limit"),
                      (["--limt=3"], "--limit")])
    func searchRefusesAMistypedOption(_ mistake: [String], _ suggestion: String) throws {
        let c = try Content()
        let run = try CheckCLITests.pamphlet(["search", "ketamine"] + mistake + ["--content", c.dir])
        #expect(run.status == 64, "\(run.stdout)")
        #expect(run.stdout.isEmpty)
        let name = mistake[0].prefix { $0 != "=" }
        #expect(run.stderr.hasPrefix("Error: Unknown option '\(name)'. Did you mean '\(suggestion)'?"), "\(run.stderr)")
        #expect(run.stderr.contains("Usage: pamphlet search"), "\(run.stderr)")
    }

    /// `--limit -1` was "Missing value for '--limit <limit>'" (ArgumentParser took -1 for an option),
    /// `--limit abc` "The value 'abc' is invalid"; now each says what a valid value is (review E 15).
    @Test(arguments: [["--limit", "-1"], ["--limit", "0"], ["--limit", "abc"], ["--limit", "1.5"], ["--limit=-1"],
                      ["--limit", "--json"]])
    func searchNamesAWrongLimit(_ option: [String]) throws {
        let c = try Content()
        let run = try CheckCLITests.pamphlet(["search", "ketamine"] + option + ["--content", c.dir])
        #expect(run.status == 64, "\(run.stdout)")
        #expect(run.stdout.isEmpty)
        let got = option.count == 2 ? option[1] : String(option[0].dropFirst("--limit=".count))
        #expect(run.stderr.hasPrefix("Error: --limit must be a whole number of 1 or more (got \(got)).\n"), "\(run.stderr)")
        #expect(run.stderr.contains("Usage: pamphlet search"), "\(run.stderr)")
    }

    @Test func searchTakesAValidLimit() throws {
        let c = try Content()
        let run = try CheckCLITests.pamphlet(["search", "ketamine", "--limit", "2", "--json", "--content", c.dir])
        #expect(run.status == 0, "\(run.stderr)")
        let hits = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [Any]
        #expect(hits?.count == 2)
    }

    /// The other whole-number options: `show --width -1` and `kiosk --idle-timeout -1` were
    /// "Missing value" too (and the kiosk's exit 64 instead of its 2 for a settings mistake).
    @Test func widthAndIdleTimeoutNameAWrongValue() throws {
        for value in ["-1", "abc"] {
            let show = try CheckCLITests.pamphlet(["show", "ketamine-basics", "--width", value, "--content", LoadFixtures.valid])
            #expect(show.status == 64 && show.stdout.isEmpty)
            #expect(show.stderr.hasPrefix("Error: --width must be a whole number of 8 or more (got \(value))"), "\(show.stderr)")
            let kiosk = try KioskConfigCLITests.pamphlet(["kiosk", "--idle-timeout", value, "--content", RepoPaths.assets.path])
            #expect(kiosk.status == 2)
            #expect(kiosk.stderr == "pamphlet kiosk: --idle-timeout must be a whole number of 1 or more seconds (got \(value)).\n",
                    "\(kiosk.stderr)")
        }
    }

    /// `-word` still excludes, and after `--` a `--word` is still a word.
    @Test func searchKeepsExclusionsAndWordsAfterTheDoubleDash() throws {
        let c = try Content()
        let excluded = try CheckCLITests.pamphlet(["search", "ketamine", "-zzzz", "--content", c.dir])
        #expect(excluded.status == 0, "\(excluded.stderr)")
        let after = try CheckCLITests.pamphlet(["search", "--content", c.dir, "--", "ketamine", "--jsno"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stderr.isEmpty, "\(after.stderr)")
        let far = try CheckCLITests.pamphlet(["search", "ketamine", "--qqqqqqqq", "--content", c.dir])
        #expect(far.status == 64)
        #expect(far.stderr.contains("The options are --json, --limit, --index, --content"), "\(far.stderr)")
    }

    /// Finding 16: a version, and a mistyped command named as such rather than `browse`'s usage.
    @Test func versionIsPrinted() throws {
        let run = try CheckCLITests.pamphlet(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == "0.1.0\n")
    }

    @Test(arguments: [(["serach", "x"], "search"), (["lst"], "list"), (["chek", "."], "check"), (["hashpin"], "hash-pin")])
    func aMistypedCommandIsNamedWithTheClosestOne(_ arguments: [String], _ closest: String) throws {
        let run = try CheckCLITests.pamphlet(arguments)
        #expect(run.status == 64)
        #expect(run.stdout == "")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "pamphlet: '\(arguments[0])' is not a command; did you mean '\(closest)'?", "\(run.stderr)")
        #expect(lines.count == 2 && lines[1].hasPrefix("Commands: browse, search, show, list, check"), "\(run.stderr)")
        #expect(!run.stderr.contains("Usage: pamphlet browse"))
    }

    @Test func aWordFarFromEveryCommandListsThem() throws {
        let run = try CheckCLITests.pamphlet(["frobnicate"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("pamphlet: 'frobnicate' is not a command\nCommands: browse, search,"), "\(run.stderr)")
    }

    /// Finding 17: examples pasted from an installed binary's help must not name the source
    /// tree's `Assets/` (they failed with "does not exist"). `bench` runs in the source tree only.
    @Test(arguments: [[], ["check"], ["search"], ["show"], ["list"], ["browse"], ["index"], ["kiosk"], ["hash-pin"], ["import"]])
    func helpExamplesDoNotNameTheSourceTree(_ command: [String]) throws {
        let run = try CheckCLITests.pamphlet(command + ["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Examples:"))
        #expect(!run.stdout.contains("Assets/"), "\(command) --help: \(run.stdout)")
    }
}
