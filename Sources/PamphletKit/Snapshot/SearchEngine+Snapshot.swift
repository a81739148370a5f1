#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How `SearchEngine.loadOrBuild` got its index.
public enum SearchIndexOrigin: Sendable, Equatable {
    /// Memory-mapped from a snapshot matching the content.
    case snapshot(path: String)
    /// Built from the content; `writtenTo` is where the new snapshot went (nil if nowhere was
    /// writable), `reason` why no snapshot was used (missing, stale, damaged).
    case built(writtenTo: String?, reason: String)
}

/// How an engine opened from a snapshot holds the file (`SearchEngine.loadOrBuild`).
public enum SnapshotAccess: Sendable, Equatable {
    /// Memory-mapped, texts read with `pread`: the fastest start and only the pages searches touch
    /// resident. For commands that answer and exit (`pamphlet search`): a file truncated in place
    /// while mapped would end the process with SIGBUS at its next read past the new end.
    case mapped
    /// Read whole into memory once (`SnapshotStorage.read`): nothing done to the file afterwards
    /// can reach the engine. For processes that stay up (the browser).
    case copied
}

extension SearchEngine {
    /// Opens a snapshot written by `writeSnapshot`: memory-maps or reads it (`access`), checks
    /// header, checksum and bounds, and (when `expectedFingerprint` is given) that it was built
    /// from that content.
    /// Throws `SnapshotError` on any problem; never traps on a damaged file. `fullCheck` reads the
    /// whole file for its checksum even when a stamp says this file passed before (`VerifiedStamp`).
    public static func open(snapshotPath path: String, expectedFingerprint: UInt64? = nil, fullCheck: Bool = false,
                            access: SnapshotAccess = .mapped) throws -> SearchEngine {
        let storage = access == .mapped ? try SnapshotStorage.map(path: path, trustStamp: !fullCheck)
                                        : try SnapshotStorage.read(path: path, trustStamp: !fullCheck)
        let data = try IndexData(storage: storage, path: path)
        if let expected = expectedFingerprint, data.fingerprint != expected { throw SnapshotError.stale(path) }
        return SearchEngine(index: data)
    }

    /// `open` for `loadOrBuild`: a file its stamp does not vouch for is checksummed on another
    /// thread while the caller goes on; it must `wait()` for the pending check before trusting
    /// anything the engine gave (and before returning the engine).
    private static func openVerifyingInBackground(snapshotPath path: String) throws -> (SearchEngine, PendingChecksum?) {
        let (storage, pending) = try SnapshotStorage.mapVerifyingInBackground(path: path)
        do {
            return (SearchEngine(index: try IndexData(storage: storage, path: path)), pending)
        } catch {
            // Damaged offsets or another format: the file gets rebuilt. Let the check finish
            // first, so its stamp cannot land after the new file's write removed the old one.
            try? pending?.wait()
            throw error
        }
    }

    /// Writes the index to `path` atomically (see `SnapshotFile.writeAtomically`). The old file's
    /// stamp goes too: it could not vouch for the new file (another inode), but should not linger.
    /// Refuses to replace a file that is not a snapshot (`SnapshotFile.checkReplaceable`) unless
    /// `onlyOverSnapshots` is false: for our own default locations, where whatever lies under that
    /// name is a snapshot we wrote, however damaged.
    public func writeSnapshot(to path: String, onlyOverSnapshots: Bool = true) throws {
        if onlyOverSnapshots { try SnapshotFile.checkReplaceable(path) }
        try index.storage.withAllBytes { try SnapshotFile.writeAtomically($0, to: path) }
        VerifiedStamp.remove(at: VerifiedStamp.path(for: path))
    }

    /// The engine for a content folder, as fast as possible: the snapshot when one matches the
    /// content's fingerprint, else a fresh build from `loadLibrary()` (called only then), saved for
    /// next time to `snapshotPath` or the default locations (`SnapshotFile`). A damaged or stale
    /// snapshot is rebuilt and replaced; failing to save is not an error (the origin says so).
    ///
    /// The content folder is fingerprinted on another thread while the snapshot is mapped and
    /// checked: both take a few milliseconds at every start, and neither needs the other until the
    /// fingerprints are compared. A snapshot without a valid stamp (the first start after
    /// `pamphlet index`) is checksummed on a third thread, and nothing is returned before its
    /// verdict. `access: .copied` reads the snapshot into memory instead (checksummed on the copy).
    public static func loadOrBuild(contentDirectory: String, snapshotPath: String? = nil, access: SnapshotAccess = .mapped,
                                   loadLibrary: () throws -> Library) rethrows -> (engine: SearchEngine, origin: SearchIndexOrigin) {
        let opened = try loadOrBuild(contentDirectory: contentDirectory, snapshotPath: snapshotPath, access: access,
                                     loadLibrary: loadLibrary) { _ in () }
        return (opened.engine, opened.origin)
    }

    /// `loadOrBuild`, and `work` done on the engine. On a snapshot, `work` runs while the content
    /// folder is still being fingerprinted, which is what a start otherwise waits for once the
    /// snapshot is open (~2 ms for the benchmark's 515 files): speculatively, as a processor runs
    /// past a branch. If the fingerprint then shows the snapshot stale, that answer is dropped and
    /// `work` runs again on the rebuilt engine, so `work` must have no effect but its answer.
    public static func loadOrBuild<Answer>(contentDirectory: String, snapshotPath: String? = nil, access: SnapshotAccess = .mapped,
                                           loadLibrary: () throws -> Library, answering work: (SearchEngine) -> Answer)
        rethrows -> (answer: Answer, engine: SearchEngine, origin: SearchIndexOrigin) {
        let fingerprinting = BackgroundComputation { SnapshotFingerprint.of(contentDirectory: contentDirectory) }
        // The cache location (which reads the environment and resolves the path) only when the
        // first place has no usable snapshot.
        var paths = [snapshotPath ?? SnapshotFile.contentPath(contentDirectory: contentDirectory)]
        var reasons: [String] = []
        var i = 0
        while i < paths.count {
            let path = paths[i]
            i += 1
            do {
                let (engine, pendingChecksum) = access == .mapped
                    ? try openVerifyingInBackground(snapshotPath: path)
                    : (try open(snapshotPath: path, access: .copied), nil)
                let answer = work(engine)
                try pendingChecksum?.wait()
                guard engine.contentFingerprint == fingerprinting.wait() else { throw SnapshotError.stale(path) }
                return (answer, engine, .snapshot(path: path))
            } catch let error as SnapshotError {
                if case .unreadable = error {} else { reasons.append(error.description) }   // unreadable: usually not there
            } catch {
                reasons.append("\(path): \(error)")
            }
            if i == 1 && snapshotPath == nil, let cache = SnapshotFile.cachePath(contentDirectory: contentDirectory) {
                paths.append(cache)
            }
        }
        let library = try loadLibrary()
        let engine = SearchEngine(library: library, contentDirectory: contentDirectory, fingerprint: fingerprinting.wait())
        var written: String?
        for path in paths {
            // Only the cache's folder is made: the content folder is the caller's (a missing one
            // was created here to hold its snapshot, before the CLI refused missing folders).
            if path != paths.first { SnapshotFile.ensureDirectory(for: path) }
            if (try? engine.writeSnapshot(to: path, onlyOverSnapshots: snapshotPath != nil)) != nil {
                written = path
                break
            }
        }
        let origin = SearchIndexOrigin.built(writtenTo: written, reason: reasons.isEmpty ? "no snapshot" : reasons.joined(separator: "; "))
        return (work(engine), engine, origin)
    }
}
