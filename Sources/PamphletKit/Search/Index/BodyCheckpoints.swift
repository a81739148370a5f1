/// Where a section's body starts among its positions, and the byte offset of every 32nd body
/// token, so a snippet starts tokenizing a few tokens before the window the index positions chose
/// instead of at the start of the text.
///
/// Stored per section as varints: the body's first position, then the byte offset of body tokens
/// 32, 64, … each as the difference from the one before (token 0 is at byte 0 as far as a scan is
/// concerned: tokenizing from there finds it first). About 2 bytes per 32 tokens.
enum BodyCheckpoints {
    static let stride = 32

    /// Collects one section's checkpoints while its body is tokenized (`IndexBuilder`).
    struct Writer {
        private(set) var starts: [UInt32] = [0]
        private(set) var bytes: [UInt8] = []
        private var lastByte = 0

        /// Opens the next section's entry: its body begins at `bodyPosition`.
        mutating func beginSection(bodyPosition: Int) {
            Varint.append(UInt32(clamping: bodyPosition), to: &bytes)
            lastByte = 0
        }

        /// Body token `token` starts at byte `byteStart` of the body text.
        @inline(__always)
        mutating func see(token: Int, byteStart: Int) {
            guard token > 0, token % BodyCheckpoints.stride == 0 else { return }
            Varint.append(UInt32(clamping: byteStart - lastByte), to: &bytes)
            lastByte = byteStart
        }

        mutating func endSection() { starts.append(UInt32(clamping: bytes.count)) }
    }
}

extension IndexData {
    /// A place a scan of section `s`'s body can start: body token `token` begins at byte `byte`.
    struct ScanStart: Equatable { var token: Int; var byte: Int }

    /// The body's first position in section `s` (positions below it are title, heading or tags), or
    /// nil when the table is damaged.
    func bodyPosition(ofSection s: Int) -> Int? {
        var offset = checkpointStart.int(s)
        return Varint.read(checkpoints, &offset).map(Int.init)
    }

    /// The last checkpoint at or before body token `token` of section `s` (token 0 at byte 0 when
    /// there is none, or the table is damaged).
    func scanStart(ofSection s: Int, atOrBefore token: Int) -> ScanStart {
        var offset = checkpointStart.int(s)
        let end = checkpointStart.int(s + 1)
        guard Varint.read(checkpoints, &offset) != nil else { return ScanStart(token: 0, byte: 0) }
        var at = ScanStart(token: 0, byte: 0)
        while offset < end && at.token + BodyCheckpoints.stride <= token {
            guard let delta = Varint.read(checkpoints, &offset) else { break }
            at.token += BodyCheckpoints.stride
            at.byte += Int(delta)
        }
        return at
    }

    /// The body tokens of section `s` where the given terms occur, in token order, each with the
    /// index of its term in `terms` (so "distinct words" can be counted): each term's first
    /// occurrences, up to `limit` in all shared between the terms (a one-letter prefix brings 64
    /// completions, common words with hundreds of places each in a long section; the best window is
    /// looked for among the first ones, which keeps a snippet's cost flat).
    func bodyMatches(ofSection s: Int, terms: ArraySlice<Int32>, limit: Int = 512) -> [Snippeter.Match] {
        guard s >= 0, s < sectionCount, let body = bodyPosition(ofSection: s) else { return [] }
        var out: [Snippeter.Match] = []
        let perTerm = max(8, limit / max(1, terms.count))
        let section = UInt32(s)
        // Matches of one term come in token order: only two or more need the sort.
        var termsFound = 0
        for (k, t32) in terms.enumerated() where out.count < limit {
            let t = Int(t32)
            guard t >= 0 && t < termCount else { continue }
            let postings = postingStart.int(t)..<postingStart.int(t + 1)
            // Most of a prefix's completions are not in this section: two reads rule many out.
            guard !postings.isEmpty, postSections[postings.lowerBound] <= section,
                  postSections[postings.upperBound - 1] >= section else { continue }
            let j = postSections.lowerBound(of: section, in: postings)
            guard j < postings.upperBound, postSections[j] == section,
                  var reader = positionReader(term: t, posting: j) else { continue }
            termsFound += 1
            if out.isEmpty { out.reserveCapacity(min(limit, 64)) }
            var kept = 0
            while out.count < limit && kept < perTerm, let next = reader.next() {
                let p = Int(next)
                if p >= body {
                    out.append(Snippeter.Match(token: Int32(clamping: p - body), key: Int32(k)))
                    kept += 1
                }
            }
        }
        if termsFound > 1 { out.sort { $0.token < $1.token } }
        return out
    }
}
