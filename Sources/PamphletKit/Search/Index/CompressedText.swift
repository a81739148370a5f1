import CZstd
import Foundation

/// The sections' body text in the snapshot as zstd frames of up to 8 KB of text, all compressed
/// against one shared dictionary sampled from the text itself.
///
/// Sections are short (half under 1 KB), and small frames compress poorly on their own; a 64 KB
/// dictionary of slices taken across the corpus gives them common words and markup to refer to,
/// and its entropy tables spare each frame its own. Only the hits' text is ever decompressed (for
/// snippets), frame by frame.
enum CompressedText {
    static let level: Int32 = 3
    static let dictionaryBytes = 64 * 1024
    static let sliceBytes = 256
    /// The largest section text decompressed (a damaged frame header could claim anything).
    static let maxSectionBytes = 64 << 20

    /// Bytes of text per frame: a long section is several frames, so a snippet near its start
    /// decompresses only the first one or two (zstd decodes a frame's blocks whole).
    static let chunkBytes = 8192

    /// Compresses every text in frames of up to `chunkBytes`: the dictionary, per text the index of
    /// its first frame (`count + 1` entries), and `frames + 1` offsets into the concatenated frames.
    static func compress(_ texts: [String]) -> (dictionary: [UInt8], chunkStart: [UInt32], offsets: [UInt32], frames: [UInt8]) {
        var all: [UInt8] = []
        var ranges: [Range<Int>] = []
        for text in texts {
            let start = all.count
            all.append(contentsOf: text.utf8)
            ranges.append(start..<all.count)
        }
        return all.withUnsafeBufferPointer { compress($0, ranges) }
    }

