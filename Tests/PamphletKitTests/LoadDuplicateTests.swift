import Foundation
import Testing
@testable import PamphletKit

/// Two files with one id: the file named after the id is kept, whatever sorts first.
@Suite struct LoadDuplicateTests {
    @Test(arguments: ["Copy of faq.md", "zz-old-faq.md"])
    func theFileNamedAfterTheIDWins(_ copyName: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-dup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "name: Clinic\n".write(to: dir.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        func page(_ file: String, title: String) throws {
            try "---\nid: faq\nkind: faq\ntitle: \(title)\n---\n\n## Question?\n\nAnswer.\n"
                .write(to: dir.appendingPathComponent("content/\(file)"), atomically: true, encoding: .utf8)
        }
        try page(copyName, title: "Old draft")
        try page("faq.md", title: "Current")
        let result = ContentLoader.load(directory: dir.path)
        #expect(result.library.document("faq")?.title == "Current")
        let skipped = result.diagnostics.filter { $0.message.hasSuffix("this file is skipped") }
        #expect(skipped.map(\.path) == [dir.path + "/content/" + copyName], "\(result.diagnostics)")
    }
}
