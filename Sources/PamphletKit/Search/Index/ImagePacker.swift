/// Lays arrays out into one snapshot image (see `SnapshotFormat`): header, directory, 8-aligned arrays.
///
/// Arrays are only noted as they are put (an array is a reference to its storage, not a copy) and
/// copied once, into the engine's storage allocated at its exact size by `finish`: growing the image as arrays
/// came had reserved an estimate (15 MB for the 9 MB benchmark image), the largest allocation of a
/// build.
struct ImagePacker {
    private struct Piece {
        let id: SnapshotArray
        let length: Int
        let write: (UnsafeMutableRawPointer) -> Void
    }
    private var pieces: [Piece] = []

    mutating func put<T: FixedWidthInteger>(_ id: SnapshotArray, _ values: [T]) {
        // Little-endian in the file; a big-endian host (which IndexData refuses) swaps here.
        let stored = UInt32(littleEndian: 1) == 1 ? values : values.map(\.littleEndian)
        pieces.append(Piece(id: id, length: stored.count * MemoryLayout<T>.size) { destination in
            stored.withUnsafeBytes { if let source = $0.baseAddress { destination.copyMemory(from: source, byteCount: $0.count) } }
        })
    }

    mutating func put(_ id: SnapshotArray, text: String) { put(id, Array(text.utf8)) }

    /// Appends a string table: offsets array and bytes array.
    mutating func put(_ offsetsID: SnapshotArray, _ bytesID: SnapshotArray, strings: [String]) {
        var offsets: [UInt32] = [0]
        var bytes: [UInt8] = []
        for s in strings {
            PlainTextWriter.appendUTF8(s, to: &bytes)
            offsets.append(UInt32(bytes.count))
        }
        put(offsetsID, offsets)
        put(bytesID, bytes)
    }

    /// Writes the header, the directory and every array into the storage the engine will read
    /// (no copy of the image), with the checksum known.
    func finish(fingerprint: UInt64, sections: Int, documents: Int, terms: Int, postings: Int) -> SnapshotStorage {
        func aligned(_ n: Int) -> Int { (n + 7) & ~7 }
        var directory = [(offset: Int, length: Int)](repeating: (0, 0), count: SnapshotArray.allCases.count)
        let headerEnd = aligned(SnapshotFormat.headerSize + 16 * SnapshotArray.allCases.count)
        var size = headerEnd
        for piece in pieces {
            directory[piece.id.rawValue] = (size, piece.length)
            size = aligned(size + piece.length)
        }
        return SnapshotStorage(count: size) { raw in
            let base = raw.baseAddress!
            // Fresh memory is not zeroed: the header, and the padding after each array, are.
            base.initializeMemory(as: UInt8.self, repeating: 0, count: headerEnd)
            for piece in pieces {
                let start = directory[piece.id.rawValue].offset
                piece.write(base + start)
                let end = start + piece.length
                base.advanced(by: end).initializeMemory(as: UInt8.self, repeating: 0, count: aligned(end) - end)
            }
            func w32(_ o: Int, _ v: UInt32) { raw.storeBytes(of: v.littleEndian, toByteOffset: o, as: UInt32.self) }
            func w64(_ o: Int, _ v: UInt64) { raw.storeBytes(of: v.littleEndian, toByteOffset: o, as: UInt64.self) }
            for (i, b) in SnapshotFormat.magic.enumerated() { raw[i] = b }
            w32(8, SnapshotFormat.version)
            w32(12, UInt32(SnapshotArray.allCases.count))
            w64(16, UInt64(size))
            w64(32, fingerprint)
            w32(40, UInt32(sections)); w32(44, UInt32(documents)); w32(48, UInt32(terms)); w32(52, UInt32(postings))
            for (i, e) in directory.enumerated() {
                w64(SnapshotFormat.headerSize + 16 * i, UInt64(e.offset))
                w64(SnapshotFormat.headerSize + 16 * i + 8, UInt64(e.length))
            }
            let sum = Checksum.words(base + SnapshotFormat.headerSize, count: size - SnapshotFormat.headerSize)
            w64(24, sum)
            return sum
        }
    }
}
