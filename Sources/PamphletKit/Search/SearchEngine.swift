/// Ranked, typo-tolerant full-text search over a library's sections, for search as you type.
///
/// Every section is indexed, plus each document's intro as a section whose reference has no
/// `#section` (its id is the document id). Fields: document title, section heading (an FAQ's
/// question), tags and treatment conditions (on the intro), and body text; ranked with BM25F.
///
/// Queries: plain words (sections matching every word first, then the rest), `"quoted phrases"`,
/// `-word` to exclude, the last word also matching as a prefix while it is typed (no space after
/// it), typo tolerance (none under 5 letters, 1 edit from 5, 2 from 9; a transposition is one
/// edit), stemming in each document's language, synonyms from `synonyms.txt` and acronyms found
/// in the text ("transcranial magnetic stimulation (TMS)"). An exact word ranks above its other
/// forms, synonyms, completions and typos.
///
/// The index lives in one flat image (see `SnapshotFormat`) that can be written to disk and
/// memory-mapped back (`open(snapshotPath:)`, `loadOrBuild`). The engine is immutable and safe to
/// use from several threads. It never returns styled text: snippets come with `TextRange`s in
/// Unicode scalar offsets.
public final class SearchEngine: Sendable {
    let index: IndexData
    let expander: WordExpander

    /// Builds the index in memory, without synonyms from a file (acronyms are still found).
    public convenience init(library: Library) {
        self.init(library: library, contentDirectory: nil)
    }

    /// Builds the index in memory, reading `synonyms.txt` from `contentDirectory` when given.
    /// Pass a library nothing else holds (`SearchEngine(library: load().library)`) and its
    /// documents are freed as soon as their text is copied out, before the index's peak.
    public convenience init(library: consuming Library, contentDirectory: String?, fingerprint: UInt64 = 0) {
        let site = library.site
        let image = IndexBuilder.buildStorage(library: library, synonyms: SynonymTable.load(contentDirectory: contentDirectory),
                                              fingerprint: fingerprint)
        // A freshly built image always validates; fall back to an empty library rather than trap.
        let data = (try? IndexData(storage: image))
            ?? (try! IndexData(storage: IndexBuilder.buildStorage(
                library: Library(site: site, documents: []), synonyms: SynonymTable())))
        self.init(index: data)
    }

    init(index: IndexData) {
        self.index = index
        self.expander = WordExpander(index: index, synonyms: SynonymTable(serialized: index.synonymText))
    }

    /// Number of indexed sections (document intros included).
    public var sectionCount: Int { index.sectionCount }

    /// Size of the index image in bytes (what `writeSnapshot` writes).
    public var indexByteCount: Int { index.storage.count }

    /// The content fingerprint the index was built from (0 when unknown).
    public var contentFingerprint: UInt64 { index.fingerprint }

    // MARK: Search

    /// The best `limit` sections for `query`, best first, with snippets. When nothing matches,
    /// `suggestion` may hold a corrected query ("did you mean").
    public func search(_ query: String, limit: Int = 10) -> SearchResults {
        let ranked = rankedSearch(query, limit: limit)
        return SearchResults(hits: ranked.hits.indices.map { hit(ranked, at: $0) }, suggestion: ranked.suggestion,
                             total: ranked.total)
    }

    /// Every match of the query's words in `text` (exact, stem, synonym, typo and prefix matches),
    /// as Unicode scalar ranges of `text`, in order. For highlighting a whole section.
    public func highlights(for query: String, in text: String) -> [TextRange] {
        let parsed = QueryParser.parse(query)
        guard !parsed.isEmpty else { return [] }
        return Snippeter.highlights(in: text, matcher: QueryPlan(parsed, expander: expander).matcher)
    }

    func hit(section s: Int, score: Float, matcher: HighlightMatcher, _ snippeter: Snippeter) -> SearchHit {
        var hit = header(section: s, score: score)
        (hit.snippet, hit.highlights) = snippet(ofSection: s, matcher: matcher, snippeter)
        return hit
    }

