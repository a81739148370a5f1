// The soak runner: random messages through the app core (update, then view at the current random
// size) and kiosk idle-reset cycles, printing messages, seconds and resident memory as it goes.
// Run it with scripts/soak (release build). Flags: --messages N (1,000,000), --kiosk-messages N
// (100,000), --cycles N (1,000), --seed S (1). Exit 1 if a check failed.
import Foundation
import FuzzSupport
import PamphletKit
import PamphletUI

func flag(_ name: String, _ fallback: Int) -> Int {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count, let value = Int(args[i + 1]) else { return fallback }
    return value
}

let messages = flag("--messages", 1_000_000)
let kioskMessages = flag("--kiosk-messages", 100_000)
let cycles = flag("--cycles", 1_000)
let seed = UInt64(flag("--seed", 1))
let content = BundledContent.loaded
let reloads = [BundledContent.loaded, BundledContent.reloaded, BundledContent.shrunk]
nonisolated(unsafe) var failed = false

func mb(_ kb: Int) -> String { String(format: "%.1f MB", Double(kb) / 1024) }

func soak<P: Program>(_ name: String, _ program: inout P, count: Int, seed: UInt64) {
    var stream = MessageStream(SeededBytes(seed: seed), reloads: reloads)
    let startRSS = Memory.residentKB
    let start = Date()
    var cells = 0
    var quits = 0
    print("\(name): \(count) messages, seed \(seed); RSS at start \(mb(startRSS))")
    for n in 1...max(1, count) {
        guard let msg = stream.next() else { break }
        if program.update(msg).contains(.quit) { quits += 1 }  // a runtime would stop; the soak goes on
        let (w, h) = (min(stream.width, 300), min(stream.height, 120))
        let canvas = program.view(width: w, height: h)
        if canvas.width != w || canvas.height != h || canvas.cells.count != w * h {
            print("  FAIL at message \(n): canvas \(canvas.width)x\(canvas.height) for \(w)x\(h)")
            failed = true
        }
        cells += canvas.cells.count
        if n % 100_000 == 0 {
            print(String(format: "  %8d messages  %7.1f s  RSS %@", n, Date().timeIntervalSince(start), mb(Memory.residentKB)))
        }
    }
    let seconds = Date().timeIntervalSince(start)
    print(String(format: "%@: %ld messages in %.1f s (%.0f/s), %ld cells drawn, %ld quit effects; RSS start %@, end %@, peak %@",
                 name, count, seconds, Double(count) / seconds, cells, quits, mb(startRSS), mb(Memory.residentKB), mb(Memory.peakKB)))
}

var app = AppState(content: content)
soak("app core", &app, count: messages, seed: seed)

var kiosk = KioskState<AppState>(content: content, options: KioskOptions(idleTimeout: 20, countdown: 5))
soak("kiosk", &kiosk, count: kioskMessages, seed: seed &+ 1)

let cycleStart = Date()
let rssBefore = Memory.residentKB
let report = KioskCycles.run(cycles: cycles, seed: seed &+ 2, content: content, reloads: reloads)
print(String(format: "kiosk idle reset: %d cycles (%d messages) in %.1f s; marker on screen before reset in %d; RSS %@ -> %@; %d failures",
             report.cycles, report.messages, Date().timeIntervalSince(cycleStart), report.markerShown,
             mb(rssBefore), mb(Memory.residentKB), report.failures.count))
for failure in report.failures.prefix(20) { print("  FAIL \(failure)") }
if !report.failures.isEmpty { failed = true }
exit(failed ? 1 : 0)
