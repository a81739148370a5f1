import Foundation
import Testing
@testable import PamphletUI

/// Golden screens: a canvas as text rows (a wide character written once, its covered cell adding
/// nothing), then a block of one role letter per cell. `PAMPHLET_UPDATE_GOLDENS=1` rewrites them.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Goldens")

    static let letters: [Role: Character] = [
        .normal: ".", .title: "T", .tagline: "t", .heading: "H", .subheading: "h", .emphasis: "e",
        .strong: "s", .code: "c", .link: "l", .linkFocused: "L", .highlight: "*", .selection: "S",
        .menuItem: "m", .menuSelected: "M", .border: "b", .statusBar: "B", .statusKey: "K", .hint: "i",
        .dim: "d", .warning: "W", .crisis: "C", .searchInput: "I", .quote: "q", .tableHeader: "x",
        .checkboxOn: "X",
    ]

    static func render(_ canvas: Canvas) -> String {
        var out = canvas.textRows.map { $0 + "\n" }.joined()
        out += "--- roles (" + legend(canvas) + ")\n"
        for y in 0..<canvas.height {
            var row = ""
            for x in 0..<canvas.width { row.append(letters[canvas[x, y].role] ?? "?") }
            while row.hasSuffix(".") { row.removeLast() }
            out += row + "\n"
        }
        return out
    }

    private static func legend(_ canvas: Canvas) -> String {
        let used = Set(canvas.cells.map(\.role))
        return Role.allCases.filter { used.contains($0) && $0 != .normal }
            .map { "\(letters[$0]!)=\($0.rawValue)" }.joined(separator: " ")
    }

    static func check(_ canvas: Canvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name + ".txt")
        let actual = render(canvas)
        if ProcessInfo.processInfo.environment["PAMPHLET_UPDATE_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("missing golden \(name).txt; run with PAMPHLET_UPDATE_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            var diff = ""
            for i in 0..<max(e.count, a.count) {
                let l = i < e.count ? String(e[i]) : "<none>"
                let r = i < a.count ? String(a[i]) : "<none>"
                if l != r { diff += "line \(i + 1):\n- \(l)\n+ \(r)\n" }
            }
            Issue.record("golden \(name).txt differs:\n\(diff)", sourceLocation: sourceLocation)
        }
    }
}
