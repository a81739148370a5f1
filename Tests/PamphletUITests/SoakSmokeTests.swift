import Foundation
import PamphletKit
@testable import PamphletUI
import Testing

/// A short version of `scripts/soak` (which runs 1,000,000 messages and 1,000 idle-reset cycles):
/// seeded random messages through the browser and the kiosk, drawing after every one, and kiosk
/// idle resets that must leave nothing behind.
@Suite struct SoakSmokeTests {
    static let reloads: [LoadedContent] = {
        let shrunk = Library(site: Fixtures.bundled.library.site, documents: Array(Fixtures.bundled.library.documents.prefix(1)))
        return [Fixtures.bundled, LoadedContent(library: shrunk, engine: SearchEngine(library: shrunk))]
    }()

    /// Feeds `messages` messages; draws after every `drawEvery`-th one (and the last) at the stream's size.
    static func drive<P: Program>(_ program: inout P, messages: Int, seed: UInt64, drawEvery: Int = 1) {
        var stream = MessageStream(SeededBytes(seed: seed), reloads: reloads)
        for n in 0..<messages {
            guard let msg = stream.next() else { break }
            _ = program.update(msg)
            guard n % drawEvery == 0 || n == messages - 1 else { continue }
            let (w, h) = (min(stream.width, 300), min(stream.height, 120))
            let canvas = program.view(width: w, height: h)
            if canvas.width != w || canvas.height != h || canvas.cells.count != w * h {
                Issue.record("message \(n) (\(msg)): canvas \(canvas.width)x\(canvas.height) for \(w)x\(h)")
                return
            }
        }
    }

    // Bound: 5 minutes for 10,000 messages in a debug build (about 2 minutes on a 2-core machine
    // with a load of 15; scripts/soak runs the full 1,000,000 in a release build).
    @Test(.timeLimit(.minutes(5)))
    func tenThousandRandomMessagesThroughTheBrowser() {
        var app = AppState(content: Fixtures.bundled, options: Fixtures.options())
        Self.drive(&app, messages: 10_000, seed: 1, drawEvery: 4)
    }

    @Test(.timeLimit(.minutes(5)))
    func twoThousandRandomMessagesThroughTheKiosk() {
        var kiosk = KioskState<AppState>(content: Fixtures.bundled, options: KioskOptions(idleTimeout: 20, countdown: 5))
        Self.drive(&kiosk, messages: 2_000, seed: 7, drawEvery: 2)
    }

    @Test(.timeLimit(.minutes(5)))
    func kioskIdleResetsLeaveNothingBehind() {
        let report = KioskCycles.run(cycles: 50, seed: 11, content: Fixtures.bundled, reloads: Self.reloads)
        #expect(report.cycles == 50)
        #expect(report.failures.isEmpty, "\(report.failures.prefix(5).joined(separator: "\n"))")
        // The check is only meaningful if the typed text was on screen before the reset.
        #expect(report.markerShown > 25, "marker shown in only \(report.markerShown) of 50 cycles")
    }
}
