import Foundation
import Testing
@testable import PamphletKit
import TestSupport

/// Shared helpers for the importer tests: fixtures, real documents from Debian packages, and the
/// round trip through the real loader.
enum ImportTestSupport {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/import")

    static let seed = RepoPaths.seeds.appendingPathComponent("000_5aeca17a0480db8f.txt")
    static var seedExists: Bool { FileManager.default.fileExists(atPath: seed.path) }

    static func fixture(_ name: String, options: ImportOptions = ImportOptions()) throws -> ImportResult {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
        return PlainTextImporter.importData(data, sourceName: name, options: options)
    }

    /// A file's bytes, gunzipped with the system's `gzip` when it ends in `.gz` (as Debian ships docs).
    static func readMaybeGzipped(_ path: String) throws -> Data {
        guard path.hasSuffix(".gz") else { return try Data(contentsOf: URL(fileURLWithPath: path)) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "gzip -dc \(path) failed")
        return data
    }

    /// Every imported file parses with the loader without errors, and to the same sections.
    static func expectRoundTrip(_ result: ImportResult, sourceLocation: SourceLocation = #_sourceLocation) {
        for imported in result.documents {
            let (parsed, diagnostics) = ContentLoader.parseDocument(text: imported.markdown, path: imported.relativePath)
            let errors = diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(imported.relativePath): \(errors)", sourceLocation: sourceLocation)
            guard let parsed else {
                Issue.record("\(imported.relativePath) did not parse", sourceLocation: sourceLocation)
                continue
            }
            #expect(parsed.id == imported.document.id, sourceLocation: sourceLocation)
            #expect(parsed.kind == imported.document.kind, sourceLocation: sourceLocation)
            #expect(parsed.title == imported.document.title, sourceLocation: sourceLocation)
            #expect(parsed.sections.map(\.heading) == imported.document.sections.map(\.heading), sourceLocation: sourceLocation)
            #expect(parsed.sections.map(\.id) == imported.document.sections.map(\.id), sourceLocation: sourceLocation)
            #expect(parsed.checklist?.items.map(\.text) == imported.document.checklist?.items.map(\.text), sourceLocation: sourceLocation)
            // The text reads back as written: escaping lost nothing and added nothing.
            #expect(parsed.intro.plainText == imported.document.intro.plainText, "\(imported.relativePath) intro", sourceLocation: sourceLocation)
            for (a, b) in zip(parsed.sections, imported.document.sections) {
                #expect(a.blocks.plainText == b.blocks.plainText, "\(imported.relativePath)#\(b.id)", sourceLocation: sourceLocation)
            }
        }
    }

    /// Writes the result into a fresh content folder (with a site.yaml) and loads it like `pamphlet check`.
    static func loadAsFolder(_ result: ImportResult) throws -> LoadResult {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for imported in result.documents {
            let file = dir.appendingPathComponent(imported.relativePath)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try imported.markdown.write(to: file, atomically: true, encoding: .utf8)
        }
        try "name: \"Test Clinic\"\n".write(to: dir.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        return ContentLoader.load(directory: dir.path)
    }

    /// All the paragraph texts of a document (intro, sections, list items), for spacing checks.
    static func paragraphs(_ document: Document) -> [String] {
        func collect(_ blocks: [Block]) -> [String] {
            blocks.flatMap { block -> [String] in
                switch block {
                case .paragraph(let inlines): [inlines.plainText]
                case .list(_, _, let items): items.flatMap(collect)
                case .quote(let inner): collect(inner)
                default: []
                }
            }
        }
        return collect(document.intro) + document.sections.flatMap { collect($0.blocks) }
    }
}
