/// Builds a snapshot image from a library in one pass over its text.
///
/// Per section (text from `SectionSource.Corpus`): every field is tokenized, each token interned to
/// a build-time term id (`TermHashTable`) and chained to the section's earlier places of that term
/// (no sort); then each term of the section becomes one posting, its positions delta- and
/// varint-coded. At the end terms are sorted by bytes (ids renumbered), postings are bucketed by
/// term and given their BM25F impacts (`PostingBuckets`), stem groups are formed (`StemGroups`) and
/// the body text compressed (`CompressedText`).
struct IndexBuilder {
    /// BM25F field weights: title, heading (an FAQ's question), tags and conditions, body.
    static let fieldWeights: [Float] = [2.0, 3.0, 1.0, 1.0]
    /// BM25F length normalisation per field.
    static let fieldB: [Float] = [0.5, 0.5, 0.5, 0.75]
    static let k1: Float = 1.2
    /// Positions skipped between fields so a phrase never spans two fields.
    static let fieldGap = 8

    private var table = TermHashTable()
    private var languages: [String] = []
    private var languageIndex: [String: Int] = [:]
    private var acronyms = AcronymCollector()

    // Postings in section order, before bucketing by term.
    // (GrowableBuffer: appended per token or posting without Array's uniqueness checks.)
    private let pTerm = GrowableBuffer<UInt32>()
    /// Per section, its first posting (postings come section by section; `sectionCount + 1` entries).
    private var sectionPostingStart: [UInt32] = []
    private let pTf = GrowableBuffer<UInt64>()          // four 16-bit field frequencies
    /// Each posting's positions, varint-coded (byte length, then deltas), in posting order.
    private let pBlob = GrowableBuffer<UInt8>()
    private let pBlobStart = GrowableBuffer<UInt32>()
    private var fieldLengths: [UInt32] = [] // four per section

    // Per-section grouping of positions by term without sorting: each term seen in the section gets
    // a slot (first-seen order); its entries are chained backwards through `entryPrevious`.
    private let entries = GrowableBuffer<UInt32>()          // position << 2 | field
    private let entryPrevious = GrowableBuffer<Int32>()
    private let slotTerm = GrowableBuffer<Int32>()
    private let slotHead = GrowableBuffer<Int32>()
    /// Two words per term: (the last section it was seen in + 1) << 32 | its slot there, then a bit
    /// per language of the sections it occurs in. Side by side, so the language is noted from the
    /// cache line the token's lookup already brought in.
    /// (Not an Array: its writes, once per posting, each checked the buffer's uniqueness.)
    private let termState = GrowableBuffer<UInt64>()
    /// The current field's last 16 term ids (a ring), handed to the acronym collector only when a
    /// token stands in parentheses, the one place it looks back (at most `AcronymCollector.lookBack`).
    private let recentTerms: GrowableBuffer<Int> = {
        let ring = GrowableBuffer<Int>(capacity: 16)
        ring.extend(by: 16).initialize(repeating: 0, count: 16)
        return ring
    }()
    private var recentCount = 0
    private var acronymWindow: [Int] = []
    private let scratchPositions = GrowableBuffer<UInt32>()
    private var checkpoints = BodyCheckpoints.Writer()
    private var pairFilters = PairFilters.Writer()
    /// Per build-time term id: 1 a stop word, 2 not (0 not yet known; ids come in order).
    private let stopWordFlags = GrowableBuffer<UInt8>()
    private var stopWordScratch: [UInt8] = []
    /// Per document (in order), the build-time term ids of its title, from its intro: `titleTermStart[d]`
    /// is where document d's begin in `titleTerms` (renumbered, sorted and deduplicated in `finish`).
    private var titleTermStart: [UInt32] = []
    private var titleTerms: [UInt32] = []

    /// Builds the image for `library`. `synonyms` are the groups read from synonyms.txt; acronyms
    /// found in the text are added to them.
    static func build(library: Library, synonyms: SynonymTable, fingerprint: UInt64 = 0) -> [UInt8] {
        // `bytes` points into the storage: keep it alive while they are copied (a temporary's
        // last use is `.bytes`, and it had been freed before the copy, so the image read garbage).
        let storage = buildStorage(library: library, synonyms: synonyms, fingerprint: fingerprint)
        return withExtendedLifetime(storage) { Array(storage.bytes) }
    }

