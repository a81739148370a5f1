import Foundation
@testable import PamphletKit

/// The loader's fixture folders (`Fixtures/valid`, `Fixtures/broken`) and temporary content folders.
enum LoadFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static var valid: String { root.appendingPathComponent("valid").path }
    static var broken: String { root.appendingPathComponent("broken").path }

    /// A fresh folder under the temporary directory holding `files` (relative path -> bytes).
    static func temporaryFolder(_ files: [String: Data]) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("pamphlet-load-\(UUID().uuidString)")
        for (path, data) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }

    static let minimalSite = Data("name: Test Clinic\n".utf8)
}