    /// The same for texts given as ranges of one UTF-8 buffer (the builder's section bodies).
    static func compress(_ all: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>]) -> (dictionary: [UInt8], chunkStart: [UInt32], offsets: [UInt32], frames: [UInt8]) {
        let texts = ranges.map { UnsafeBufferPointer(rebasing: all[$0]) }
        let writer = Writer(samples: texts, totalBytes: all.count)
        for text in texts { writer.add(text) }
        return writer.finish()
    }

    /// Compresses texts one at a time, in order, against a dictionary sampled beforehand from all
    /// of them: the builder compresses each section's body as soon as it is indexed, so the text
    /// never has to stay whole beside the postings.
    final class Writer {
        let dictionary: [UInt8]
        private var chunkStart: [UInt32] = [0]
        private var offsets: [UInt32] = [0]
        private var frames: [UInt8] = []
        private let cctx: OpaquePointer?
        private let cdict: OpaquePointer?
        private var scratch: [UInt8]

        /// `samples` are every text to come (the dictionary is taken from them); `totalBytes` their size.
        init(samples texts: [UnsafeBufferPointer<UInt8>], totalBytes: Int) {
            dictionary = CompressedText.finishDictionary(CompressedText.sampleDictionary(texts), texts)
            chunkStart.reserveCapacity(texts.count + 1)
            offsets.reserveCapacity(texts.count + 1)
            // Frames come out a little smaller than the text; reserving that avoids regrowing.
            frames.reserveCapacity(totalBytes / 2 + 4096)
            cctx = ZSTD_createCCtx()
            cdict = dictionary.withUnsafeBytes { ZSTD_createCDict($0.baseAddress, $0.count, CompressedText.level) }
            scratch = [UInt8](repeating: 0, count: ZSTD_compressBound(CompressedText.chunkBytes))
        }

        deinit {
            ZSTD_freeCDict(cdict)
            ZSTD_freeCCtx(cctx)
        }

        /// Appends the next text's frames (none for an empty text).
        func add(_ whole: UnsafeBufferPointer<UInt8>) {
            if let cctx {
                var start = 0
                while start < whole.count {
                    let src = UnsafeBufferPointer(rebasing: whole[start..<min(whole.count, start + CompressedText.chunkBytes)])
                    start += src.count
                    let n = scratch.withUnsafeMutableBytes { dst in
                        cdict == nil
                            ? ZSTD_compressCCtx(cctx, dst.baseAddress, dst.count, src.baseAddress, src.count, CompressedText.level)
                            : ZSTD_compress_usingCDict(cctx, dst.baseAddress, dst.count, src.baseAddress, src.count, cdict)
                    }
                    if ZSTD_isError(n) == 0 { frames.append(contentsOf: scratch[0..<n]) }
                    offsets.append(UInt32(frames.count))
                }
            }
            chunkStart.append(UInt32(offsets.count - 1))
        }

        /// The dictionary, per text the index of its first frame (`count + 1` entries), and
        /// `frames + 1` offsets into the concatenated frames.
        func finish() -> (dictionary: [UInt8], chunkStart: [UInt32], offsets: [UInt32], frames: [UInt8]) {
            (dictionary, chunkStart, offsets, frames)
        }
    }

    /// The sampled content plus entropy tables (zstd's `ZDICT_finalizeDictionary`, from samples of
    /// up to 1 MB): frames then reuse the dictionary's Huffman and FSE tables instead of carrying and
    /// decoding their own, which is most of the cost of decompressing a small frame. Falls back to the
    /// raw content if zstd refuses.
    static func finishDictionary(_ content: [UInt8], _ texts: [UnsafeBufferPointer<UInt8>]) -> [UInt8] {
        var samples: [UInt8] = []
        var sizes: [Int] = []
        let step = max(1, texts.count / 2000)
        var i = 0
        while i < texts.count && samples.count < 1 << 20 {
            let slice = texts[i].prefix(chunkBytes)
            if !slice.isEmpty { samples.append(contentsOf: slice); sizes.append(slice.count) }
            i += step
        }
        guard sizes.count >= 8 else { return content }
        var out = [UInt8](repeating: 0, count: content.count + 32 * 1024)
        let params = ZDICT_params_t(compressionLevel: level, notificationLevel: 0, dictID: 0)
        let n = out.withUnsafeMutableBytes { dst in
            content.withUnsafeBytes { c in
                samples.withUnsafeBytes { smp in
                    sizes.withUnsafeBufferPointer { sz in
                        ZDICT_finalizeDictionary(dst.baseAddress, dst.count, c.baseAddress, c.count,
                                                 smp.baseAddress, sz.baseAddress, UInt32(sz.count), params)
                    }
                }
            }
        }
        guard ZDICT_isError(n) == 0, n > 0 else { return content }
        return Array(out[0..<n])
    }

    /// Slices of up to `sliceBytes` from the start of sections spread evenly over the corpus, up to
    /// `dictionaryBytes`. Starts with a newline so on its own it can never read as a zstd dictionary header.
    static func sampleDictionary(_ texts: [UnsafeBufferPointer<UInt8>]) -> [UInt8] {
        var out: [UInt8] = [0x0A]
        let total = texts.reduce(0) { $0 + min($1.count, sliceBytes) }
        guard total > 0 else { return out }
        // Take every k-th section so the sample covers the whole corpus.
        let step = max(1, total / dictionaryBytes)
        var i = 0
        while i < texts.count && out.count < dictionaryBytes {
            out.append(contentsOf: texts[i].prefix(min(sliceBytes, dictionaryBytes - out.count)))
            i += step
        }
        return out
    }
}

/// Decompresses section texts from a snapshot. One decompression context, used under a lock (a
/// query decompresses its few hits one after the other; the lock is never contended in practice).
///
/// A mapped snapshot's frames are read from its file (`SnapshotStorage.copy`) into a buffer kept
/// for the next call, so a frame whose size was just asked for is decoded without reading it again.
final class TextDecoder: @unchecked Sendable {
    private let ddict: OpaquePointer?
    private var dctx: OpaquePointer?
    private let lock = NSLock()
    /// Where frames are read from a file; nil or in memory: the frames are read in place.
    private let storage: SnapshotStorage?
    /// The last frame read from the file, and where it lies in the mapping (its key).
    private var frameBuffer: UnsafeMutablePointer<UInt8>
    private var frameCapacity: Int
    private var frameInBuffer: UnsafeBufferPointer<UInt8>?
    /// The last frames decoded (like tantivy's doc store cache): consecutive keystrokes rank
    /// mostly the same sections, so their snippets reuse the text. Keyed by the frame's address and
    /// length; 64 frames of at most 8 KB.
    private var cacheKeys = [(UnsafeRawPointer?, Int)](repeating: (nil, 0), count: 64)
    private var cacheValues = [[UInt8]](repeating: [], count: 64)
    private var cacheNext = 0

