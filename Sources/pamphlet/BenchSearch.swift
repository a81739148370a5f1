import Foundation
import PamphletKit
import PamphletUI

private extension Int {
    var nonZero: Int? { self == 0 ? nil : self }
}

/// One query of Benchmarks/out/queries.json (written by Benchmarks/make_queries.py).
struct BenchQuery: Decodable {
    let cls: String
    let q: String
    enum CodingKeys: String, CodingKey { case cls = "class", q }
}

private struct QueryFile: Decodable { let queries: [BenchQuery] }

/// What `pamphlet bench` measures; keys (snake_case in JSON) match the Python reference runners.
struct SearchBenchReport: Codable {
    var engine = "pamphlet"
    var corpus: String
    var corpusBytes: Int
    var documents: Int
    var sections: Int
    var loadDiagnostics: Int
    var loadSeconds: Double
    var buildSeconds: Double
    var buildMbPerS: Double
    /// The build on this thread's CPU clock (the build is single-threaded).
    var buildCpuSeconds: Double
    var buildCpuMbPerS: Double
    /// The in-memory index image (what the snapshot file holds).
    var imageBytes: Int
    /// The snapshot file `pamphlet index` wrote, on disk.
    var indexBytes: Int?
    var indexRatio: Double?
    var indexCommandSeconds: Double?
    /// Peak RSS of the `pamphlet index` child (load + build + write in a fresh process).
    var indexCommandPeakRssMb: Double?
    var peakRssMb: Double
    /// Peak RSS of a fresh process that opens the snapshot (no library) and answers every query once:
    /// the engine as a kiosk or `pamphlet search` runs it.
    var servingPeakRssMb: Double?
    /// Starts with the snapshot checked before (a stamp vouches for it): every start but the first.
    var coldStart: ColdStart?
    /// The first start after the snapshot was written: it reads the whole file for its checksum.
    var coldStartFullCheck: ColdStart?
    /// Where the timed queries were answered from: "snapshot" (the file `pamphlet index` wrote,
    /// memory-mapped, texts read with `pread`, as `pamphlet search`, the browser and the kiosk use
    /// it) or "memory" (the image just built, when no snapshot could be opened).
    var queriedFrom: String
    var classes: [String: LatencySummary]
    var keystroke: [String: LatencySummary]?
}

/// The search half of the benchmark: load through the normal loader, build, query, cold start.
struct SearchBench {
    var corpus: String
    var queriesPath: String
    var passes: Int
    var coldRuns: Int
    /// Also time keystroke to frame in the browser (see `KeystrokeBench`).
    var keystrokes: Bool
    /// Log this many slowest queries per class (0: none).
    var slowest = 0
    var executable: String
    var log: (String) -> Void

