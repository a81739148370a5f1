import PamphletKit
@testable import PamphletUI
import Testing

/// A keystroke must update and render well within a frame. These run in debug builds, so the bound
/// is loose; the release numbers come from `pamphlet bench`.
@Suite struct PerformanceTests {
    struct Timing: CustomStringConvertible {
        var median: Duration
        var p99: Duration
        var description: String { "median \(median), p99 \(p99)" }
    }

    func measure(_ runs: Int, _ body: () -> Void) -> Timing {
        let clock = ContinuousClock()
        var samples: [Duration] = []
        for _ in 0..<runs { samples.append(clock.measure(body)) }
        samples.sort()
        return Timing(median: samples[runs / 2], p99: samples[min(runs - 1, runs * 99 / 100)])
    }

    @Test func scrollingAReadingPageAt200x60() {
        var app = Fixtures.app(width: 200, height: 60)
        app.press(.char("1"))
        _ = app.view(width: 200, height: 60)
        var down = true
        let t = measure(400) {
            let top = app.currentTop
            app.press(down ? .down : .up)
            if app.currentTop == top { down.toggle() }
            _ = app.view(width: 200, height: 60)
        }
        print("keystroke (scroll) at 200x60: \(t)")
        #expect(t.median < .milliseconds(20))
    }

    @Test func choosingSearchResultsAt200x60() {
        var app = Fixtures.app(width: 200, height: 60)
        app.press(.char("/"))
        app.type("ketamine")
        var down = true
        let t = measure(400) {
            let before = app.search?.selected
            app.press(down ? .down : .up)
            if app.search?.selected == before { down.toggle() }
            _ = app.view(width: 200, height: 60)
        }
        print("keystroke (search results) at 200x60: \(t)")
        #expect(t.median < .milliseconds(20))
    }
}
