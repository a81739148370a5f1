import Foundation

/// A validated snapshot image: typed views over its arrays, plus the small tables parsed once.
///
/// Opening checks the magic, version, length, checksum and that every offset table is monotonic and
/// inside its array, so the query code can index without further checks except for values it uses
/// to index other arrays (section ids in postings, position offsets), which it checks where used.
final class IndexData: @unchecked Sendable {
    let storage: SnapshotStorage
    let fingerprint: UInt64
    let sectionCount: Int
    let documentCount: Int

    let terms: StringTable
    let termFlags: ByteArray
    /// Leading bytes each term shares with the one before it (`IndexBuilder.sharedPrefixLengths`).
    let termSharedPrefix: ByteArray
    let postingStart: U32Array
    let postSections: SectionArray
    let postImpacts: ByteArray
    let skipStart: U32Array
    let skips: U32Array
    let positions: ByteArray
    let stemKeys: StringTable
    let stemTermStart: U32Array
    let stemTerms: U32Array
    let sectionDocument: U32Array
    let sectionIDs: StringTable
    let headings: StringTable
    /// Section texts as zstd frames (a section's frames are `textChunks(ofSection:)`): read them
    /// with `text(ofSection:)`.
    let texts: StringTable
    let textChunkStart: U32Array
    let textDecoder: TextDecoder
    let checkpointStart: U32Array
    let checkpoints: ByteArray
    let pairFilterStart: U32Array
    let pairFilters: ByteArray
    let documentIDs: StringTable
    let titles: StringTable
    let documentKinds: ByteArray
    /// Per document, its title's terms (ascending): `titleTerms[titleTermStart[d]..<titleTermStart[d + 1]]`.
    let titleTermStart: U32Array
    let titleTerms: U32Array
    /// Per document (`documentCount + 1` entries): its first section; its sections run to the next
    /// one's. Worked out on open (sections come document by document); empty if they do not.
    let documentSectionStart: [Int32]
    /// Language codes by language index (the first byte of a stem key).
    let languages: [String]
    let synonymText: String

    var termCount: Int { terms.count }

