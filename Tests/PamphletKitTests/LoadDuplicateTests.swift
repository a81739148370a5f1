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

    /// A file skipped as a duplicate reports only the clash: its links are the kept file's
    /// (a copied page with one broken link read as four problems, review G 6).
    @Test func aSkippedDuplicateIsNotCheckedFurther() throws {
        let page = Data("---\nid: faq\nkind: faq\ntitle: FAQ\nrelated: [nowhere]\n---\n\n## Question?\n\nSee [x](pamphlet:missing).\n".utf8)
        let path = try LoadFixtures.temporaryFolder([
            "site.yaml": LoadFixtures.minimalSite, "content/faq.md": page, "content/copy.md": page,
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = ContentLoader.load(directory: path)
        let copy = result.diagnostics.filter { $0.path.hasSuffix("/content/copy.md") }
        #expect(copy.count == 1 && copy.first?.message.hasSuffix("this file is skipped") == true, "\(copy)")
        // The kept file still reports its own broken links, once each.
        let kept = result.diagnostics.filter { $0.path.hasSuffix("/content/faq.md") && $0.message.hasPrefix("broken") }
        #expect(kept.count == 2, "\(result.diagnostics)")
    }
}
