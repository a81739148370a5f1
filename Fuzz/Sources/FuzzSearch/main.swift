// Fuzz target: query parsing and search over the bundled content's index (as typed in the search
// bar), with snippet highlights and whole-text highlights checked to lie inside their text.
import FuzzDriver
import FuzzSupport
import PamphletKit

let engine = BundledContent.loaded.engine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearch(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let limit = bytes.first.map { Int($0 % 24) } ?? 10
    let query = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let results = engine.search(query, limit: limit)
    if results.hits.count > max(0, limit) { Checks.fail("\(results.hits.count) hits for limit \(limit)") }
    for hit in results.hits {
        Checks.ranges(hit.highlights, in: hit.snippet, "snippet of \(hit.reference)")
        Checks.ranges(engine.highlights(for: query, in: hit.snippet), in: hit.snippet, "highlights")
    }
    if let first = results.hits.first { _ = engine.related(to: first.reference, limit: 3) }
    // Two shorter prefixes, as the search bar runs them while the query is typed.
    let characters = Array(query)
    for n in Set([characters.count / 3, 2 * characters.count / 3]) where n > 0 {
        _ = engine.search(String(characters.prefix(n)), limit: 5)
    }
    return 0
}

runFuzzer(fuzzSearch)