    func run() throws -> SearchBenchReport {
        let queries = try loadQueries()
        let corpusBytes = markdownBytes(under: (corpus as NSString).appendingPathComponent("content"))
        guard corpusBytes > 0 else {
            throw BenchError("\(corpus): no content/**/*.md found. Build it with: python3 Benchmarks/make_corpus.py")
        }
        let clock = ContinuousClock()

        // Child processes first, while this process is small: a child's ru_maxrss counts its
        // parent's peak resident size at exec, so measured later it would report ours. The cold
        // start and serving children are measured through a smaller intermediate still.
        log("writing the snapshot: pamphlet index --content \(corpus)")
        var (indexBytes, indexSeconds, indexRSS): (Int?, Double?, Double?) = (nil, nil, nil)
        do { (indexBytes, indexSeconds, indexRSS) = try writeSnapshot() } catch { log("  snapshot not measured: \(error)") }
        let probe = queries.first { $0.cls == "word_medium" }?.q ?? "python"
        log("cold starts: pamphlet search \(probe) --content \(corpus), \(coldRuns) runs each of the first start after pamphlet index (full check) and a later one (stamp), alternated")
        var cold: ColdStart?
        var coldFullCheck: ColdStart?
        do { (cold, coldFullCheck) = try coldStarts(query: probe) } catch { log("  cold start not measured: \(error)") }

        log("serving every query from the snapshot in a fresh process (peak RSS)")
        let serving = try? BenchStats.spawnMeasured([executable, "bench", "--serve-snapshot", "--corpus", corpus,
                                                    "--queries", queriesPath], executable: executable)

        log("loading \(corpus) (\(String(format: "%.1f", Double(corpusBytes) / 1e6)) MB of Markdown)")
        var t0 = clock.now
        let loaded = ContentLoader.load(directory: corpus)
        let loadSeconds = BenchStats.milliseconds(clock.now - t0) / 1000
        let library = loaded.library
        let sectionCount = library.documents.reduce(0) { $0 + $1.sections.count }
        log("  \(library.documents.count) documents, \(sectionCount) sections, \(loaded.diagnostics.count) diagnostics")
        for d in loaded.diagnostics.prefix(5) { log("  \(d)") }

        log("building the index in memory")
        t0 = clock.now
        let c0 = BenchStats.threadCPUms()
        let engine = SearchEngine(library: library)
        let buildSeconds = BenchStats.milliseconds(clock.now - t0) / 1000
        let buildCPU = (BenchStats.threadCPUms() - c0) / 1000

        // Queries are timed on the engine users get: the snapshot, opened as every start opens it.
        var served = engine
        var queriedFrom = "memory"
        let (opened, origin) = SearchEngine.loadOrBuild(contentDirectory: corpus) { library }
        if case .snapshot(let path) = origin {
            (served, queriedFrom) = (opened, "snapshot")
            log("queries answered from the snapshot \(path)")
        } else {
            log("  no snapshot to open (\(origin)): queries answered from the index built in memory")
        }
        log("timing \(queries.count) queries x \(passes) passes (after one warm-up pass)")
        let classes = timeQueries(queries, engine: served, clock: clock)
        let peak = BenchStats.peakRSSMegabytes()
        var keystroke: [String: LatencySummary]?
        if keystrokes {
            let texts = KeystrokeBench.typedTexts(queries)
            log("keystroke to frame: \(texts.count) texts typed at 80x24 and 200x60")
            keystroke = KeystrokeBench(content: LoadedContent(library: library, engine: served), texts: texts)
                .run(clock: clock)
        }


        return SearchBenchReport(
            corpus: corpus, corpusBytes: corpusBytes, documents: library.documents.count, sections: sectionCount,
            loadDiagnostics: loaded.diagnostics.count, loadSeconds: loadSeconds, buildSeconds: buildSeconds,
            buildMbPerS: Double(corpusBytes) / 1e6 / buildSeconds,
            buildCpuSeconds: buildCPU, buildCpuMbPerS: Double(corpusBytes) / 1e6 / max(buildCPU, 1e-9),
            imageBytes: engine.indexByteCount,
            indexBytes: indexBytes, indexRatio: (indexBytes ?? engine.indexByteCount.nonZero).map { Double($0) / Double(corpusBytes) },
            indexCommandSeconds: indexSeconds, indexCommandPeakRssMb: indexRSS, peakRssMb: peak, servingPeakRssMb: serving?.peakRssMb, coldStart: cold, coldStartFullCheck: coldFullCheck, queriedFrom: queriedFrom, classes: classes,
            keystroke: keystroke)
    }

