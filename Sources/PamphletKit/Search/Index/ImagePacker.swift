/// Lays arrays out into one snapshot image (see `SnapshotFormat`): header, directory, 8-aligned arrays.
struct ImagePacker {
    private var image: [UInt8]
    private var directory: [(offset: UInt64, length: UInt64)]

    init(estimatedSize: Int = 1 << 20) {
        let dirSize = SnapshotFormat.headerSize + 16 * SnapshotArray.allCases.count
        image = [UInt8](repeating: 0, count: dirSize)
        image.reserveCapacity(estimatedSize)
        directory = Array(repeating: (0, 0), count: SnapshotArray.allCases.count)
    }

    mutating func put<T: FixedWidthInteger>(_ id: SnapshotArray, _ values: [T]) {
        while image.count % 8 != 0 { image.append(0) }
        let start = image.count
        values.withUnsafeBytes { raw in
            if T.bitWidth == 8 || UInt32(littleEndian: 1) == 1 {
                image.append(contentsOf: raw)
            } else {
                for v in values { withUnsafeBytes(of: v.littleEndian) { image.append(contentsOf: $0) } }
            }
        }
        directory[id.rawValue] = (UInt64(start), UInt64(image.count - start))
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

    /// Writes the header and directory, and returns the finished image.
    mutating func finish(fingerprint: UInt64, sections: Int, documents: Int, terms: Int, postings: Int) -> [UInt8] {
        while image.count % 8 != 0 { image.append(0) }
        func w32(_ o: Int, _ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { for (i, b) in $0.enumerated() { image[o + i] = b } } }
        func w64(_ o: Int, _ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { for (i, b) in $0.enumerated() { image[o + i] = b } } }
        for (i, b) in SnapshotFormat.magic.enumerated() { image[i] = b }
        w32(8, SnapshotFormat.version)
        w32(12, UInt32(SnapshotArray.allCases.count))
        w64(16, UInt64(image.count))
        w64(32, fingerprint)
        w32(40, UInt32(sections)); w32(44, UInt32(documents)); w32(48, UInt32(terms)); w32(52, UInt32(postings))
        for (i, e) in directory.enumerated() {
            w64(SnapshotFormat.headerSize + 16 * i, e.offset)
            w64(SnapshotFormat.headerSize + 16 * i + 8, e.length)
        }
        let sum = image.withUnsafeBytes { Checksum.words($0.baseAddress! + SnapshotFormat.headerSize, count: $0.count - SnapshotFormat.headerSize) }
        w64(24, sum)
        return image
    }
}
