import Foundation
import PamphletKit
@testable import PamphletUI
import Testing

/// Review H 3: the browser's search stops at 50 hits; the status bar says how many match in all
/// ("50 of 60 results"), not "50 results".
@Suite struct SearchTotalStatusTests {
    /// 60 documents, each with one section mentioning "zebra": 60 sections match.
    static let many: LoadedContent = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-total-\(UUID().uuidString)")
        let articles = dir.appendingPathComponent("content/articles")
        try! FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try! "name: Totals\n".write(to: dir.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        for i in 0..<60 {
            let text = "---\nid: doc\(i)\nkind: article\ntitle: Document \(i)\n---\n\nIntro \(i).\n\n## Stripes\n\nA zebra in part \(i)\(i == 7 ? " with an okapi" : "").\n"
            try! text.write(to: articles.appendingPathComponent("doc\(i).md"), atomically: true, encoding: .utf8)
        }
        let result = ContentLoader.load(directory: dir.path)
        return LoadedContent(library: result.library, engine: SearchEngine(library: result.library))
    }()

    func statusRow(_ app: AppState) -> String {
        app.view(width: app.width, height: app.height).textRows[app.height - 2]
    }

    @Test(arguments: [40, 80])
    func theStatusBarSaysHowManyMatchInAll(width: Int) throws {
        #expect(Self.many.library.documents.count == 60)
        var app = Fixtures.app(width: width, height: 12, content: Self.many)
        app.press(.char("/"))
        app.type("zebra")
        #expect(app.search?.results.hits.count == AppState.searchLimit)
        let total = Self.many.engine.rankedSearch("zebra", limit: 1000).hits.count
        #expect(total > 50)
        #expect(statusRow(app).contains("50 of \(total) results"), "\(statusRow(app))")
        // Fewer than the limit: the plain count.
        app.press(.ctrl("u"))
        app.type("okapi")
        #expect(statusRow(app).hasSuffix(" 1 result"), "\(statusRow(app))")
    }
}
