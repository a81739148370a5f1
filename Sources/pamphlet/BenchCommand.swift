import ArgumentParser
import Foundation

/// `pamphlet bench`: the search benchmark's Pamphlet side (Benchmarks/run.sh runs the references).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark search on the Benchmarks corpus: build speed, size, memory, latency, cold start.",
        discussion: """
            Loads the corpus through the normal loader, times the in-memory index build (MB/s over the Markdown bytes), runs every query of the query file (one warm-up pass, then --repeat timed passes of search(query, limit: 10) with snippets) and reports the median and p99 per query class, on the wall clock and on the thread's CPU clock. Writes the snapshot with `pamphlet index` and measures its size, and times cold starts of `pamphlet search QUERY --content CORPUS` as child processes (spawn to exit). --ui adds keystroke to frame in the browser.

            Build the corpus and the queries first; Benchmarks/run.sh does everything, with SQLite FTS5 and tantivy side by side. Use a release build: debug numbers mean nothing.

            Examples:
              python3 Benchmarks/make_corpus.py
              python3 Benchmarks/make_queries.py
              .build/release/pamphlet bench --ui
              .build/release/pamphlet bench --scale 4 --json > out.json
            """
    )

    @Option(help: ArgumentHelp("Corpus folder (a content folder made by make_corpus.py).", valueName: "DIR"))
    var corpus: String?

    @Option(help: ArgumentHelp("Query file made by make_queries.py.", valueName: "FILE"))
    var queries: String = "Benchmarks/out/queries.json"

    @Option(help: "Which corpus to use by default: 1 is Benchmarks/corpus, N is Benchmarks/corpus-xN.")
    var scale: Int = 1

    @Option(help: "Timed passes over the query set.")
    var `repeat`: Int = 3

    @Option(help: "Cold-start runs (the median is reported).")
    var coldRuns: Int = 10

    @Flag(help: "Also time keystroke to frame in the browser (update + view + diff) at 80x24 and 200x60.")
    var ui = false

    @Option(help: "Also log the N slowest queries of each class (CPU time, best of the passes) to stderr.")
    var slowest: Int = 0

    @Option(help: "Only time the in-memory index build N times (after loading once) and print each run and the medians; no queries.")
    var buildRuns: Int = 0

    @Flag(help: .hidden)
    var serveSnapshot = false

    @Flag(help: .hidden)
    var measureChild = false

    @Argument(parsing: .postTerminator, help: .hidden)
    var childArguments: [String] = []

    @Flag(help: "Print the report as JSON (same keys as the Python reference runners).")
    var json = false

    func validate() throws {
        guard scale >= 1 else { throw ValidationError("--scale must be 1 or more") }
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be 1 or more") }
    }

    func run() throws {
        let dir = corpus ?? (scale == 1 ? "Benchmarks/corpus" : "Benchmarks/corpus-x\(scale)")
        let json = self.json
        let bench = SearchBench(corpus: dir, queriesPath: queries, passes: `repeat`, coldRuns: coldRuns, keystrokes: ui, slowest: slowest,
                                executable: Self.executablePath(), log: { message in
                                    CLIOutput.writeError("bench: \(message)\n")
                                })
        if measureChild {
            // The small intermediate `BenchStats.spawnMeasured` runs, so the child's peak RSS
            // starts from this process's resident size, not the benchmark's.
            let (ms, peak, cpu) = try BenchStats.spawnAndWait(childArguments)
            StandardOutput.line("\(ms) \(peak) \(cpu)")
            return
        }
        if buildRuns > 0 {
            // For profiling the builder (`perf record`): nothing else runs after the load.
            try bench.timeBuilds(buildRuns)
            return
        }
        if serveSnapshot {
            // The child `bench` spawns to measure a process serving queries from the snapshot.
            try bench.serve()
            return
        }
        do {
            let report = try bench.run()
            if json {
                let encoder = JSONEncoder()
                encoder.keyEncodingStrategy = .convertToSnakeCase
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                StandardOutput.line(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                StandardOutput.line(BenchTable.render(report))
            }
        } catch let error as BenchError {
            CLIOutput.writeError("pamphlet bench: \(error)\n")
            throw ExitCode(1)
        }
    }

    /// This very binary, so cold starts measure the build being benchmarked.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}

/// The human-readable report.
enum BenchTable {
    static let classOrder = ["word_common", "word_medium", "word_rare", "two_words", "phrase", "typo",
                             "typing", "typing_1char"]

    static func render(_ r: SearchBenchReport) -> String {
        var lines: [String] = []
        lines.append("Pamphlet search benchmark: \(r.corpus)")
        lines.append(String(format: "  corpus       %.1f MB Markdown, %d documents, %d sections (%d load diagnostics)",
                            Double(r.corpusBytes) / 1e6, r.documents, r.sections, r.loadDiagnostics))
        lines.append(String(format: "  load         %.2f s (loader, not part of the build)", r.loadSeconds))
        lines.append(String(format: "  build        %.3f s = %.1f MB/s (CPU time %.3f s = %.1f MB/s)",
                            r.buildSeconds, r.buildMbPerS, r.buildCpuSeconds, r.buildCpuMbPerS))
        if let bytes = r.indexBytes, let ratio = r.indexRatio {
            lines.append(String(format: "  snapshot     %.1f MB on disk = %.2fx the corpus (pamphlet index: %.1f s, peak RSS %.1f MB)",
                                Double(bytes) / 1e6, ratio, r.indexCommandSeconds ?? 0, r.indexCommandPeakRssMb ?? 0))
        } else {
            lines.append(String(format: "  index image  %.1f MB in memory = %.2fx the corpus (no snapshot file measured)",
                                Double(r.imageBytes) / 1e6, Double(r.imageBytes) / Double(r.corpusBytes)))
        }
        lines.append(String(format: "  peak RSS     %.1f MB = %.2fx the corpus (this process: load + build + queries)",
                            r.peakRssMb, r.peakRssMb * 1_048_576 / Double(r.corpusBytes)))
        if let serving = r.servingPeakRssMb {
            lines.append(String(format: "  serving RSS  %.1f MB = %.2fx the corpus (fresh process: snapshot + every query)",
                                serving, serving * 1_048_576 / Double(r.corpusBytes)))
        }
        if let c = r.coldStart {
            lines.append(String(format: "  cold start   median %.1f ms, min %.1f ms over %d runs; child CPU %.1f ms, peak RSS %.1f MB",
                                c.medianMs, c.minMs, c.runs, c.cpuMedianMs ?? 0, c.peakRssMb ?? 0))
        }
        if let c = r.coldStartFullCheck {
            lines.append(String(format: "  first start  median %.1f ms, min %.1f ms over %d runs (after pamphlet index: whole snapshot checksummed)",
                                c.medianMs, c.minMs, c.runs))
        }
        lines.append("")
        lines.append("Queries answered from the \(r.queriedFrom == "snapshot" ? "snapshot file (as pamphlet search, the browser and the kiosk)" : "index built in memory (no snapshot could be opened)")")
        lines.append(pad("class", 14) + pad("queries", 9, right: true) + pad("median ms", 11, right: true)
                     + pad("p99 ms", 9, right: true) + pad("max ms", 9, right: true) + pad("empty", 7, right: true)
                     + pad("cpu median", 12, right: true) + pad("cpu p99", 9, right: true))
        let known = classOrder.filter { r.classes[$0] != nil }
        for cls in known + r.classes.keys.sorted().filter({ !classOrder.contains($0) }) {
            guard let s = r.classes[cls] else { continue }
            lines.append(row(cls, s))
        }
        if let ui = r.keystroke, !ui.isEmpty {
            lines.append("")
            lines.append("keystroke to frame (update + view + diff), search results on screen")
            for key in ui.keys.sorted() { if let s = ui[key] { lines.append(row(key, s)) } }
        }
        return lines.joined(separator: "\n")
    }

    private static func row(_ name: String, _ s: LatencySummary) -> String {
        pad(name, 14) + pad(s.queries.map(String.init) ?? "\(s.samples)", 9, right: true)
            + pad(String(format: "%.3f", s.medianMs), 11, right: true)
            + pad(String(format: "%.3f", s.p99Ms), 9, right: true)
            + pad(String(format: "%.3f", s.maxMs), 9, right: true)
            + pad(s.empty.map(String.init) ?? "", 7, right: true)
            + pad(s.cpuMedianMs.map { String(format: "%.3f", $0) } ?? "", 12, right: true)
            + pad(s.cpuP99Ms.map { String(format: "%.3f", $0) } ?? "", 9, right: true)
    }

    private static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return right ? fill + s : s + fill
    }
}