    /// Loads the corpus once, then builds the index `runs` times and prints each run's wall and
    /// thread CPU time and the medians (MB/s over the Markdown bytes).
    func timeBuilds(_ runs: Int) throws {
        let corpusBytes = markdownBytes(under: (corpus as NSString).appendingPathComponent("content"))
        guard corpusBytes > 0 else { throw BenchError("\(corpus): no content/**/*.md found") }
        let library = ContentLoader.load(directory: corpus).library
        let clock = ContinuousClock()
        var walls: [Double] = [], cpus: [Double] = []
        for run in 1...runs {
            let t0 = clock.now, c0 = BenchStats.threadCPUms()
            let engine = SearchEngine(library: library)
            let wall = BenchStats.milliseconds(clock.now - t0) / 1000, cpu = (BenchStats.threadCPUms() - c0) / 1000
            walls.append(wall); cpus.append(cpu)
            StandardOutput.line(String(format: "build %d: %.3f s = %.1f MB/s, CPU %.3f s = %.1f MB/s (%d bytes)", run, wall,
                         Double(corpusBytes) / 1e6 / wall, cpu, Double(corpusBytes) / 1e6 / cpu, engine.indexByteCount))
        }
        let wall = BenchStats.median(walls.sorted()), cpu = BenchStats.median(cpus.sorted())
        StandardOutput.line(String(format: "median of %d: %.3f s = %.1f MB/s, CPU %.3f s = %.1f MB/s", runs, wall,
                     Double(corpusBytes) / 1e6 / wall, cpu, Double(corpusBytes) / 1e6 / cpu))
    }

    /// Opens the snapshot beside the corpus (building it if needed) and answers every query once.
    func serve() throws {
        let queries = try loadQueries()
        let (engine, _) = SearchEngine.loadOrBuild(contentDirectory: corpus) { ContentLoader.load(directory: corpus).library }
        var sink = 0
        for q in queries { sink &+= engine.search(q.q, limit: 10).hits.count }
        if sink == Int.min { log("") }
    }

    private func loadQueries() throws -> [BenchQuery] {
        guard let data = FileManager.default.contents(atPath: queriesPath) else {
            throw BenchError("\(queriesPath): cannot read. Build it with: python3 Benchmarks/make_queries.py")
        }
        do {
            return try JSONDecoder().decode(QueryFile.self, from: data).queries
        } catch {
            throw BenchError("\(queriesPath): not a query file: \(error)")
        }
    }

    /// Per class: median and p99 over every timed `search(q, limit: 10)` (snippets included).
    private func timeQueries(_ queries: [BenchQuery], engine: SearchEngine,
                             clock: ContinuousClock) -> [String: LatencySummary] {
        var sink = 0
        for q in queries { sink &+= engine.search(q.q, limit: 10).hits.count }
        var samples: [String: [Double]] = [:]
        var cpu: [String: [Double]] = [:]
        var oneLetter: [Double] = []
        var oneLetterCPU: [Double] = []
        var empty: [String: Int] = [:]
        var best = [Double](repeating: .infinity, count: queries.count)
        for pass in 0..<passes {
            for (n, q) in queries.enumerated() {
                let c0 = BenchStats.threadCPUms()
                let t0 = clock.now
                let results = engine.search(q.q, limit: 10)
                let ms = BenchStats.milliseconds(clock.now - t0)
                let cpuMs = BenchStats.threadCPUms() - c0
                sink &+= results.hits.count
                best[n] = min(best[n], cpuMs)
                samples[q.cls, default: []].append(ms)
                cpu[q.cls, default: []].append(cpuMs)
                if q.cls == "typing" && q.q.count == 1 {
                    oneLetter.append(ms)
                    oneLetterCPU.append(cpuMs)
                }
                if pass == 0 && results.hits.isEmpty { empty[q.cls, default: 0] += 1 }
            }
        }
        if slowest > 0 {
            for cls in Set(queries.map(\.cls)).sorted() {
                let worst = queries.indices.filter { queries[$0].cls == cls }.sorted { best[$0] > best[$1] }.prefix(slowest)
                for i in worst { log("  slow \(cls) \(String(format: "%.3f", best[i])) ms  \(queries[i].q)") }
            }
        }
        var out: [String: LatencySummary] = [:]
        for (cls, s) in samples {
            out[cls] = LatencySummary(s, cpu: cpu[cls] ?? [], queries: s.count / max(passes, 1), empty: empty[cls] ?? 0)
        }
        out["typing_1char"] = LatencySummary(oneLetter, cpu: oneLetterCPU, queries: oneLetter.count / max(passes, 1))
        if sink == Int.min { log("") }   // keeps the results observable so nothing is optimised away
        return out
    }

