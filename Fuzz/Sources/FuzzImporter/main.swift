// Fuzz target: the plain-text importer on arbitrary bytes. Whatever it writes must load back
// through the content loader without errors (the importer's files are content files).
import Foundation
import FuzzDriver
import FuzzSupport
import PamphletKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImporter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let result = PlainTextImporter.importData(bytes, sourceName: "fuzz.txt")
    guard !result.diagnostics.contains(where: { $0.severity == .error }) else { return 0 }
    for imported in result.documents {
        let (document, diagnostics) = ContentLoader.parseDocument(text: imported.markdown, path: imported.relativePath)
        if document == nil || diagnostics.contains(where: { $0.severity == .error }) {
            Checks.fail("importer output does not load: \(diagnostics)\n---\n\(imported.markdown)")
        }
    }
    return 0
}

runFuzzer(fuzzImporter)
