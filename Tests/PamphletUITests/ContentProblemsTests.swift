import Foundation
import PamphletKit
@testable import PamphletUI
import Testing
import TestSupport

/// Content that loaded with problems says so on the browser's home screen (staff run `pamphlet
/// check` for the details); the kiosk, which patients use, never does.
@Suite struct ContentProblemsTests {
    /// The bundled content plus a second document with the FAQ's id: the loader reports it.
    static func brokenContent() throws -> LoadedContent {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("pamphlet-ui-problems-\(UUID().uuidString)")
        try fm.copyItem(at: URL(fileURLWithPath: RepoPaths.assets.path), to: dir)
        defer { try? fm.removeItem(at: dir) }
        try """
        ---
        id: ketamine-faq
        kind: article
        title: A page that took the FAQ's id
        ---

        Text.
        """.write(to: dir.appendingPathComponent("content/articles/duplicate.md"), atomically: true, encoding: .utf8)
        let result = ContentLoader.load(directory: dir.path)
        return LoadedContent(library: result.library, engine: SearchEngine(library: result.library),
                             diagnostics: result.diagnostics)
    }

    @Test func homeSaysHowManyProblems() throws {
        let content = try Self.brokenContent()
        #expect(!content.diagnostics.isEmpty)
        let n = content.diagnostics.count
        var app = AppState(content: content, options: Fixtures.options())
        _ = app.update(.resize(width: 80, height: 24))
        let expected = n == 1 ? "1 problem in the content" : "\(n) problems in the content"
        #expect(app.screenText.contains(expected))
        #expect(app.screenText.contains("pamphlet check"))
        // Narrow screens wrap it rather than lose it.
        _ = app.update(.resize(width: 30, height: 12))
        #expect(app.screenText.replacingOccurrences(of: "\n", with: " ").contains("pamphlet"))
    }

    @Test func cleanContentSaysNothing() {
        let app = Fixtures.app()
        #expect(!app.screenText.contains("problem"))
    }

    @Test func theKioskNeverShowsThem() throws {
        let content = try Self.brokenContent()
        var k = KioskState<AppState>(content: content, options: KioskOptions())
        _ = k.update(.resize(width: 80, height: 24))
        k.press(.char(" "))
        #expect(k.browser?.route == .home)
        #expect(!k.screenText.contains("problem"))
        #expect(!k.screenText.contains("pamphlet check"))
    }
}
