import Foundation
import Testing
import TestSupport
@testable import PamphletKit

/// Hostile content through the real binary and the real loader, index and renderer. Each case states
/// its bounds (`HostileCase.seconds` per step, `checkMemoryMB` for `pamphlet check`), generous enough
/// for a loaded 2-core CI machine and a debug build; what they guard against is a hang, a crash, or
/// time and memory that grow much faster than the input.
///
/// `pamphlet check` runs first, in its own process: if the input crashes the loader, the check's
/// signal is recorded and the in-process steps are skipped, so one crash does not take the whole
/// test run down with it.
@Suite(.serialized) struct HostileContentTests {
    @Test(arguments: HostileCorpus.cases)
    func hostileContentIsHandledWithinBounds(_ hostile: HostileCase) throws {
        let folder = try HostileCorpus.folder(for: hostile)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = "content/\(hostile.name).md"

        // 1. `pamphlet check DIR`: accepts (exit 0) or reports (exit 1, naming the file), in bounds.
        let binary = RepoPaths.binary.path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "no pamphlet binary at \(binary); run swift build")
        let check = try BoundedRun.run(binary, ["check", folder.path], timeout: hostile.seconds)
        let summary = "\(hostile.name): check \(check.end) in \(String(format: "%.2f", check.seconds)) s, peak \(check.peakMemoryMB) MB"
        print(summary)
        #expect(check.end == .exited(0) || check.end == .exited(1), "\(summary)\n\(check.stderr.suffix(2000))")
        guard case .exited(let code) = check.end else { return }
        #expect(check.peakMemoryMB <= hostile.checkMemoryMB, "\(summary): over \(hostile.checkMemoryMB) MB")
        switch hostile.outcome {
        case .accepted:
            #expect(!check.stdout.contains(": error: "), "\(summary)\n\(check.stdout.prefix(2000))")
        case .reported:
            #expect(code == 1 && check.stdout.contains("\(file):"), "\(summary)\n\(check.stdout.prefix(2000))")
        case .either:
            if code == 1 {
                // Every error names a file and a line: `path:line:column: error: ...`.
                for line in check.stdout.split(separator: "\n") where line.contains(": error: ") {
                    #expect(line.hasPrefix(folder.path + "/"), "error without its file: \(line)")
                }
            }
        }
        #expect(!check.stderr.contains("Fatal error"), "\(check.stderr.prefix(2000))")

        // 2. The loader in this process.
        let (loaded, loadSeconds) = HostileCorpus.time { ContentLoader.load(directory: folder.path) }
        #expect(loadSeconds < hostile.seconds, "\(hostile.name): load took \(loadSeconds) s")
        #expect(loaded.library.document("ordinary") != nil, "the ordinary file beside it must still load")
        let document = loaded.library.document(hostile.name)
        if hostile.outcome == .accepted {
            #expect(document != nil, "\(hostile.name) did not load: \(loaded.diagnostics)")
        }

        // 3. The index: build, then a query.
        let (engine, buildSeconds) = HostileCorpus.time { SearchEngine(library: loaded.library) }
        let (results, querySeconds) = HostileCorpus.time { engine.search(hostile.query, limit: 10) }
        #expect(buildSeconds + querySeconds < hostile.seconds,
                "\(hostile.name): index \(buildSeconds) s + query \(querySeconds) s")
        for hit in results.hits {
            let scalars = hit.snippet.unicodeScalars.count
            #expect(hit.highlights.allSatisfy { $0.start >= 0 && $0.end <= scalars }, "highlight outside its snippet")
        }

        // 4. The plain-text renderer (`pamphlet show`).
        if let document {
            let (text, renderSeconds) = HostileCorpus.time { PlainTextRenderer.render(document: document, width: 80) }
            #expect(renderSeconds < hostile.seconds, "\(hostile.name): render took \(renderSeconds) s")
            #expect(!text.isEmpty)
        }
        // 5. `pamphlet index` and `pamphlet search` (the snapshot's fingerprint walks the folder
        // itself, not through the loader: two links to one folder had hung it, review H 1).
        for command in [["index", "--content", folder.path], ["search", hostile.query, "--content", folder.path, "--limit", "3"]] {
            let run = try BoundedRun.run(binary, command, timeout: hostile.seconds)
            #expect(run.end == .exited(0) || run.end == .exited(1),
                    "\(hostile.name): pamphlet \(command[0]) \(run.end) after \(f(run.seconds)) s\n\(run.stderr.suffix(1000))")
        }
        print("\(hostile.name): load \(f(loadSeconds)) s, index \(f(buildSeconds)) s, query \(f(querySeconds)) s, "
            + "\(loaded.diagnostics.count) diagnostics, \(results.hits.count) hits")
    }

    private func f(_ x: Double) -> String { String(format: "%.2f", x) }
}