    /// The image for `library`, built in the storage an engine reads (`SearchEngine(library:)`).
    ///
    /// The library is consumed: once its text is copied out (`SectionSource.all`) the builder keeps
    /// only each document's id, title and kind. A caller that hands over its only copy (as `pamphlet
    /// index` does) frees the documents before the postings grow.
    static func buildStorage(library: consuming Library, synonyms: SynonymTable, fingerprint: UInt64 = 0) -> SnapshotStorage {
        var b = IndexBuilder()
        let corpus = SectionSource.all(in: library)
        let documents = DocumentRows(library.documents)
        _ = consume library
        FreedMemory.returnToSystem()
        b.reserve(textBytes: corpus.bodyText.count)
        // Each body is compressed once indexed, and its pages go: the text is never whole beside
        // the postings (compressing it all at the end had been the build's peak).
        let bodies = corpus.sections.map { UnsafeBufferPointer(rebasing: corpus.bodyText.buffer[$0.body]) }
        let text = CompressedText.Writer(samples: bodies, totalBytes: corpus.bodyText.count)
        for i in corpus.sections.indices {
            b.add(section: i, corpus)
            text.add(bodies[i])
            corpus.bodyText.discard(below: corpus.sections[i].body.upperBound)
        }
        corpus.bodyText.release()
        return b.finish(documents: documents, sources: corpus.sections, text: text.finish(), synonyms: synonyms,
                        fingerprint: fingerprint)
    }

    /// What the image keeps of each document.
    struct DocumentRows {
        var ids: [String], titles: [String], kinds: [UInt8]
        init(_ documents: [Document]) {
            ids = documents.map(\.id)
            titles = documents.map(\.title)
            kinds = documents.map { UInt8(DocumentKind.allCases.firstIndex(of: $0.kind) ?? 0) }
        }
    }

    /// Room for the postings of `textBytes` of text (the benchmark corpus: a posting per 16 bytes,
    /// a byte of positions per 3.5), so the arrays are not copied as they double.
    private mutating func reserve(textBytes: Int) {
        let postings = textBytes / 12 + 1024
        pTerm.reserve(postings)
        pTf.reserve(postings)
        pBlobStart.reserve(postings + 1)
        pBlob.reserve(textBytes / 3 + 4096)
    }

    private mutating func language(_ code: String) -> Int {
        let key = code.lowercased()
        if let i = languageIndex[key] { return i }
        let i = min(languages.count, 31)
        if languages.count < 32 { languages.append(key); languageIndex[key] = i }
        return i
    }

