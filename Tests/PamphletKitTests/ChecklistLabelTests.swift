import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// `pamphlet show` on a self-check names how many ticks each outcome covers (review B, finding 7):
/// a `min: 0` outcome followed by one at 1 was labelled "Any number ticked".
@Suite struct ChecklistLabelTests {
    @Test(arguments: [
        (0, 1, "None ticked"), (0, 3, "0-2 ticked"), (1, 2, "1 ticked"), (1, 4, "1-3 ticked"),
        (2, nil, "2 or more ticked"), (0, nil, "Any number ticked"),
    ] as [(Int, Int?, String)])
    func label(_ low: Int, _ next: Int?, _ expected: String) {
        #expect(PlainTextRenderer.tickedLabel(from: low, below: next) == expected)
    }

    /// The bundled TMS self-check: `min: 0` then `min: 1`.
    @Test func bundledSelfCheck() throws {
        let run = try CheckCLITests.pamphlet(["show", "tms-self-check", "--width", "200", "--content", RepoPaths.assets.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\n• None ticked: None of these describe you today."), "\(run.stdout)")
        #expect(run.stdout.contains("\n• 1 or more ticked: One or more of these describe you."), "\(run.stdout)")
        #expect(!run.stdout.contains("Any number ticked"))
    }

    /// The fixture's: `min: 0` then `min: 2`.
    @Test func rangeBeforeTheNextOutcome() throws {
        let run = try CheckCLITests.pamphlet(["show", "tms-self-check", "--width", "200", "--content", LoadFixtures.valid])
        #expect(run.stdout.contains("\n• 0-1 ticked: TMS may not be the first option for you."), "\(run.stdout)")
        #expect(run.stdout.contains("\n• 2 or more ticked: TMS could be right for you."), "\(run.stdout)")
    }
}