    /// Validates `storage` as a snapshot; `path` only names the file in errors.
    init(storage: SnapshotStorage, path: String = "(memory)") throws {
        func corrupt(_ why: String) -> SnapshotError { .corrupt(path, why) }
        guard UInt32(littleEndian: 1) == 1 else { throw corrupt("big-endian hosts are not supported") }
        let b = storage.bytes
        let header = SnapshotFormat.headerSize
        guard b.count >= header else { throw corrupt("file is too short") }
        guard Array(b[0..<8]) == SnapshotFormat.magic else { throw corrupt("not a Pamphlet search index") }
        func u32(_ o: Int) -> UInt32 { UInt32(littleEndian: b.loadUnaligned(fromByteOffset: o, as: UInt32.self)) }
        func u64(_ o: Int) -> UInt64 { UInt64(littleEndian: b.loadUnaligned(fromByteOffset: o, as: UInt64.self)) }
        guard u32(8) == SnapshotFormat.version else { throw corrupt("format version \(u32(8)), expected \(SnapshotFormat.version)") }
        let arrayCount = Int(u32(12))
        guard arrayCount == SnapshotArray.allCases.count else { throw corrupt("unexpected directory size") }
        guard u64(16) == UInt64(b.count) else { throw corrupt("length \(b.count) bytes, header says \(u64(16)) (truncated?)") }
        guard let base = b.baseAddress else { throw corrupt("empty") }
        let sum = storage.checksumAfterHeader ?? Checksum.words(base + header, count: b.count - header)
        guard sum == u64(24) else { throw corrupt("checksum mismatch") }
        let directoryEnd = header + 16 * arrayCount
        guard directoryEnd <= b.count else { throw corrupt("directory out of bounds") }

        var ranges: [(offset: Int, length: Int)] = []
        for i in 0..<arrayCount {
            let off = u64(header + 16 * i), len = u64(header + 16 * i + 8)
            guard off >= UInt64(directoryEnd), off % 8 == 0, len <= UInt64(b.count), off <= UInt64(b.count) - len else {
                throw corrupt("array \(i) out of bounds")
            }
            ranges.append((Int(off), Int(len)))
        }
        func u32s(_ a: SnapshotArray) throws -> U32Array {
            let r = ranges[a.rawValue]
            guard r.length % 4 == 0 else { throw corrupt("array \(a) has a partial element") }
            let p = (base + r.offset).bindMemory(to: UInt32.self, capacity: r.length / 4)
            return U32Array(base: p, count: r.length / 4)
        }
        func bytes(_ a: SnapshotArray) -> ByteArray {
            let r = ranges[a.rawValue]
            return ByteArray(base: (base + r.offset).bindMemory(to: UInt8.self, capacity: r.length), count: r.length)
        }
        /// An offsets table must have `entries + 1` monotonic values ending inside `limit`.
        /// `name` is only made on failure: describing an enum case at every startup costs runtime
        /// type lookups (conformance scans over the whole binary).
        func checkOffsets(_ o: U32Array, entries: Int, limit: Int, _ name: @autoclosure () -> String) throws {
            guard o.count == entries + 1 else { throw corrupt("\(name()): \(o.count) offsets for \(entries) entries") }
            var prev: UInt32 = 0
            for i in 0..<o.count {
                let v = o[i]
                guard v >= prev else { throw corrupt("\(name()): offsets go backwards at \(i)") }
                prev = v
            }
            guard Int(prev) <= limit else { throw corrupt("\(name()): offset past the end") }
        }
        func table(_ o: SnapshotArray, _ by: SnapshotArray, entries: Int) throws -> StringTable {
            let offs = try u32s(o), bs = bytes(by)
            try checkOffsets(offs, entries: entries, limit: bs.count, "\(o)")
            return StringTable(offsets: offs, bytes: bs)
        }

        let sections = Int(u32(40)), documents = Int(u32(44)), termCount = Int(u32(48)), postings = Int(u32(52))
        fingerprint = u64(32)
        sectionCount = sections
        documentCount = documents
        self.storage = storage

        terms = try table(.termOffsets, .termBytes, entries: termCount)
        termFlags = bytes(.termFlags)
        guard termFlags.count == termCount else { throw corrupt("term flags") }
        termSharedPrefix = bytes(.termSharedPrefix)
        guard termSharedPrefix.count == termCount else { throw corrupt("term shared prefixes") }
        postingStart = try u32s(.postingStart)
        let sectionBytes = ranges[SnapshotArray.postSections.rawValue]
        let sectionPointer = base + sectionBytes.offset
        if postings > 0 && sectionBytes.length == 2 * postings && sections <= 0xFFFF {
            postSections = SectionArray(base16: sectionPointer.bindMemory(to: UInt16.self, capacity: postings), base32: nil, count: postings)
        } else if sectionBytes.length == 4 * postings {
            postSections = SectionArray(base16: nil, base32: sectionPointer.bindMemory(to: UInt32.self, capacity: postings), count: postings)
        } else {
            throw corrupt("postings size")
        }
        postImpacts = bytes(.postImpacts)
        guard postImpacts.count == postings else { throw corrupt("postings size") }
        try checkOffsets(postingStart, entries: termCount, limit: postings, "postingStart")
        skipStart = try u32s(.skipStart)
        skips = try u32s(.skips)
        try checkOffsets(skipStart, entries: termCount, limit: skips.count, "skipStart")
        for t in 0..<termCount {
            let df = postingStart.int(t + 1) - postingStart.int(t)
            guard skipStart.int(t + 1) - skipStart.int(t) == (df + 15) / 16 else { throw corrupt("skip table of term \(t)") }
        }
        positions = bytes(.positions)
        for i in 0..<skips.count where skips.int(i) > positions.count { throw corrupt("skip \(i) past the positions") }
        stemKeys = try table(.stemKeyOffsets, .stemKeyBytes, entries: max(try u32s(.stemKeyOffsets).count - 1, 0))
        stemTermStart = try u32s(.stemTermStart)
        stemTerms = try u32s(.stemTerms)
        try checkOffsets(stemTermStart, entries: stemKeys.count, limit: stemTerms.count, "stemTermStart")
        for i in 0..<stemTerms.count where stemTerms.int(i) >= termCount { throw corrupt("stem group names a missing term") }
        sectionDocument = try u32s(.sectionDocument)
        guard sectionDocument.count == sections else { throw corrupt("section table size") }
        for i in 0..<sections where sectionDocument.int(i) >= documents { throw corrupt("section \(i) names a missing document") }
        sectionIDs = try table(.sectionIDOffsets, .sectionIDBytes, entries: sections)
        headings = try table(.headingOffsets, .headingBytes, entries: sections)
        texts = try table(.textOffsets, .textBytes, entries: max(try u32s(.textOffsets).count - 1, 0))
        textChunkStart = try u32s(.textChunkStart)
        try checkOffsets(textChunkStart, entries: sections, limit: texts.count, "textChunkStart")
        textDecoder = TextDecoder(dictionary: bytes(.textDictionary).buffer, storage: storage)
        checkpointStart = try u32s(.checkpointStart)
        checkpoints = bytes(.checkpoints)
        try checkOffsets(checkpointStart, entries: sections, limit: checkpoints.count, "checkpointStart")
        pairFilterStart = try u32s(.pairFilterStart)
        pairFilters = bytes(.pairFilters)
        try checkOffsets(pairFilterStart, entries: sections, limit: pairFilters.count, "pairFilterStart")
        documentIDs = try table(.documentIDOffsets, .documentIDBytes, entries: documents)
        titles = try table(.titleOffsets, .titleBytes, entries: documents)
        documentKinds = bytes(.documentKinds)
        guard documentKinds.count == documents else { throw corrupt("document kinds") }
        titleTermStart = try u32s(.titleTermStart)
        titleTerms = try u32s(.titleTerms)
        try checkOffsets(titleTermStart, entries: documents, limit: titleTerms.count, "titleTermStart")
        for i in 0..<titleTerms.count where titleTerms.int(i) >= termCount { throw corrupt("a title names a missing term") }
        var starts = [Int32](repeating: Int32(sections), count: documents + 1)
        var ordered = true, s = 0
        for d in 0...documents {
            while s < sections && sectionDocument.int(s) < d { s += 1 }
            starts[d] = Int32(s)
        }
        for i in 1..<max(sections, 1) where sectionDocument.int(i) < sectionDocument.int(i - 1) { ordered = false; break }
        documentSectionStart = ordered ? starts : []
        let langs = String(decoding: bytes(.languages).buffer, as: UTF8.self)
        languages = langs.isEmpty ? [] : langs.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard languages.count <= 255 else { throw corrupt("language table") }
        synonymText = String(decoding: bytes(.synonyms).buffer, as: UTF8.self)

        // A mapped file's texts are read with `pread` (`TextDecoder`), a third of the file that
        // would otherwise join the resident set page by page as neighbouring arrays are read.
        // Only when no other array shares those bytes (a damaged directory could say so).
        let text = ranges[SnapshotArray.textBytes.rawValue]
        let textEnd = text.offset + text.length
        let shared = ranges.indices.contains { i in
            i != SnapshotArray.textBytes.rawValue && ranges[i].length > 0
                && ranges[i].offset < textEnd && text.offset < ranges[i].offset + ranges[i].length
        }
        if storage.readsThroughFile && !shared { storage.unmapPages(inside: text.offset..<textEnd) }
    }