    private mutating func add(section: Int, _ corpus: SectionSource.Corpus) {
        let source = corpus.sections[section]
        let langBit = UInt32(1) << UInt32(language(source.language))
        // Local references: read from `self` in the loop, every use was retained and released.
        let entries = self.entries, entryPrevious = self.entryPrevious
        let slotTerm = self.slotTerm, slotHead = self.slotHead
        let stopWordFlags = self.stopWordFlags, pairs = pairFilters.pending
        entries.removeAll()
        entryPrevious.removeAll()
        slotTerm.removeAll()
        slotHead.removeAll()
        var position = 0
        var lengths: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        if source.sectionID.isEmpty {
            // A document's intro (its first section): the title's terms are noted for the document.
            while titleTermStart.count <= source.documentIndex { titleTermStart.append(UInt32(titleTerms.count)) }
        }
        for field in SectionSource.Field.allCases {
            let start = position
            let isBody = field == .body
            let isTitle = field == .title
            let scanned = corpus.withText(section, field) { buf -> Bool in
                if buf.isEmpty { return false }
                if isBody { checkpoints.beginSection(bodyPosition: start) }
                var scanner = TokenScanner(buf)
                let detect = field == .body || field == .heading
                recentCount = 0
                let sectionTag = UInt64(section + 1) << 32
                // The token before in this field, for the phrase pair filters.
                var previousHash: UInt64 = 0, previousIsStop = false, hasPrevious = false
                while scanner.next() {
                    let term = scanner.termBuffer
                    let hash = PairFilters.termHash(term)
                    let id = term.isEmpty ? table.intern(term) : table.intern(term, hash: hash)
                    if isTitle { titleTerms.append(UInt32(id)) }
                    if position < (1 << 30) {
                        let isStop = id < stopWordFlags.count ? stopWordFlags[id] == 1 : isStopWord(id)
                        if hasPrevious && (isStop || previousIsStop) { pairs.append(PairFilters.pairHash(previousHash, hash)) }
                        (previousHash, previousIsStop, hasPrevious) = (hash, isStop, true)
                        if isBody { checkpoints.see(token: position - start, byteStart: scanner.byteStart) }
                        if 2 * id >= termState.count {
                            let more = max(2 * id + 2 - termState.count, termState.count)
                            termState.extend(by: more).initialize(repeating: 0, count: more)
                        }
                        var state = termState[2 * id]
                        if state & 0xFFFF_FFFF_0000_0000 != sectionTag {
                            state = sectionTag | UInt64(slotTerm.count)
                            termState[2 * id] = state
                            termState[2 * id + 1] |= UInt64(langBit)
                            slotTerm.append(Int32(id))
                            slotHead.append(-1)
                        }
                        let slot = Int(truncatingIfNeeded: state & 0xFFFF_FFFF)
                        entryPrevious.append(slotHead[slot])
                        slotHead[slot] = Int32(entries.count)
                        entries.append(UInt32(position) << 2 | UInt32(field.rawValue))
                        position += 1
                    }
                    if detect { seeForAcronyms(id, scanner) }
                }
                return true
            }
            if !scanned { continue }
            let length = UInt32(position - start)
            switch field {
            case .title: lengths.0 = length
            case .heading: lengths.1 = length
            case .tags: lengths.2 = length
            case .body: lengths.3 = length
            }
            position += Self.fieldGap
        }
        if source.body.isEmpty { checkpoints.beginSection(bodyPosition: position) }
        checkpoints.endSection()
        pairFilters.endSection()
        fieldLengths.append(lengths.0)
        fieldLengths.append(lengths.1)
        fieldLengths.append(lengths.2)
        fieldLengths.append(lengths.3)
        emitPostings(section: section)
    }

    /// Appends one posting per term of the section: its field frequencies, and its positions
    /// (`PositionLists`) written with one append per posting rather than one per byte.
    private mutating func emitPostings(section: Int) {
        scratchPositions.removeAll()
        let scratch = scratchPositions.extend(by: entries.count)
        let entries = self.entries.base, previous = entryPrevious.base, slotHead = self.slotHead.base
        sectionPostingStart.append(UInt32(pTerm.count))
        let slotTerm = self.slotTerm, pTerm = self.pTerm, pTf = self.pTf
        let pBlob = self.pBlob, pBlobStart = self.pBlobStart
        for slot in 0..<slotTerm.count {
            // The chain runs backwards: positions descend. Field counts are added without a branch
            // on the field (a `switch` was a jump table, mispredicted as fields alternate): two
            // 32-bit lanes per word, fields 0-1 in `low`, 2-3 in `high` (a count stays below 2^30).
            var low: UInt64 = 0, high: UInt64 = 0
            var n = 0
            var e = Int(slotHead[slot])
            while e >= 0 {
                let v = entries[e]
                let one = UInt64(1) << UInt64((v & 1) << 5)
                let toHigh = UInt64((v >> 1) & 1)
                low &+= one &* (1 &- toHigh)
                high &+= one &* toHigh
                scratch[n] = v >> 2
                n += 1
                e = Int(previous[e])
            }
            pTerm.append(UInt32(slotTerm[slot]))
            pBlobStart.append(UInt32(pBlob.count))
            // Room for the longest coding (5 bytes a position), given back once the length is known.
            let out = pBlob.extend(by: 5 * n)
            var o = 0
            var prev: UInt32 = 0
            for k in stride(from: n - 1, through: 0, by: -1) {
                o = Varint.write(PositionLists.code(scratch[k] - prev, last: k == 0), to: out, at: o)
                prev = scratch[k]
            }
            pBlob.removeLast(5 * n - o)
            let field = (low & 0xFFFF_FFFF, low >> 32, high & 0xFFFF_FFFF, high >> 32)
            pTf.append(min(field.0, 0xFFFF) | min(field.1, 0xFFFF) << 16 | min(field.2, 0xFFFF) << 32 | min(field.3, 0xFFFF) << 48)
        }
    }