    /// Runs `pamphlet index` and measures what it left beside the content (the snapshot).
    private func writeSnapshot() throws -> (Int?, Double?, Double?) {
        let (ms, rss, _) = try BenchStats.spawnAndWait([executable, "index", "--content", corpus])
        let files = snapshotFiles()
        if files.isEmpty { log("  no snapshot file found beside the content"); return (nil, ms / 1000, rss) }
        log("  snapshot: \(files.joined(separator: ", "))")
        return (files.reduce(0) { $0 + BenchStats.fileSize($1) }, ms / 1000, rss)
    }

    /// Files in the corpus folder that are not the content itself or the corpus builder's sidecars.
    private func snapshotFiles() -> [String] {
        let fm = FileManager.default
        let ignored: Set<String> = ["content", "site.yaml", "sections.jsonl", "corpus.json", "synonyms.txt"]
        var out: [String] = []
        func walk(_ dir: String) {
            for name in (try? fm.contentsOfDirectory(atPath: dir)) ?? [] where !(dir == corpus && ignored.contains(name)) {
                let path = (dir as NSString).appendingPathComponent(name)
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { walk(path) } else { out.append(path) }
            }
        }
        walk(corpus)
        return out.sorted()
    }

    /// Cold starts of both kinds, alternated so the VM's drift falls on both alike. A later start
    /// (`stamped`) finds the snapshot checked before, its stamp vouching for it
    /// (`SnapshotFile.stampPath`); the first start after `pamphlet index` (`fullCheck`) reads the
    /// whole file for its checksum, and is made by removing the stamp before the run. A stamp
    /// counts only when the snapshot had been unchanged for a few seconds when it was written, so
    /// this first waits that long (the snapshot was written just before).
    private func coldStarts(query: String) throws -> (stamped: ColdStart, fullCheck: ColdStart) {
        usleep(UInt32(SnapshotFile.stampMarginSeconds) * 1_000_000 + 200_000)
        let argv = [executable, "search", query, "--content", corpus]
        let stamp = SnapshotFile.stampPath(for: SnapshotFile.contentPath(contentDirectory: corpus))
        _ = try BenchStats.spawnAndWait(argv)   // the page cache holds the binary and the snapshot, as on a kiosk
        var stamped = ColdStartSamples(), fullCheck = ColdStartSamples()
        for _ in 0..<max(coldRuns, 1) {
            unlink(stamp)
            fullCheck.add(try BenchStats.spawnMeasured(argv, executable: executable))   // leaves a stamp that counts
            stamped.add(try BenchStats.spawnMeasured(argv, executable: executable))
        }
        let command = "pamphlet search \(query) --content \(corpus)"
        return (stamped.summary(command: command), fullCheck.summary(command: command))
    }

    private func markdownBytes(under dir: String) -> Int {
        var total = 0
        for case let rel as String in FileManager.default.enumerator(atPath: dir) ?? FileManager.DirectoryEnumerator()
        where rel.hasSuffix(".md") {
            total += BenchStats.fileSize((dir as NSString).appendingPathComponent(rel))
        }
        return total
    }
}

/// Wall time, peak RSS and CPU time of a series of cold starts.
private struct ColdStartSamples {
    var times: [Double] = []
    var cpu: [Double] = []
    var rss = 0.0

    mutating func add(_ run: (ms: Double, peakRssMb: Double, cpuMs: Double)) {
        times.append(run.ms)
        cpu.append(run.cpuMs)
        rss = max(rss, run.peakRssMb)
    }

    func summary(command: String) -> ColdStart {
        let sorted = times.sorted()
        return ColdStart(medianMs: BenchStats.median(sorted), minMs: sorted[0], runs: sorted.count,
                         command: command, peakRssMb: rss, cpuMedianMs: BenchStats.median(cpu.sorted()))
    }
}
