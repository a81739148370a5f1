import Foundation
import Testing
@testable import PamphletKit

/// The startup's background value: waited for before or after it is ready, as often as asked.
@Suite struct BackgroundComputationTests {
    @Test func waitingReturnsTheValueEveryTime() {
        let slow = BackgroundComputation { () -> Int in
            Thread.sleep(forTimeInterval: 0.02)
            return 42
        }
        #expect(slow.wait() == 42)   // before it is ready
        #expect(slow.wait() == 42)   // after
        let quick = BackgroundComputation { "done" }
        Thread.sleep(forTimeInterval: 0.02)
        #expect(quick.wait() == "done")
    }

    @Test func manyAtOnce() {
        let all = (0..<64).map { i in BackgroundComputation { i * i } }
        #expect(all.map { $0.wait() } == (0..<64).map { $0 * $0 })
    }
}
