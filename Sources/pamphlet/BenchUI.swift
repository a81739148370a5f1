import Glibc
import PamphletKit
import PamphletTerminal
import PamphletUI

/// Keystroke to frame: what one key costs the browser from input to the cells the terminal must
/// write, with the search overlay open and results on screen: `update(.key)` (which re-runs the
/// search, or takes a query typed moments ago from the browser's cache), `view(width:height:)`,
/// `CanvasDiff.changes` against the previous frame and `PaintText.characters` (the changed runs
/// as the wide characters curses is given). Not included: the curses calls themselves (style,
/// `mvaddnwstr`, `refresh`) and the terminal's own drawing, which depend on the terminal.
struct KeystrokeBench {
    var content: LoadedContent
    /// Texts typed one character at a time (the query set's search-as-you-type words and titles).
    var texts: [String]
    var sizes: [(width: Int, height: Int)] = [(80, 24), (200, 60)]

    /// Per size ("80x24"): every timed keystroke. Each text is typed, then Down twice (choosing a
    /// result), then erased with Backspace; all of those keys count. "80x24 typed" holds
    /// the letters alone: each one a query never seen before, the costliest keys (Backspace goes
    /// back to a query still in the browser's cache).
    func run(clock: ContinuousClock) -> [String: LatencySummary] {
        var out: [String: LatencySummary] = [:]
        var sink = 0
        for size in sizes {
            var state = AppState(content: content, width: size.width, height: size.height)
            var previous: Canvas?
            func openSearch() {
                // A fresh browser: no query cached from an earlier text.
                state = AppState(content: content, width: size.width, height: size.height)
                _ = state.update(.resize(width: size.width, height: size.height))
                _ = state.update(.key(.char("/")))
                previous = state.view(width: size.width, height: size.height)
            }
            var buffer: [wchar_t] = []
            var samples: [Double] = [], cpu: [Double] = []
            var typedSamples: [Double] = [], typedCPU: [Double] = []
            func press(_ key: Key, timed: Bool) {
                let c0 = BenchStats.threadCPUms()
                let t0 = clock.now
                _ = state.update(.key(key))
                let frame = state.view(width: size.width, height: size.height)
                let runs = CanvasDiff.changes(from: previous, to: frame)
                for run in runs {
                    PaintText.characters(of: run, asciiPunctuation: false, into: &buffer)
                    sink &+= buffer.count
                }
                let ms = BenchStats.milliseconds(clock.now - t0)
                let cpuMs = BenchStats.threadCPUms() - c0
                sink &+= runs.count
                previous = frame
                guard timed else { return }
                samples.append(ms)
                cpu.append(cpuMs)
                if case .char = key {
                    typedSamples.append(ms)
                    typedCPU.append(cpuMs)
                }
            }
            for (n, text) in ([texts.first ?? "warm up"] + texts).enumerated() {
                let timed = n > 0   // the first text warms caches and page faults
                if n <= 1 { openSearch() }   // the warm-up's queries must not be cached for the timed texts
                for ch in text { press(.char(ch), timed: timed) }
                press(.down, timed: timed)
                press(.down, timed: timed)
                for _ in text { press(.backspace, timed: timed) }
            }
            out["\(size.width)x\(size.height)"] = LatencySummary(samples, cpu: cpu)
            out["\(size.width)x\(size.height) typed"] = LatencySummary(typedSamples, cpu: typedCPU)
        }
        if sink == Int.min { StandardOutput.line("") }   // keeps the frames observable so nothing is optimised away
        return out
    }

    /// The full texts behind the query set's `typing` class (each sequence ends where the next
    /// one starts again at one character).
    static func typedTexts(_ queries: [BenchQuery]) -> [String] {
        let typing = queries.filter { $0.cls == "typing" }.map(\.q)
        var texts: [String] = []
        for (i, q) in typing.enumerated() where i + 1 == typing.count || typing[i + 1].count == 1 {
            texts.append(q)
        }
        return texts
    }
}
