import Foundation
import Testing
@testable import PamphletKit

/// Two files with one id: the file named after the id is kept, whatever sorts first.
@Suite struct LoadDuplicateTests {
    @Test(arguments: ["Copy of faq.md", "zz-old-faq.md"])
    func theFileNamedAfterTheIDWins(_ copyName: String) throws {
        func page(_ file: String, title: String) -> (String, Data) {
            ("content/\(file)", Data("---\nid: faq\nkind: faq\ntitle: \(title)\n---\n\n## Question?\n\nAnswer.\n".utf8))
        }
        let path = try LoadFixtures.temporaryFolder(Dictionary(uniqueKeysWithValues: [
            ("site.yaml", LoadFixtures.minimalSite), page(copyName, title: "Old draft"), page("faq.md", title: "Current"),
        ]))
        let dir = URL(fileURLWithPath: path)
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = ContentLoader.load(directory: dir.path)
        #expect(result.library.document("faq")?.title == "Current")
        let skipped = result.diagnostics.filter { $0.message.hasSuffix("this file is skipped") }
        #expect(skipped.map(\.path) == [dir.path + "/content/" + copyName], "\(result.diagnostics)")
    }
}