    // MARK: Convenience accessors

    @inline(__always) func documentFrequency(_ term: Int) -> Int { postingStart.int(term + 1) - postingStart.int(term) }

    @inline(__always) func isStopWord(_ term: Int) -> Bool { termFlags[term] & 1 != 0 }

    /// Whether section `s` is its document's intro (a document's first section, whose id is empty).
    @inline(__always) func isIntro(_ s: Int) -> Bool { sectionIDs.length(s) == 0 }

    func kind(ofDocument d: Int) -> DocumentKind {
        let k = Int(documentKinds[d])
        return k < DocumentKind.allCases.count ? DocumentKind.allCases[k] : .article
    }

    /// BM25 inverse document frequency of a term.
    @inline(__always) func idf(_ term: Int) -> Float {
        let n = Float(sectionCount), df = Float(documentFrequency(term))
        return logf(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// The section's body text (decompressed; empty if its frame is damaged).
    func text(ofSection s: Int) -> [UInt8] {
        var out: [UInt8] = []
        for c in textChunks(ofSection: s) { out.append(contentsOf: textDecoder.decode(texts.buffer(c))) }
        return out
    }

    /// The section's frames, as indexes into `texts`.
    func textChunks(ofSection s: Int) -> Range<Int> { textChunkStart.int(s)..<textChunkStart.int(s + 1) }

    /// The section's reference (an intro has no section id).
    func reference(ofSection s: Int) -> ContentReference {
        let doc = documentIDs.string(sectionDocument.int(s))
        let sid = sectionIDs.length(s) == 0 ? nil : sectionIDs.string(s)
        return ContentReference(documentID: doc, sectionID: sid)
    }
}
