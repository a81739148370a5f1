// Fuzz target: one content file (YAML front matter + CommonMark/GFM body) through the loader's
// document parser, then laid out and drawn by the app core at 80x24 and 30x8.
import FuzzDriver
import FuzzSupport
import PamphletKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (document, diagnostics) = ContentLoader.parseDocument(text: text, path: "content/fuzz.md")
    for d in diagnostics where d.path != "content/fuzz.md" || d.line < 1 {
        Checks.fail("diagnostic without the file or a line: \(d)")
    }
    if let document {
        _ = PlainTextRenderer.render(document: document, width: 40)
        Checks.render(document, sizes: [(80, 24), (30, 8)])
    }
    return 0
}

runFuzzer(fuzzDocument)
