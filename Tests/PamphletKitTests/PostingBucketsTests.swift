import Testing
@testable import PamphletKit

/// Impacts are rounded without libm's `roundf`: the same value over their whole range.
@Suite struct ImpactRoundingTests {
    @Test func roundsLikeTheStandardLibrary() {
        // Around every integer and every half below 256, where rounding changes, 64 floats each way.
        for k in 0...511 {
            var x = Float(k) / 2
            for _ in 0..<64 { x = x.nextDown }
            for _ in 0..<128 {
                if x >= 0 { #expect(PostingBuckets.rounded(x) == x.rounded(), "\(x)") }
                x = x.nextUp
            }
        }
        var rng = SplitMix(seed: 3)
        for _ in 0..<100_000 {
            let x = Float(rng.next() % 1_000_000) / 1_000_000 * 255
            #expect(PostingBuckets.rounded(x) == x.rounded(), "\(x)")
        }
    }
}