    /// Whether build-time term `id` is a stop word, decided once per term (the token loop reads
    /// `stopWordFlags` itself for a term it has seen).
    @inline(never)
    private mutating func isStopWord(_ id: Int) -> Bool {
        while stopWordFlags.count <= id {
            let stop = StopWords.contains(table.bytes(stopWordFlags.count), scratch: &stopWordScratch)
            stopWordFlags.append(stop ? 1 : 2)
        }
        return stopWordFlags[id] == 1
    }

    /// Notes the token's term, and hands a token in parentheses (the only ones it matches) to the
    /// acronym collector with the ids before it.
    @inline(__always)
    private mutating func seeForAcronyms(_ id: Int, _ scanner: TokenScanner) {
        let s = scanner.byteStart, e = scanner.byteEnd, b = scanner.bytes
        let mask = 15   // the ring's size - 1
        if s > 0, e < b.count, b[s - 1] == 0x28, b[e] == 0x29 {
            acronymWindow.removeAll(keepingCapacity: true)
            for k in max(0, recentCount - AcronymCollector.lookBack)..<recentCount { acronymWindow.append(recentTerms[k & mask]) }
            acronyms.see(bytes: b, start: s, end: e, after: acronymWindow, table: table)
        }
        recentTerms[recentCount & mask] = id
        recentCount += 1
    }

    /// Lays the image out. What is done with goes as soon as it is: the postings in section order
    /// once bucketed (a build's peak is while both are held).
    private mutating func finish(documents: DocumentRows, sources: [SectionSource],
                                 text: (dictionary: [UInt8], chunkStart: [UInt32], offsets: [UInt32], frames: [UInt8]),
                                 synonyms: SynonymTable, fingerprint: UInt64) -> SnapshotStorage {
        let termCount = table.count
        let sectionCount = sources.count
        // Sort terms by bytes and renumber.
        let order = table.sortedIDs()
        var newID = [UInt32](repeating: 0, count: termCount)
        for (rank, old) in order.enumerated() { newID[Int(old)] = UInt32(rank) }

        // Bucket postings by new term id (BM25F impacts computed on the way).
        let postingCount = pTerm.count
        pBlobStart.append(UInt32(pBlob.count))
        sectionPostingStart.append(UInt32(postingCount))
        let buckets = PostingBuckets(termCount: termCount, newID: newID, term: pTerm.mutableBuffer, sectionPostingStart: sectionPostingStart,
                                     tf: pTf.buffer, blob: pBlob.buffer, blobStart: pBlobStart.buffer, fieldLengths: fieldLengths)
        pTerm.release(); pTf.release(); pBlob.release(); pBlobStart.release()

        // Term dictionary in sorted order; flags.
        var termOffsets: [UInt32] = [0]
        termOffsets.reserveCapacity(termCount + 1)
        var termBytes: [UInt8] = []
        termBytes.reserveCapacity(table.arena.count)
        var flags = [UInt8](repeating: 0, count: termCount)
        var sortedLanguages = [UInt32](repeating: 0, count: termCount)
        var word: [UInt8] = []   // a short term, as the stop-word set's key (no array per term)
        for (rank, old) in order.enumerated() {
            let bytes = table.bytes(Int(old))
            termBytes.append(contentsOf: bytes)
            termOffsets.append(UInt32(termBytes.count))
            if StopWords.contains(bytes, scratch: &word) { flags[rank] = 1 }
            let stateIndex = 2 * Int(old) + 1   // absent for a term seen only past the position limit
            sortedLanguages[rank] = stateIndex < termState.count ? UInt32(truncatingIfNeeded: termState[stateIndex]) : 0
        }

        // Each document's title terms, renumbered, sorted and without repeats.
        while titleTermStart.count <= documents.ids.count { titleTermStart.append(UInt32(titleTerms.count)) }
        var sortedTitleStart: [UInt32] = [0]
        var sortedTitleTerms: [UInt32] = []
        for d in 0..<documents.ids.count {
            let terms = Set(titleTerms[Int(titleTermStart[d])..<Int(titleTermStart[d + 1])].map { newID[Int($0)] })
            sortedTitleTerms += terms.sorted()
            sortedTitleStart.append(UInt32(sortedTitleTerms.count))
        }

        let stems = StemGroups(termOffsets: termOffsets, termBytes: termBytes, languageMasks: sortedLanguages,
                               stemmers: languages.map { Stemmer.shared($0) })

        var packer = ImagePacker()
        packer.put(.termOffsets, termOffsets)
        packer.put(.termBytes, termBytes)
        packer.put(.termFlags, flags)
        packer.put(.termSharedPrefix, Self.sharedPrefixLengths(termOffsets, termBytes))
        packer.put(.postingStart, buckets.postingStart)
        if let narrow = buckets.postSections16 {
            packer.put(.postSections, narrow)
        } else {
            packer.put(.postSections, buckets.postSections32)
        }
        packer.put(.postImpacts, buckets.postImpacts)
        packer.put(.skipStart, buckets.skipStart)
        packer.put(.skips, buckets.skips)
        packer.put(.positions, buckets.positions)
        packer.put(.stemKeyOffsets, stems.keyOffsets)
        packer.put(.stemKeyBytes, stems.keyBytes)
        packer.put(.stemTermStart, stems.termStart)
        packer.put(.stemTerms, stems.terms)
        packer.put(.sectionDocument, sources.map { UInt32($0.documentIndex) })
        packer.put(.sectionIDOffsets, .sectionIDBytes, strings: sources.map(\.sectionID))
        packer.put(.headingOffsets, .headingBytes, strings: sources.map(\.heading))
        packer.put(.textChunkStart, text.chunkStart)
        packer.put(.textOffsets, text.offsets)
        packer.put(.textBytes, text.frames)
        packer.put(.textDictionary, text.dictionary)
        packer.put(.checkpointStart, checkpoints.starts)
        packer.put(.checkpoints, checkpoints.bytes)
        packer.put(.pairFilterStart, pairFilters.starts)
        packer.put(.pairFilters, pairFilters.words)
        packer.put(.documentIDOffsets, .documentIDBytes, strings: documents.ids)
        packer.put(.titleOffsets, .titleBytes, strings: documents.titles)
        packer.put(.documentKinds, documents.kinds)
        packer.put(.titleTermStart, sortedTitleStart)
        packer.put(.titleTerms, sortedTitleTerms)
        packer.put(.languages, text: languages.joined(separator: "\n"))
        let merged = synonyms.adding(acronyms.groups())
        packer.put(.synonyms, text: merged.serialized())
        return packer.finish(fingerprint: fingerprint, sections: sectionCount, documents: documents.ids.count,
                             terms: termCount, postings: postingCount)
    }
}

