import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// The real `pamphlet` binary: `check`, `list` and `show` end to end.
@Suite struct CheckCLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the built binary with `arguments`; output goes through files so neither pipe can fill up.
    static func pamphlet(_ arguments: [String], environment extra: [String: String] = [:],
                         directory: URL = RepoPaths.root) throws -> Run {
        let binary = RepoPaths.binary
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            Issue.record("no pamphlet binary at \(binary.path); run `swift build` first or set PAMPHLET_BINARY")
            return Run(status: -1, stdout: "", stderr: "")
        }
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temp) }
        let out = temp.appendingPathComponent("out"), err = temp.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        var environment = ProcessInfo.processInfo.environment
        environment["PAMPHLET_CONTENT"] = nil
        // Review dates are compared with this day, not the calendar's (see `checkWarnsAboutOverdueReviews`).
        environment["PAMPHLET_TODAY"] = "2026-11-28"
        environment.merge(extra) { $1 }
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// Valid content passes; its three pages without review dates are warnings (review G 12).
    @Test func checkPassesOnValidContent() throws {
        let run = try Self.pamphlet(["check", LoadFixtures.valid])
        #expect(run.status == 0)
        #expect(run.stdout == ["checklists/tms-self-check", "faq/common-questions", "treatments/iv-ketamine"].map {
            "\(LoadFixtures.valid)/content/\($0).md:1:1: warning: '\($0.split(separator: "/")[1])' has no review dates: "
                + "once the page has been checked, add review: {last_reviewed: YYYY-MM-DD, next_review: YYYY-MM-DD}\n"
        }.joined(), "\(run.stdout)")
        #expect(run.stderr == "0 errors, 3 warnings in 6 files\n")
    }

    /// The lines of `check` output other than the "no review dates" warnings (review G 12), which
    /// the fixtures' pages get and these tests are not about.
    static func withoutMissingReviewDates(_ stdout: String) -> String {
        stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains(": warning: '") || !$0.contains("' has no review dates: ") }
            .joined(separator: "\n")
    }

    /// Pages past `next_review` are warnings (exit 0), at that line; `PAMPHLET_TODAY` sets the day.
    @Test func checkWarnsAboutOverdueReviews() throws {
        let later = try Self.pamphlet(["check", LoadFixtures.valid], environment: ["PAMPHLET_TODAY": "2099-01-01"])
        #expect(later.status == 0)
        #expect(Self.withoutMissingReviewDates(later.stdout) == LoadFixtures.valid + "/content/articles/ketamine-basics.md:10:1: warning: "
                + "'ketamine-basics' was due for review on 2027-01-15 (next_review)\n", "\(later.stdout)")
        #expect(later.stderr == "0 errors, 4 warnings in 6 files\n")
        // A date that is not YYYY-MM-DD is said, not silently replaced by today's.
        let mistyped = try Self.pamphlet(["check", LoadFixtures.valid], environment: ["PAMPHLET_TODAY": "2099-1-1"])
        #expect(mistyped.stderr.contains("PAMPHLET_TODAY=2099-1-1 is not a date written YYYY-MM-DD"), "\(mistyped.stderr)")
    }

    /// synonyms.txt lines the search ignores are named (they had passed silently).
    @Test func checkWarnsAboutSynonymLinesThatDoNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-syn-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: LoadFixtures.valid, toPath: dir.path)
        try "# groups\nfoo\n,,\nCost, cost\nprice, cost  # fine\n".write(to: dir.appendingPathComponent("synonyms.txt"), atomically: true, encoding: .utf8)
        let run = try Self.pamphlet(["check", dir.path])
        #expect(run.status == 0)
        let lines = Self.withoutMissingReviewDates(run.stdout).split(separator: "\n").map(String.init)
        #expect(lines.map { $0.components(separatedBy: ": warning").first ?? "" } == [2, 3, 4].map { "\(dir.path)/synonyms.txt:\($0):1" },
                "\(run.stdout)")
        // The file on its own too (it had been "missing front matter", an error).
        let alone = try Self.pamphlet(["check", dir.path + "/synonyms.txt"])
        #expect(alone.status == 0 && alone.stdout == Self.withoutMissingReviewDates(run.stdout), "\(alone.stdout)\(alone.stderr)")
        #expect(alone.stderr == "0 errors, 3 warnings in 1 file\n", "\(alone.stderr)")
    }

    @Test func checkNamesEveryBrokenFileAndFails() throws {
        let run = try Self.pamphlet(["check", LoadFixtures.broken])
        #expect(run.status == 1)
        // 9 of the warnings are pages that loaded without review dates (review G 12).
        #expect(run.stderr == "21 errors, 13 warnings in 20 files\n")
        let lines = Self.withoutMissingReviewDates(run.stdout).split(separator: "\n").map(String.init)
        #expect(lines.count == LoadBrokenTests.expected.count)
        for e in LoadBrokenTests.expected {
            let prefix = "\(LoadFixtures.broken)/\(e.file):\(e.line):"
            #expect(lines.contains { $0.hasPrefix(prefix) && $0.contains(": \(e.severity.rawValue): ") && $0.contains(e.fragment) },
                    "no line for \(prefix)")
        }
        // Every file in the folder that has a problem is named.
        let files = try FileManager.default.contentsOfDirectory(atPath: LoadFixtures.broken + "/content")
        for file in files {
            #expect(lines.contains { $0.hasPrefix("\(LoadFixtures.broken)/content/\(file):") }, "\(file) not named")
        }
    }

    @Test func checkTakesContentOptionAndRelativePaths() throws {
        let relative = "Tests/PamphletKitTests/Fixtures/broken/"
        let run = try Self.pamphlet(["check", "--content", relative])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\n\(relative)content/empty.md:1:1: error: empty file\n"))
        // A path that is not there is unusable input (exit 2, as for --content), not a content error.
        let missing = try Self.pamphlet(["check", "/nonexistent/folder"])
        #expect(missing.status == 2)
        #expect(missing.stdout == "")
        #expect(missing.stderr == "pamphlet: /nonexistent/folder does not exist\n")
    }

    @Test func listJSON() throws {
        let run = try Self.pamphlet(["list", "--json", "--content", LoadFixtures.valid])
        #expect(run.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 5)
        for entry in array { #expect(Set(entry.keys) == ["id", "kind", "title", "sections"]) }
        let faq = try #require(array.first { $0["id"] as? String == "common-questions" })
        #expect(faq["kind"] as? String == "faq")
        let sections = try #require(faq["sections"] as? [[String: String]])
        #expect(sections.first == ["id": "common-questions#is-ketamine-an-opiate", "title": "Is ketamine an opiate?"])
        #expect(sections.count == 3)
    }

    @Test func listPlainIsGroupedByKind() throws {
        let run = try Self.pamphlet(["list", "--content", LoadFixtures.valid])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Articles")
        #expect(lines.contains("  ketamine-basics  Ketamine Basics"))
        #expect(lines.contains("    #how-it-works  How It Works"))
        #expect(lines.contains("      #doses  Doses"))
        let order = ["Articles", "FAQs", "Treatments", "Self-check", "Contact"].compactMap { lines.firstIndex(of: $0) }
        #expect(order.count == 5 && order == order.sorted())
    }

    @Test func showSectionAsTextAndJSON() throws {
        let run = try Self.pamphlet(["show", "iv-ketamine#what-to-expect", "--width", "40", "--content", LoadFixtures.valid])
        #expect(run.status == 0)
        #expect(run.stdout.contains("What to expect\n--------------\n\nYou rest in a quiet room for about 40\nminutes.\n"))
        let json = try Self.pamphlet(["show", "iv-ketamine", "--json", "--width", "30", "--content", LoadFixtures.valid])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "iv-ketamine")
        #expect(object["kind"] as? String == "treatment")
        #expect(object["title"] as? String == "IV Ketamine Infusions")
        #expect((object["text"] as? String)?.contains("Conditions treated:\nDepression, PTSD") == true)
        #expect((object["sections"] as? [[String: String]])?.map { $0["id"] ?? "" } == ["iv-ketamine#what-to-expect"])
    }

    /// An id typed in another case names the same page and section; an empty id is a usage error
    /// (review J 14d: it had said "no document" with five guesses, and exited 1).
    @Test func showTakesIdsInAnyCaseAndRefusesAnEmptyOne() throws {
        let upper = try Self.pamphlet(["show", "IV-KETAMINE#What-To-Expect", "--json", "--content", LoadFixtures.valid])
        #expect(upper.status == 0, "\(upper.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(upper.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "iv-ketamine#what-to-expect")
        let empty = try Self.pamphlet(["show", " ", "--content", LoadFixtures.valid])
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("Give the id of a page"), "\(empty.stderr)")
    }

    @Test func showWithoutTerminalWrapsAt80() throws {
        let run = try Self.pamphlet(["show", "ketamine-basics", "--content", LoadFixtures.valid])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(run.stdout.contains("Ketamine is an anesthetic with fast effects. See the FAQ [see common-questions]\nor the clinic site"))
    }

    /// "See also" had listed ids only (`See also: tms-self-check, iv-ketamine-infusions, ...`), while
    /// inline links read "Title [see id]" (review D 22).
    @Test func showListsRelatedPagesByTitleAndID() throws {
        let run = try Self.pamphlet(["show", "tms-therapy", "--content", RepoPaths.assets.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("""

            See also:
            • Could TMS Therapy Be Right For You? [see tms-self-check]
            • IV Ketamine Infusions [see iv-ketamine-infusions]
            • Questions About Ketamine and TMS \u{203A} Does the clinic offer TMS? [see
              ketamine-faq#does-the-clinic-offer-tms]

            """), "\(run.stdout)")
    }

    /// At 40 columns the last id was broken ("[see ketami" / "ne-faq#does-the-clinic-offer-tms]",
    /// review E 14): it goes on a line of its own, whole, even though that line is 41 wide.
    @Test func showNeverBreaksAnID() throws {
        let run = try Self.pamphlet(["show", "tms-therapy", "--width", "40", "--content", RepoPaths.assets.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("""
            • Questions About Ketamine and TMS \u{203A}
              Does the clinic offer TMS? [see
              ketamine-faq#does-the-clinic-offer-tms]

            """), "\(run.stdout)")
    }

    /// Narrower than the renderer lays out is refused (it used to wrap at 8 anyway, splitting words).
    @Test(arguments: [-1, 0, 1, 5, 7])
    func showRefusesWidthsBelowTheMinimum(_ width: Int) throws {
        let run = try Self.pamphlet(["show", "ketamine-basics", "--width", "\(width)", "--content", LoadFixtures.valid])
        #expect(run.status == 64)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("--width must be a whole number of 8 or more (got \(width)); narrower, list markers"), "\(run.stderr)")
    }

    @Test func showAtTheMinimumWidth() throws {
        let run = try Self.pamphlet(["show", "ketamine-basics", "--width", "8", "--content", LoadFixtures.valid])
        #expect(run.status == 0)
        #expect(!run.stdout.isEmpty)
    }

    @Test(arguments: [
        ("ketamine-basic", "ketamine-basics"),
        ("ketamine-basics#dose", "ketamine-basics#doses"),
        ("common-questions#costs", "common-questions#is-ketamine-an-opiate"),
    ])
    func showUnknownIDSuggestsCloseOnes(_ id: String, _ suggestion: String) throws {
        let run = try Self.pamphlet(["show", id, "--content", LoadFixtures.valid])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("error: "))
        #expect(run.stderr.contains(suggestion))
    }

    /// One line sums the problems up (review B, finding 14): `check` lists them.
    @Test func listReportsLoadErrorsOnStderr() throws {
        let run = try Self.pamphlet(["list", "--json", "--content", LoadFixtures.broken])
        #expect(run.status == 0)
        #expect(run.stderr == "pamphlet: 25 problems in the content (run `pamphlet check \(LoadFixtures.broken)` for details)\n")
        #expect(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) is [Any])
    }

    /// Issue 2's must-show on the bundled content.
    @Test func bundledContent() throws {
        let check = try Self.pamphlet(["check"])
        #expect(check.status == 0, "\(check.stdout)")
        let list = try Self.pamphlet(["list", "--json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        func of(_ kind: String) -> [[String: Any]] { array.filter { $0["kind"] as? String == kind } }
        let article = try #require(of("article").first { $0["title"] as? String == "Is Ketamine an Opiate?" })
        #expect((article["sections"] as? [Any])?.count == 6)
        #expect(of("faq").map { ($0["sections"] as? [Any])?.count ?? 0 }.reduce(0, +) >= 5)
        #expect(of("treatment").count >= 2)
        #expect(of("checklist").count >= 1)
        #expect(of("contact").count >= 1)
    }

    /// A site.yaml given on its own was read as Markdown ("missing front matter").
    @Test func singleSiteFileIsCheckedAsASiteFile() throws {
        let good = try Self.pamphlet(["check", RepoPaths.assets.appendingPathComponent("site.yaml").path])
        #expect(good.status == 0, "\(good.stdout)")
        #expect(!good.stdout.contains("front matter"))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-check-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site.yaml")
        try "tagline: hi\ntheme: purple\n".write(to: site, atomically: true, encoding: .utf8)
        let bad = try Self.pamphlet(["check", site.path])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("\(site.path):2:8: warning: unknown theme 'purple'"), "\(bad.stdout)")
        #expect(bad.stdout.contains("name"), "\(bad.stdout)")
        #expect(!bad.stdout.contains("front matter"))
    }

    /// `kiosk --help` at 80 columns had a line holding only `content` and "machine instead)" at
    /// column 0: discussion lines too long for 80 columns were wrapped without their indent.
    @Test(arguments: ["check", "import", "hash-pin", "kiosk", "show", "list", "search", "index", "browse", "bench"])
    func helpWrapsCleanlyAt80Columns(_ command: String) throws {
        let run = try Self.pamphlet([command, "--help"], environment: ["COLUMNS": "80"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (previous, line) in zip(lines, lines.dropFirst()) {
            // An indented line (a table row or an example) continued at column 0 was wrapped.
            let orphan = !line.isEmpty && !line.hasPrefix(" ") && previous.hasPrefix("  ")
                && !previous.trimmingCharacters(in: .whitespaces).isEmpty
            #expect(!orphan, "\(command) --help: '\(line)' after '\(previous)'")
        }
    }

    /// The bundled contact page leaves every field of site.yaml empty: `show` says to ask at the front desk.
    @Test func showContactIncludesTheSiteDetails() throws {
        let run = try Self.pamphlet(["show", "contact", "--width", "60", "--content", RepoPaths.assets.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Phone    ask at the front desk\nEmail    ask at the front desk"), "\(run.stdout)")
    }
}

