/// The snapshot file layout (all integers little-endian; the engine refuses big-endian hosts).
///
/// ```
/// offset  size  field
///      0     8  magic "PAMPHIDX"
///      8     4  format version (SnapshotFormat.version)
///     12     4  number of arrays in the directory (SnapshotArray.allCases.count)
///     16     8  file length in bytes
///     24     8  checksum of bytes [64, file length) (Checksum.words)
///     32     8  content fingerprint (SnapshotFingerprint) the index was built from, 0 if unknown
///     40     4  sections, 44: documents, 48: terms, 52: postings (UInt32 each)
///     56     8  reserved (0)
///     64  16*n  directory: per array, byte offset (UInt64) and byte length (UInt64)
///      …        the arrays, each starting at a multiple of 8 bytes
/// ```
/// Every array is a flat run of fixed-width integers or bytes, used in place from the mapped file:
/// nothing is parsed or copied at startup except a bounds check of every offset table. Section
/// texts are zstd frames, decompressed only for the hits' snippets (`CompressedText`).
enum SnapshotFormat {
    static let magic: [UInt8] = Array("PAMPHIDX".utf8)
    /// Bump on any layout or analysis change (tokenizer, stemming, scoring inputs): old files rebuild.
    static let version: UInt32 = 10
    static let headerSize = 64
}

/// The arrays of a snapshot, in directory order. Appending a case is a format change (bump the version).
enum SnapshotArray: Int, CaseIterable {
    // Term dictionary, sorted by bytes (so a prefix is a range).
    case termOffsets        // UInt32 × (terms + 1), into termBytes
    case termBytes          // UTF-8 of folded terms
    case termFlags          // UInt8 × terms (bit 0: stop word)
    case termSharedPrefix   // UInt8 × terms: leading bytes term i shares with term i - 1 (0 for the first)
    // Postings, grouped by term, sections ascending within a term.
    case postingStart       // UInt32 × (terms + 1), into postSections/postImpacts
    case postSections       // UInt16 × postings when there are at most 65,535 sections, else UInt32
    case postImpacts        // UInt8 × postings: BM25F saturation tf/(k1+tf) scaled to 0...255
    case skipStart          // UInt32 × (terms + 1), into skips
    case skips              // UInt32: for every 16th posting of a term, its byte offset in positions
    case positions          // per posting: its positions as varints of delta << 1 | (1 on the posting's last)
    // Stem groups: key = language index byte + stem bytes, sorted; each lists the terms with that stem.
    case stemKeyOffsets     // UInt32 × (stems + 1)
    case stemKeyBytes
    case stemTermStart      // UInt32 × (stems + 1), into stemTerms
    case stemTerms          // UInt32 term ids
    // Sections.
    case sectionDocument    // UInt32 × sections: document index
    case sectionIDOffsets   // UInt32 × (sections + 1); empty id = the document's intro
    case sectionIDBytes
    case headingOffsets     // UInt32 × (sections + 1)
    case headingBytes
    case textChunkStart     // UInt32 × (sections + 1): a section's first frame in textOffsets
    case textOffsets        // UInt32 × (frames + 1) into textBytes
    case textBytes          // the sections' plain body text (snippets) as zstd frames of up to 8 KB of text
    case textDictionary     // the raw-content zstd dictionary every text frame is compressed with
    case checkpointStart    // UInt32 × (sections + 1), into checkpoints
    case checkpoints        // per section: varint body start position, varint byte deltas of every 32nd body token
    case pairFilterStart    // UInt32 × (sections + 1), into pairFilters
    case pairFilters        // per section: a Bloom filter of its adjacent pairs with a stop word (PairFilters)
    // Documents.
    case documentIDOffsets  // UInt32 × (documents + 1)
    case documentIDBytes
    case titleOffsets       // UInt32 × (documents + 1)
    case titleBytes
    case documentKinds      // UInt8 × documents: index into DocumentKind.allCases
    case titleTermStart     // UInt32 × (documents + 1), into titleTerms
    case titleTerms         // UInt32 term ids: each document's title words, ascending, once each
    // Small tables as text (parsed once when opened).
    case languages          // language codes, one per line, in language-index order
    case synonyms           // synonym groups: one per line, entries separated by ",", terms by " "
}
