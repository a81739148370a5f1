// Fuzz target: the search index snapshot loader (bytes of an index file -> a validated index), and
// queries on whatever it accepts. With the first byte odd, the header's length and checksum are
// recomputed first, so mutations reach the array checks behind them instead of the checksum.
//
// The same bytes are also read as a snapshot's stamp file (`VerifiedStamp.parse`).
//
// `FuzzSnapshot --write-seed DIR` writes the index of the loader's small valid fixture as a seed.
import Foundation
import FuzzDriver
import FuzzSupport
@testable import PamphletKit

let queries = ["ketamine", "tms", "side effects", "\"nasal spray\"", "depresion", "cost -insurance", "tre", "ect"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard size > 0, let data else { return 0 }
    var bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    if data[0] & 1 == 1, bytes.count >= SnapshotFormat.headerSize {
        withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { bytes.replaceSubrange(16..<24, with: $0) }
        let sum = bytes.withUnsafeBytes {
            Checksum.words($0.baseAddress! + SnapshotFormat.headerSize, count: $0.count - SnapshotFormat.headerSize)
        }
        withUnsafeBytes(of: sum.littleEndian) { bytes.replaceSubrange(24..<32, with: $0) }
    }
    // The same bytes as a stamp file (`VerifiedStamp`): anything but a well-formed stamp is no stamp.
    if let stamp = VerifiedStamp.parse(bytes.prefix(256)[...]) {
        precondition(VerifiedStamp.parse(ArraySlice(stamp.text.utf8)) == stamp, "a parsed stamp must print back to itself")
    }
    guard let index = try? IndexData(storage: SnapshotStorage(copying: bytes)) else { return 0 }
    let engine = SearchEngine(index: index)
    for query in queries {
        let results = engine.search(query, limit: 5)
        for hit in results.hits {
            Checks.ranges(hit.highlights, in: hit.snippet, "snippet")
            _ = engine.related(to: hit.reference, limit: 2)
        }
    }
    return 0
}

if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--write-seed" {
    let fixture = BundledContent.root.appendingPathComponent("Tests/PamphletKitTests/Fixtures/valid").path
    let library = ContentLoader.load(directory: fixture).library
    let image = IndexBuilder.build(library: library, synonyms: SynonymTable())
    let folder = URL(fileURLWithPath: CommandLine.arguments[2])
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data([0] + image).write(to: folder.appendingPathComponent("fixture-index"))
    try Data([1] + image).write(to: folder.appendingPathComponent("fixture-index-fixed-checksum"))
    print("wrote \(image.count + 1) bytes twice to \(folder.path)")
} else {
    runFuzzer(fuzzSnapshot)
}
