/// Builds a snapshot image from a library in one pass over its text.
///
/// Per section: every field is tokenized, each token interned to a term id and recorded as a packed
/// (term, position, field) integer; the section's records are sorted, which groups each term's
/// positions, and appended as one posting. At the end terms are sorted by bytes (ids renumbered),
/// postings are bucketed by term with a counting sort, and BM25F impacts are computed now that the
/// average field lengths are known. Positions are delta- and varint-coded.
struct IndexBuilder {
    /// BM25F field weights: title, heading (an FAQ's question), tags and conditions, body.
    static let fieldWeights: [Float] = [2.0, 3.0, 2.0, 1.0]
    /// BM25F length normalisation per field.
    static let fieldB: [Float] = [0.5, 0.5, 0.5, 0.75]
    static let k1: Float = 1.2
    /// Positions skipped between fields so a phrase never spans two fields.
    static let fieldGap = 8

    private var table = TermHashTable()
    private var termLanguages: [UInt32] = []
    private var languages: [String] = []
    private var languageIndex: [String: Int] = [:]
    private var acronyms = AcronymCollector()

    // Postings in section order, before bucketing by term.
    private var pTerm: [UInt32] = []
    private var pSection: [UInt32] = []
    private var pTf: [UInt64] = []          // four 16-bit field frequencies
    /// Each posting's positions, varint-coded (byte length, then deltas), in posting order.
    private var pBlob: [UInt8] = []
    private var pBlobStart: [UInt32] = []
    private var fieldLengths: [UInt32] = [] // four per section

    // Per-section grouping of positions by term without sorting: each term seen in the section gets
    // a slot (first-seen order); its entries are chained backwards through `entryPrevious`.
    private var entries: [UInt32] = []          // position << 2 | field
    private var entryPrevious: [Int32] = []
    private var slotTerm: [Int32] = []
    private var slotHead: [Int32] = []
    /// Per term: (the last section it was seen in + 1) << 32 | its slot there; one load per token.
    private var termState: [UInt64] = []
    /// The current field's last 32 term ids (a ring), replayed into the acronym collector only when
    /// a token stands in parentheses, the one place it looks back (it keeps the last 12 itself, so
    /// replaying more is harmless).
    private var recentTerms = [Int](repeating: 0, count: 32)
    private var recentCount = 0
    /// Scans nothing: feeds replayed ids to the collector without matching them as acronyms.
    private let replayScanner = TokenScanner(UnsafeBufferPointer(start: nil, count: 0))
    private var scratchPositions: [UInt32] = []
    private var checkpoints = BodyCheckpoints.Writer()

