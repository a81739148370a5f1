import ArgumentParser
import Foundation
import PamphletKit

/// `pamphlet index`: builds the search index and writes its snapshot.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build the search index and save it as a snapshot for fast startup.",
        discussion: """
            Writes one file that the search and browser commands memory-map at
            startup instead of indexing again. It records a fingerprint of the
            content (file paths, sizes, modification times), so a stale snapshot
            is noticed and rebuilt; a damaged one (checksum) too. The write is
            atomic (temporary file, fsync, rename). Once a start has read the
            whole file and found its checksum right, it leaves a stamp beside it
            (<snapshot>.verified: inode, size, times) and later starts skip the
            checksum while the file's metadata are unchanged; any write to the
            snapshot makes the next start check it in full again.

            Default location: <content>/.pamphlet-index; when the content folder
            is not writable, $XDG_CACHE_HOME/pamphlet/index-<hash>
            (~/.cache/pamphlet/... without XDG_CACHE_HOME).

            --check only verifies (always reading the whole file): exit 0 when a
            current, intact snapshot exists, 1 otherwise. Exit 2 when no
            snapshot could be written (a file at --out that is not a snapshot
            is never replaced) or the content folder does not exist.

            Examples:
              pamphlet index
              pamphlet index --content ~/clinic --out /var/cache/pamphlet/clinic.index
              pamphlet index --check
            """
    )

    @Option(name: .long, help: ArgumentHelp("Where to write the snapshot.", valueName: "FILE"))
    var out: String?

    @Flag(name: .long, help: "Only check whether a current, intact snapshot exists.")
    var check = false

    @OptionGroup var contentOptions: ContentOptions

    func run() throws {
        let directory = try contentOptions.directory()
        let fingerprint = SnapshotFingerprint.of(contentDirectory: directory)
        let paths = out.map { [$0] } ?? SnapshotFile.candidates(contentDirectory: directory)
        if check {
            for path in paths {
                do {
                    let engine = try SearchEngine.open(snapshotPath: path, expectedFingerprint: fingerprint, fullCheck: true)
                    StandardOutput.line("\(path): current (\(engine.sectionCount) sections, \(engine.indexByteCount) bytes)")
                    return
                } catch let error as SnapshotError {
                    if case .unreadable = error { continue }
                    CLIOutput.printError(error.description)
                }
            }
            CLIOutput.printError("no current search index for \(directory); run `pamphlet index`")
            throw ExitCode(1)
        }
        let start = Date()
        // The library goes straight to the builder, its only holder: it is freed once its text is copied out.
        let engine = SearchEngine(library: CLIOutput.loadReportingErrors(directory).library, contentDirectory: directory,
                                  fingerprint: fingerprint)
        let built = Date().timeIntervalSince(start)
        var failures: [String] = []
        for path in paths {
            if out == nil && path != paths.first {
                try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                         withIntermediateDirectories: true)
            }
            do {
                // --out names a file by hand: it must be free or a snapshot already.
                try engine.writeSnapshot(to: path, onlyOverSnapshots: out != nil)
                StandardOutput.line(String(format: "Indexed %d sections in %.0f ms: %@ (%.1f KB)", engine.sectionCount, built * 1000,
                             path, Double(engine.indexByteCount) / 1024))
                return
            } catch {
                failures.append("\(error)")
            }
        }
        for f in failures { CLIOutput.printError(f) }
        throw ExitCode(2)
    }
}