    /// A section's hit without its snippet: reference, kind, titles and score.
    func header(section s: Int, score: Float) -> SearchHit {
        let d = index.sectionDocument.int(s)
        let title = index.titles.string(d)
        let heading = index.headings.length(s) == 0 ? title : index.headings.string(s)
        return SearchHit(reference: index.reference(ofSection: s), kind: index.kind(ofDocument: d),
                         documentTitle: title, sectionTitle: heading, score: Double(score),
                         snippet: "", highlights: [])
    }

    /// The snippet of section `s`: the window is chosen from the index's positions of the matched
    /// terms in the body (`Snippeter.anchor`), and only the text from the checkpoint a little before
    /// it is decompressed (its frame, and the next while the window runs on) and tokenized.
    func snippet(ofSection s: Int, matcher: HighlightMatcher, _ snippeter: Snippeter) -> (text: String, highlights: [TextRange]) {
        let anchor = Snippeter.anchor(index.bodyMatches(ofSection: s, terms: matcher.termIDs.prefix(Snippeter.anchorTerms)),
                                      windowTokens: snippeter.windowTokens)
        let start = index.scanStart(ofSection: s, atOrBefore: max(0, (anchor ?? 0) - Snippeter.leadTokens))
        return Self.snippet(of: index.textChunks(ofSection: s).map { index.texts.buffer($0) }, decoder: index.textDecoder,
                            anchor: anchor, start: start, matcher: matcher, snippeter)
    }

    /// The snippet of a text stored as zstd frames of `CompressedText.chunkBytes` (`CompressedText`),
    /// decompressing from the frame holding `start.byte` until the window no longer depends on what follows.
    static func snippet(of frames: [UnsafeBufferPointer<UInt8>], decoder: TextDecoder, anchor: Int?, start: IndexData.ScanStart,
                        matcher: HighlightMatcher, _ snippeter: Snippeter) -> (text: String, highlights: [TextRange]) {
        var total = 0
        for f in frames {
            guard let n = decoder.contentSize(f) else { return ("", []) }
            total += n
        }
        guard !frames.isEmpty, total > 0 else { return ("", []) }
        var anchor = anchor, start = start
        var first = min(start.byte / CompressedText.chunkBytes, frames.count - 1)
        if start.byte - first * CompressedText.chunkBytes > CompressedText.chunkBytes {
            // Damaged checkpoints: from the start, without the anchor.
            (anchor, start, first) = (nil, IndexData.ScanStart(token: 0, byte: 0), 0)
        }
        let textStart = first * CompressedText.chunkBytes
        func cut(_ text: [UInt8], whole: Bool) -> (text: String, highlights: [TextRange])? {
            text.withUnsafeBufferPointer {
                snippeter.snippet(Snippeter.Source(text: $0, textStart: textStart, totalBytes: whole ? textStart + $0.count : total,
                                                   scanFrom: start.byte - textStart, firstToken: start.token),
                                  anchor: anchor, matcher: matcher)
            }
        }
        var text: [UInt8] = []
        for k in first..<frames.count {
            let part = decoder.decode(frames[k])
            // A damaged frame: what came before is all there is.
            if part.isEmpty { break }
            // The first frame is used as decoded (shared with the decoder's cache, not copied).
            if text.isEmpty { text = part } else { text.append(contentsOf: part) }
            if let s = cut(text, whole: k == frames.count - 1) { return s }
        }
        return cut(text, whole: true) ?? ("", [])
    }

    /// The index of the section `reference` names (a reference without a section is the intro).
    func sectionIndex(of reference: ContentReference) -> Int? {
        let sid = reference.sectionID ?? ""
        for s in 0..<index.sectionCount
        where index.sectionIDs.string(s) == sid && index.documentIDs.string(index.sectionDocument.int(s)) == reference.documentID {
            return s
        }
        return nil
    }
}
