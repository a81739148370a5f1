import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// `show`, `list` and `import` --help state their exit codes, as the other commands do, and the
/// codes are the ones the commands use (review G 13).
@Suite struct ExitStatusHelpCLITests {
    @Test(arguments: ["show", "list", "import"])
    func helpStatesTheExitCodes(_ command: String) throws {
        let help = try CheckCLITests.pamphlet([command, "--help"])
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Exit status: 0 when"), "\(help.stdout)")
        #expect(text.contains("64 on bad arguments"))
    }

    @Test func theStatedCodesAreTheRealOnes() throws {
        let assets = RepoPaths.assets.path
        #expect(try CheckCLITests.pamphlet(["show", "nosuch", "--content", assets]).status == 1)
        #expect(try CheckCLITests.pamphlet(["show", "contact", "--content", "/nonexistent-pamphlet"]).status == 2)
        #expect(try CheckCLITests.pamphlet(["show", "contact", "--width", "3", "--content", assets]).status == 64)
        #expect(try CheckCLITests.pamphlet(["list", "--content", "/nonexistent-pamphlet"]).status == 2)
        #expect(try CheckCLITests.pamphlet(["list", "--content", LoadFixtures.valid]).status == 0)
        // Content with errors and no document loaded.
        let empty = try LoadFixtures.temporaryFolder(["site.yaml": LoadFixtures.minimalSite, "content/a.md": Data("no front matter\n".utf8)])
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(try CheckCLITests.pamphlet(["list", "--content", empty]).status == 1)
        #expect(try CheckCLITests.pamphlet(["import", "/nonexistent-pamphlet.txt", "--out", empty + "/out"]).status == 1)
        #expect(try CheckCLITests.pamphlet(["import", "x.txt", "--kind", "blog", "--out", empty + "/out"]).status == 64)
    }
}
