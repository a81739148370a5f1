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
    private var termSlot: [Int32] = []          // per term: its slot in the current section
    private var termSection: [Int32] = []       // per term: the last section it was seen in
    private var scratchPositions: [UInt32] = []
    private var checkpoints = BodyCheckpoints.Writer()

    /// Builds the image for `library`. `synonyms` are the groups read from synonyms.txt; acronyms
    /// found in the text are added to them.
    static func build(library: Library, synonyms: SynonymTable, fingerprint: UInt64 = 0) -> [UInt8] {
        var b = IndexBuilder()
        let sources = SectionSource.all(in: library)
        for (i, s) in sources.enumerated() { b.add(section: i, s) }
        return b.finish(library: library, sources: sources, synonyms: synonyms, fingerprint: fingerprint)
    }

    private mutating func language(_ code: String) -> Int {
        let key = code.lowercased()
        if let i = languageIndex[key] { return i }
        let i = min(languages.count, 31)
        if languages.count < 32 { languages.append(key); languageIndex[key] = i }
        return i
    }

    private mutating func add(section: Int, _ source: SectionSource) {
        let langBit = UInt32(1) << UInt32(language(source.language))
        entries.removeAll(keepingCapacity: true)
        entryPrevious.removeAll(keepingCapacity: true)
        slotTerm.removeAll(keepingCapacity: true)
        slotHead.removeAll(keepingCapacity: true)
        var position = 0
        var lengths = [UInt32](repeating: 0, count: 4)
        for field in SectionSource.Field.allCases {
            var text = source.text(field)
            if text.isEmpty { continue }
            let start = position
            let isBody = field == .body
            if isBody { checkpoints.beginSection(bodyPosition: start) }
            text.withUTF8 { buf in
                var scanner = TokenScanner(buf)
                let detect = field == .body || field == .heading
                if detect { acronyms.startField() }
                while scanner.next() {
                    let id = table.intern(scanner.termBuffer)
                    if position < (1 << 30) {
                        if isBody { checkpoints.see(token: position - start, byteStart: scanner.byteStart) }
                        if id >= termSection.count {
                            termSection.append(contentsOf: repeatElement(-1, count: id + 1 - termSection.count))
                            termSlot.append(contentsOf: repeatElement(0, count: id + 1 - termSlot.count))
                        }
                        if termSection[id] != Int32(section) {
                            termSection[id] = Int32(section)
                            termSlot[id] = Int32(slotTerm.count)
                            slotTerm.append(Int32(id))
                            slotHead.append(-1)
                        }
                        let slot = Int(termSlot[id])
                        entryPrevious.append(slotHead[slot])
                        slotHead[slot] = Int32(entries.count)
                        entries.append(UInt32(position) << 2 | UInt32(field.rawValue))
                        position += 1
                    }
                    if detect { acronyms.see(term: id, scanner: scanner, table: table) }
                }
            }
            lengths[field.rawValue] = UInt32(position - start)
            position += Self.fieldGap
        }
        if source.body.isEmpty { checkpoints.beginSection(bodyPosition: position) }
        checkpoints.endSection()
        fieldLengths.append(contentsOf: lengths)
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

    private mutating func finish(library: Library, sources: [SectionSource], synonyms: SynonymTable, fingerprint: UInt64) -> [UInt8] {
        let termCount = table.count
        let sectionCount = sources.count
        // Sort terms by bytes and renumber.
        var order = [Int32](0..<Int32(termCount))
        table.arena.withUnsafeBufferPointer { arena in
            let starts = table.starts
            func range(_ id: Int) -> (Int, Int) {
                (Int(starts[id]), id + 1 < starts.count ? Int(starts[id + 1]) : arena.count)
            }
            order.sort { x, y in
                let (a0, a1) = range(Int(x)), (b0, b1) = range(Int(y))
                let n = min(a1 - a0, b1 - b0)
                var j = 0
                while j < n {
                    let p = arena[a0 + j], q = arena[b0 + j]
                    if p != q { return p < q }
                    j += 1
                }
                return a1 - a0 < b1 - b0
            }
        }
        var newID = [UInt32](repeating: 0, count: termCount)
        for (rank, old) in order.enumerated() { newID[Int(old)] = UInt32(rank) }

        // Average field lengths for BM25F.
        var avg = [Float](repeating: 0, count: 4)
        for s in 0..<sectionCount { for f in 0..<4 { avg[f] += Float(fieldLengths[s * 4 + f]) } }
        for f in 0..<4 { avg[f] = max(avg[f] / Float(max(sectionCount, 1)), 1) }

        // Bucket postings by new term id with a counting sort: one sequential pass over the
        // postings (in section order, so sections stay ascending within a term), scattering writes.
        let postingCount = pTerm.count
        pBlobStart.append(UInt32(pBlob.count))
        var postingStart = [UInt32](repeating: 0, count: termCount + 1)
        var blobSize = [Int](repeating: 0, count: termCount + 1)
        var termOf = [UInt32](repeating: 0, count: postingCount)
        for p in 0..<postingCount {
            let t = Int(newID[Int(pTerm[p])])
            termOf[p] = UInt32(t)
            postingStart[t + 1] += 1
            blobSize[t + 1] += Int(pBlobStart[p + 1] - pBlobStart[p])
        }
        var skipStart = [UInt32](repeating: 0, count: termCount + 1)
        for t in 0..<termCount {
            postingStart[t + 1] += postingStart[t]
            blobSize[t + 1] += blobSize[t]
            skipStart[t + 1] = skipStart[t] + (postingStart[t + 1] - postingStart[t] + 15) / 16
        }
        var postSections = [UInt32](repeating: 0, count: postingCount)
        var postImpacts = [UInt16](repeating: 0, count: postingCount)
        var positions = [UInt8](repeating: 0, count: pBlob.count)
        var skips = [UInt32](repeating: 0, count: Int(skipStart[termCount]))
        var slotCursor = postingStart
        var blobCursor = blobSize
        let w = Self.fieldWeights, bParam = Self.fieldB, k1 = Self.k1
        pBlob.withUnsafeBufferPointer { blob in
            positions.withUnsafeMutableBufferPointer { out in
                for p in 0..<postingCount {
                    let t = Int(termOf[p])
                    let slot = Int(slotCursor[t])
                    slotCursor[t] += 1
                    let s = Int(pSection[p])
                    postSections[slot] = UInt32(s)
                    let tfs = pTf[p]
                    var tf: Float = 0
                    for f in 0..<4 {
                        let c = Float((tfs >> UInt64(16 * f)) & 0xFFFF)
                        if c > 0 {
                            let len = Float(fieldLengths[s * 4 + f])
                            tf += w[f] * c / (1 - bParam[f] + bParam[f] * len / avg[f])
                        }
                    }
                    postImpacts[slot] = UInt16(min(65535, (tf / (k1 + tf) * 65535).rounded()))
                    let rank = slot - Int(postingStart[t])
                    let at = blobCursor[t]
                    if rank % 16 == 0 { skips[Int(skipStart[t]) + rank / 16] = UInt32(at) }
                    let b0 = Int(pBlobStart[p]), b1 = Int(pBlobStart[p + 1])
                    for k in b0..<b1 { out[at + k - b0] = blob[k] }
                    blobCursor[t] = at + b1 - b0
                }
            }
        }

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

        // Stem groups per language.
        let stemmers = languages.map { Stemmer.shared($0) }
        var groups: [[UInt8]: [UInt32]] = [:]
        for t in 0..<termCount {
            var mask = sortedLanguages[t]
            guard mask != 0 else { continue }
            let term = Array(termBytes[Int(termOffsets[t])..<Int(termOffsets[t + 1])])
            while mask != 0 {
                let lang = mask.trailingZeroBitCount
                mask &= mask - 1
                guard lang < stemmers.count else { continue }
                var key: [UInt8] = [UInt8(lang)]
                key.append(contentsOf: stemmers[lang].stem(term))
                groups[key, default: []].append(UInt32(t))
            }
        }
        var stemKeys: [[UInt8]] = []
        for (key, members) in groups {
            if members.count > 1 || Array(key.dropFirst()) != termBytesOf(Int(members[0]), termOffsets, termBytes) {
                stemKeys.append(key)
            }
        }
        stemKeys.sort { $0.lexicographicallyPrecedes($1) }
        var stemKeyOffsets: [UInt32] = [0], stemKeyBytes: [UInt8] = []
        var stemTermStart: [UInt32] = [0], stemTerms: [UInt32] = []
        for key in stemKeys {
            stemKeyBytes.append(contentsOf: key)
            stemKeyOffsets.append(UInt32(stemKeyBytes.count))
            stemTerms.append(contentsOf: groups[key] ?? [])
            stemTermStart.append(UInt32(stemTerms.count))
        }

        var packer = ImagePacker(estimatedSize: termBytes.count + postingCount * 6 + positions.count
                                 + sources.reduce(0) { $0 + $1.body.utf8.count } + (1 << 16))
        packer.put(.termOffsets, termOffsets)
        packer.put(.termBytes, termBytes)
        packer.put(.termFlags, flags)
        packer.put(.termSharedPrefix, Self.sharedPrefixLengths(termOffsets, termBytes))
        packer.put(.postingStart, postingStart)
        if sectionCount <= 0xFFFF {
            packer.put(.postSections, postSections.map { UInt16(truncatingIfNeeded: $0) })
        } else {
            packer.put(.postSections, postSections)
        }
        packer.put(.postImpacts, postImpacts)
        packer.put(.skipStart, skipStart)
        packer.put(.skips, skips)
        packer.put(.positions, positions)
        packer.put(.stemKeyOffsets, stemKeyOffsets)
        packer.put(.stemKeyBytes, stemKeyBytes)
        packer.put(.stemTermStart, stemTermStart)
        packer.put(.stemTerms, stemTerms)
        packer.put(.sectionDocument, sources.map { UInt32($0.documentIndex) })
        packer.put(.sectionIDOffsets, .sectionIDBytes, strings: sources.map(\.sectionID))
        packer.put(.headingOffsets, .headingBytes, strings: sources.map(\.heading))
        let text = CompressedText.compress(sources.map(\.body))
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

    private func termBytesOf(_ t: Int, _ offsets: [UInt32], _ bytes: [UInt8]) -> [UInt8] {
        Array(bytes[Int(offsets[t])..<Int(offsets[t + 1])])
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