    /// `storage` holds the frames the decoder will be given; nil for frames in memory.
    init(dictionary: UnsafeBufferPointer<UInt8>, storage: SnapshotStorage? = nil) {
        ddict = dictionary.count > 0 ? ZSTD_createDDict(dictionary.baseAddress, dictionary.count) : nil
        self.storage = storage
        frameCapacity = ZSTD_compressBound(CompressedText.chunkBytes)
        frameBuffer = .allocate(capacity: frameCapacity)
    }

    deinit {
        if let dctx { ZSTD_freeDCtx(dctx) }
        if let ddict { ZSTD_freeDDict(ddict) }
        frameBuffer.deallocate()
    }

    /// The text length a frame's header gives, or nil when the header is damaged or implausible.
    func contentSize(_ frame: UnsafeBufferPointer<UInt8>) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cached(frame), !cached.isEmpty { return cached.count }
        return withBytes(of: frame) { Self.contentSize(ofBytes: $0) } ?? nil
    }

    private static func contentSize(ofBytes frame: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let src = frame.baseAddress, frame.count > 0 else { return nil }
        let size = ZSTD_getFrameContentSize(src, frame.count)
        // Also refuses ZSTD_CONTENTSIZE_UNKNOWN and _ERROR (the two largest values).
        return size <= UInt64(CompressedText.maxSectionBytes) ? Int(size) : nil
    }

    /// The text of one frame, or empty when the frame is damaged (never traps).
    func decode(_ frame: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cached(frame) { return cached }
        if dctx == nil { dctx = ZSTD_createDCtx() }
        guard let dctx, let text = withBytes(of: frame, { src -> [UInt8] in
            guard let n = Self.contentSize(ofBytes: src), n > 0 else { return [] }
            return [UInt8](unsafeUninitializedCapacity: n) { dst, count in
                let written = ddict == nil
                    ? ZSTD_decompressDCtx(dctx, dst.baseAddress, n, src.baseAddress, src.count)
                    : ZSTD_decompress_usingDDict(dctx, dst.baseAddress, n, src.baseAddress, src.count, ddict)
                count = ZSTD_isError(written) == 0 && written == n ? n : 0
            }
        }), !text.isEmpty else { return [] }
        cacheKeys[cacheNext] = (UnsafeRawPointer(frame.baseAddress), frame.count)
        cacheValues[cacheNext] = text
        cacheNext = (cacheNext + 1) % cacheKeys.count
        return text
    }

    private func cached(_ frame: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let address = UnsafeRawPointer(frame.baseAddress)
        for i in cacheKeys.indices where cacheKeys[i].0 == address && cacheKeys[i].1 == frame.count { return cacheValues[i] }
        return nil
    }

    /// `body` over the frame's bytes: the storage's own in memory, a copy read from the file for a
    /// mapped snapshot. Nil when the file cannot be read.
    private func withBytes<R>(of frame: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let storage, storage.readsThroughFile, frame.count > 0 else { return body(frame) }
        if let held = frameInBuffer, held.baseAddress == frame.baseAddress, held.count == frame.count {
            return body(UnsafeBufferPointer(start: frameBuffer, count: frame.count))
        }
        if frame.count > frameCapacity {
            frameBuffer.deallocate()
            frameCapacity = frame.count
            frameBuffer = .allocate(capacity: frameCapacity)
        }
        frameInBuffer = nil
        guard storage.copy(frame, to: frameBuffer) else { return nil }
        frameInBuffer = frame
        return body(UnsafeBufferPointer(start: frameBuffer, count: frame.count))
    }
}