    /// Builds the image for `library`. `synonyms` are the groups read from synonyms.txt; acronyms
    /// found in the text are added to them.
    static func build(library: Library, synonyms: SynonymTable, fingerprint: UInt64 = 0) -> [UInt8] {
        var b = IndexBuilder()
        let corpus = SectionSource.all(in: library)
        for i in corpus.sections.indices { b.add(section: i, corpus) }
        return b.finish(library: library, corpus: corpus, synonyms: synonyms, fingerprint: fingerprint)
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
        entries.removeAll(keepingCapacity: true)
        entryPrevious.removeAll(keepingCapacity: true)
        slotTerm.removeAll(keepingCapacity: true)
        slotHead.removeAll(keepingCapacity: true)
        var position = 0
        var lengths: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        for field in SectionSource.Field.allCases {
            let start = position
            let isBody = field == .body
            let scanned = corpus.withText(section, field) { buf -> Bool in
                if buf.isEmpty { return false }
                if isBody { checkpoints.beginSection(bodyPosition: start) }
                var scanner = TokenScanner(buf)
                let detect = field == .body || field == .heading
                recentCount = 0
                let sectionTag = UInt64(section + 1) << 32
                while scanner.next() {
                    let id = table.intern(scanner.termBuffer)
                    if position < (1 << 30) {
                        if isBody { checkpoints.see(token: position - start, byteStart: scanner.byteStart) }
                        if id >= termState.count {
                            termState.append(contentsOf: repeatElement(0, count: max(id + 1 - termState.count, termState.count)))
                        }
                        var state = termState[id]
                        if state & 0xFFFF_FFFF_0000_0000 != sectionTag {
                            state = sectionTag | UInt64(slotTerm.count)
                            termState[id] = state
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
        fieldLengths.append(lengths.0)
        fieldLengths.append(lengths.1)
        fieldLengths.append(lengths.2)
        fieldLengths.append(lengths.3)
        if termLanguages.count < table.count {
            termLanguages.append(contentsOf: repeatElement(0, count: table.count - termLanguages.count))
        }
        for slot in 0..<slotTerm.count {
            let term = UInt32(slotTerm[slot])
            var tf: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            pTerm.append(term)
            pSection.append(UInt32(section))
            pBlobStart.append(UInt32(pBlob.count))
            termLanguages[Int(term)] |= langBit
            scratchPositions.removeAll(keepingCapacity: true)
            var e = Int(slotHead[slot])
            while e >= 0 {
                let v = entries[e]
                switch v & 3 {
                case 0: tf.0 += 1
                case 1: tf.1 += 1
                case 2: tf.2 += 1
                default: tf.3 += 1
                }
                scratchPositions.append(v >> 2)
                e = Int(entryPrevious[e])
            }
            // The chain runs backwards: positions descend. The byte length goes first so a reader
            // skips a posting's positions with one read.
            var byteLength = 0
            var prev: UInt32 = 0
            for k in stride(from: scratchPositions.count - 1, through: 0, by: -1) {
                byteLength += Varint.size(scratchPositions[k] - prev)
                prev = scratchPositions[k]
            }
            Varint.append(UInt32(byteLength), to: &pBlob)
            prev = 0
            for k in stride(from: scratchPositions.count - 1, through: 0, by: -1) {
                let position = scratchPositions[k]
                Varint.append(position - prev, to: &pBlob)
                prev = position
            }
            pTf.append(min(tf.0, 0xFFFF) | min(tf.1, 0xFFFF) << 16 | min(tf.2, 0xFFFF) << 32 | min(tf.3, 0xFFFF) << 48)
        }
    }

    /// What `AcronymCollector.see` would do for every token of a field, calling it only for a token
    /// in parentheses (the only ones it matches) after replaying the ids before it.
    @inline(__always)
    private mutating func seeForAcronyms(_ id: Int, _ scanner: TokenScanner) {
        let s = scanner.byteStart, e = scanner.byteEnd, b = scanner.bytes
        if s > 0, e < b.count, b[s - 1] == 0x28, b[e] == 0x29 {
            acronyms.startField()
            let window = recentTerms.count
            for k in max(0, recentCount - window)..<recentCount {
                acronyms.see(term: recentTerms[k % window], scanner: replayScanner, table: table)
            }
            acronyms.see(term: id, scanner: scanner, table: table)
        }
        recentTerms[recentCount % recentTerms.count] = id
        recentCount += 1
    }

    private mutating func finish(library: Library, corpus: SectionSource.Corpus, synonyms: SynonymTable, fingerprint: UInt64) -> [UInt8] {
        let sources = corpus.sections
        let termCount = table.count
        let sectionCount = sources.count
        // Sort terms by bytes and renumber.
        let order = table.sortedIDs()
        var newID = [UInt32](repeating: 0, count: termCount)
        for (rank, old) in order.enumerated() { newID[Int(old)] = UInt32(rank) }

        // Bucket postings by new term id (BM25F impacts computed on the way).
        let postingCount = pTerm.count
        pBlobStart.append(UInt32(pBlob.count))
        let buckets = PostingBuckets(termCount: termCount, newID: newID, term: pTerm, section: pSection, tf: pTf,
                                     blob: pBlob, blobStart: pBlobStart, fieldLengths: fieldLengths)

        // Term dictionary in sorted order; flags.
        var termOffsets: [UInt32] = [0]
        termOffsets.reserveCapacity(termCount + 1)
        var termBytes: [UInt8] = []
        termBytes.reserveCapacity(table.arena.count)
        var flags = [UInt8](repeating: 0, count: termCount)
        var sortedLanguages = [UInt32](repeating: 0, count: termCount)
        for (rank, old) in order.enumerated() {
            let bytes = table.bytes(Int(old))
            termBytes.append(contentsOf: bytes)
            termOffsets.append(UInt32(termBytes.count))
            if bytes.count <= 12, StopWords.contains(Array(bytes)) { flags[rank] = 1 }
            sortedLanguages[rank] = termLanguages[Int(old)]
        }

        let stems = StemGroups(termOffsets: termOffsets, termBytes: termBytes, languageMasks: sortedLanguages,
                               stemmers: languages.map { Stemmer.shared($0) })

        var packer = ImagePacker(estimatedSize: termBytes.count + postingCount * 6 + buckets.positions.count
                                 + corpus.bodyText.count + (1 << 16))
        packer.put(.termOffsets, termOffsets)
        packer.put(.termBytes, termBytes)
        packer.put(.termFlags, flags)
        packer.put(.termSharedPrefix, Self.sharedPrefixLengths(termOffsets, termBytes))
        packer.put(.postingStart, buckets.postingStart)
        if sectionCount <= 0xFFFF {
            packer.put(.postSections, buckets.postSections.map { UInt16(truncatingIfNeeded: $0) })
        } else {
            packer.put(.postSections, buckets.postSections)
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
        let text = CompressedText.compress(corpus.bodyText, sources.map(\.body))
        packer.put(.textChunkStart, text.chunkStart)
        packer.put(.textOffsets, text.offsets)
        packer.put(.textBytes, text.frames)
        packer.put(.textDictionary, text.dictionary)
        packer.put(.checkpointStart, checkpoints.starts)
        packer.put(.checkpoints, checkpoints.bytes)
        packer.put(.documentIDOffsets, .documentIDBytes, strings: library.documents.map(\.id))
        packer.put(.titleOffsets, .titleBytes, strings: library.documents.map(\.title))
        packer.put(.documentKinds, library.documents.map { d in UInt8(DocumentKind.allCases.firstIndex(of: d.kind) ?? 0) })
        packer.put(.languages, text: languages.joined(separator: "\n"))
        let merged = synonyms.adding(acronyms.groups())
        packer.put(.synonyms, text: merged.serialized())
        return packer.finish(fingerprint: fingerprint, sections: sectionCount, documents: library.documents.count,
                             terms: termCount, postings: postingCount)
    }
}

/// LEB128 variable-length unsigned integers (positions).
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

    /// Bytes `append` writes for `value`.
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