extension IndexBuilder {
    /// For each term of the sorted dictionary, how many leading bytes it shares with the one before
    /// (0 for the first): the typo matcher walks the dictionary as a trie and skips a subtree by
    /// scanning these bytes (`TypoMatcher`). Terms are at most 48 bytes, so a byte holds it.
    static func sharedPrefixLengths(_ offsets: [UInt32], _ bytes: [UInt8]) -> [UInt8] {
        let count = max(offsets.count - 1, 0)
        var out = [UInt8](repeating: 0, count: count)
        var i = 1
        while i < count {
            let a = Int(offsets[i - 1]), b = Int(offsets[i]), c = Int(offsets[i + 1])
            let limit = min(b - a, c - b, 255)
            var shared = 0
            while shared < limit && bytes[a + shared] == bytes[b + shared] { shared += 1 }
            out[i] = UInt8(shared)
            i += 1
        }
        return out
    }
}

/// LEB128 variable-length unsigned integers (positions, body checkpoints).
enum Varint {
    @inline(__always)
    static func append(_ value: UInt32, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// Writes `value` at `offset` (room already made) and returns the offset after it.
    @inline(__always)
    static func write(_ value: UInt32, to out: UnsafeMutablePointer<UInt8>, at offset: Int) -> Int {
        var v = value, o = offset
        while v >= 0x80 {
            out[o] = UInt8(v & 0x7F) | 0x80
            v >>= 7
            o += 1
        }
        out[o] = UInt8(v)
        return o + 1
    }

    /// Bytes `append` and `write` take for `value`.
    @inline(__always)
    static func size(_ value: UInt32) -> Int {
        value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : value < 1 << 28 ? 4 : 5
    }

    /// Decodes at `offset`, advancing it; nil when the bytes run out (damaged data).
    @inline(__always)
    static func read(_ bytes: ByteArray, _ offset: inout Int) -> UInt32? {
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while offset < bytes.count, shift < 35 {
            let b = bytes[offset]
            offset += 1
            result |= UInt32(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
        return nil
    }
}
