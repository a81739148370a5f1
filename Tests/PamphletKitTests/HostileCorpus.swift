// The hostile-content corpus: files a clinic's staff could paste or copy into the content folder.
// Small cases are written here; the big ones (a 20 MB line, 10,000-deep nesting, 10,000 sections,
// a 1 MB front matter) are generated into a temporary folder at run time and never committed.
// Shared by PamphletKitTests (loader, index, `pamphlet check`) and PamphletUITests (the app core's
// screen), which links this file as SoakHostileCorpus.swift.
import Foundation
import TestSupport

/// One hostile content folder and what may be expected of it.
struct HostileCase: Sendable, CustomStringConvertible {
    enum Outcome: Sendable { case accepted, reported, either }

    /// Also the file name (`content/<name>.md`) and the document id.
    let name: String
    /// Seconds each step (load, index and query, render, `pamphlet check`) may take, generous for a
    /// loaded 2-core CI machine running a debug build.
    let seconds: Double
    /// Peak resident memory `pamphlet check` may use on it, in MB.
    let checkMemoryMB: Int
    /// What `pamphlet check` should say: nothing wrong, a diagnostic naming the file, or either.
    let outcome: Outcome
    /// A query to run on the index built from it.
    let query: String
    /// Writes the hostile files into `content/` (site.yaml is written for every case).
    let write: @Sendable (_ content: URL) throws -> Void

    var description: String { name }

    init(name: String, seconds: Double, checkMemoryMB: Int, outcome: Outcome, query: String,
         write: @escaping @Sendable (_ content: URL) throws -> Void) {
        self.name = name
        self.seconds = seconds * TimeScale.factor   // slower under the sanitizers
        self.checkMemoryMB = checkMemoryMB
        self.outcome = outcome
        self.query = query
        self.write = write
    }
}

enum HostileCorpus {
    /// A valid front matter (id = `name`) for documents whose body is the hostile part.
    static func header(_ name: String, title: String? = nil, extra: String = "") -> String {
        "---\nid: \(name)\nkind: article\ntitle: \"\(title ?? "Hostile \(name)")\"\nsummary: A hostile file.\n\(extra)---\n\n"
    }

    static func file(_ content: URL, _ name: String, _ bytes: Data) throws {
        try bytes.write(to: content.appendingPathComponent("\(name).md"))
    }

    static func file(_ content: URL, _ name: String, _ text: String) throws {
        try file(content, name, Data(text.utf8))
    }

    /// The ordinary document every folder also holds, so the library is never only the hostile file.
    static let ordinary = header("ordinary", title: "Ketamine basics")
        + "Ketamine is an anaesthetic also used for depression.\n\n## How it works\n\nIt acts on glutamate.\n"

    static let cases: [HostileCase] = [
        HostileCase(name: "invalid-utf8", seconds: 10, checkMemoryMB: 400, outcome: .reported, query: "bytes") { c in
            var data = Data(header("invalid-utf8").utf8)
            data += Data("Broken bytes: ".utf8) + Data([0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80])
            data += Data(" and more text.\n\n## Section\n\nText \u{2014} after \u{2014} the bytes.\n".utf8) + Data([0xC0, 0xAF, 0x0A])
            try file(c, "invalid-utf8", data)
        },
        HostileCase(name: "nul-bytes", seconds: 10, checkMemoryMB: 400, outcome: .either, query: "nul") { c in
            try file(c, "nul-bytes", header("nul-bytes", title: "Nul\\0title")
                + "Text with \u{0} a NUL \u{0}\u{0} or three.\n\n## Sec\u{0}tion\n\n- item \u{0}\n")
        },
        HostileCase(name: "bom", seconds: 10, checkMemoryMB: 400, outcome: .accepted, query: "marked") { c in
            try file(c, "bom", "\u{FEFF}" + header("bom", title: "Byte order marked") + "Body after a BOM.\n\n## One\n\nText.\n")
        },
        HostileCase(name: "crlf", seconds: 10, checkMemoryMB: 400, outcome: .accepted, query: "windows") { c in
            let text = header("crlf", title: "Windows line ends", extra: "tags:\n  - a\n  - b\n")
                + "Intro from Windows.\n\n## First\n\n- one\n- two\n\n## Second\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
            try file(c, "crlf", text.replacingOccurrences(of: "\n", with: "\r\n"))
        },
        HostileCase(name: "lone-cr", seconds: 10, checkMemoryMB: 400, outcome: .either, query: "classic") { c in
            let text = header("lone-cr", title: "Classic Mac line ends") + "Intro.\n\n## First\n\nText.\n"
            try file(c, "lone-cr", text.replacingOccurrences(of: "\n", with: "\r"))
        },
        HostileCase(name: "line-20mb", seconds: 60, checkMemoryMB: 1500, outcome: .either, query: "zebra") { c in
            // 20 MB without a line break: words, with one 100 kB unbroken token in the middle.
            let words = ["ketamine ", "infusion ", "zebra ", "depression ", "a ", "treatment ", "clinic ", "relief "]
            var line = ""
            line.reserveCapacity(20_100_000)
            var i = 0
            while line.utf8.count < 10_000_000 { line += words[i % words.count]; i += 1 }
            line += String(repeating: "x", count: 100_000) + " "
            while line.utf8.count < 20_000_000 { line += words[i % words.count]; i += 1 }
            try file(c, "line-20mb", header("line-20mb") + line)
        },
        HostileCase(name: "nested-lists", seconds: 20, checkMemoryMB: 800, outcome: .either, query: "deep") { c in
            try file(c, "nested-lists", header("nested-lists") + String(repeating: "- ", count: 10_000) + "deep\n")
        },
        HostileCase(name: "nested-quotes", seconds: 20, checkMemoryMB: 800, outcome: .either, query: "deep") { c in
            try file(c, "nested-quotes", header("nested-quotes") + String(repeating: "> ", count: 10_000) + "deep\n")
        },
        HostileCase(name: "nested-mixed", seconds: 20, checkMemoryMB: 800, outcome: .either, query: "deep") { c in
            try file(c, "nested-mixed", header("nested-mixed") + String(repeating: "> 1. ", count: 5_000) + "deep *em **strong**\n")
        },
        HostileCase(name: "sections-10000", seconds: 60, checkMemoryMB: 800, outcome: .accepted, query: "section 9999") { c in
            // Half the headings repeat (ids deduplicate to same-2 … same-5000), half are unique.
            var text = header("sections-10000")
            for i in 0..<10_000 {
                text += i % 2 == 0 ? "## Same\n\nRepeated heading \(i).\n\n" : "## Section \(i)\n\nText of section \(i).\n\n"
            }
            try file(c, "sections-10000", text)
        },
        HostileCase(name: "right-to-left", seconds: 10, checkMemoryMB: 400, outcome: .accepted, query: "كيتامين") { c in
            let arabic = "الكيتامين دواء مخدر يستخدم أيضا لعلاج الاكتئاب. كيتامين"
            let hebrew = "קטמין הוא חומר הרדמה"
            try file(c, "right-to-left", header("right-to-left", title: "علاج \(hebrew)")
                + "\(arabic)\n\n## \(arabic)\n\n\(hebrew) \u{202E}reversed\u{202C} \u{2067}isolate\u{2069} \u{200F}mark.\n\n- \(arabic)\n- \(hebrew)\n")
        },
        HostileCase(name: "combining-marks", seconds: 10, checkMemoryMB: 400, outcome: .accepted, query: "zalgo") { c in
            let marks = (0..<10_000).map { _ in "\u{0301}" }.joined()
            let zalgo = (0..<500).map { i in "z" + String(repeating: "\u{0336}\u{0489}\u{0358}", count: i % 20) }.joined()
            try file(c, "combining-marks", header("combining-marks", title: "e\(String(repeating: "\u{0301}", count: 200))")
                + "One letter with ten thousand accents: e\(marks) end.\n\n## zalgo \(zalgo)\n\n\(zalgo) zalgo\n")
        },
        HostileCase(name: "emoji-zwj", seconds: 10, checkMemoryMB: 400, outcome: .accepted, query: "family") { c in
            let family = "👨‍👩‍👧‍👦", nurse = "🧑🏽‍⚕️", flag = "🏳️‍🌈", keycap = "1️⃣", flagUK = "🇬🇧"
            let run = (0..<2_000).map { [family, nurse, flag, keycap, flagUK][$0 % 5] }.joined()
            try file(c, "emoji-zwj", header("emoji-zwj", title: "\(family) family \(nurse)")
                + "family \(run)\n\n## \(nurse)\(flag)\n\n| \(family) | \(keycap) |\n|---|---|\n| \(run.prefix(50)) | x |\n")
        },
        HostileCase(name: "front-matter-1mb", seconds: 20, checkMemoryMB: 800, outcome: .either, query: "tag") { c in
            // 1 MB of YAML: a 500 kB summary and 25,000 tags.
            var yaml = "---\nid: front-matter-1mb\nkind: article\ntitle: Big front matter\nsummary: \""
            yaml += String(repeating: "summary words ", count: 36_000) + "\"\ntags:\n"
            for i in 0..<25_000 { yaml += "  - tag-\(i)\n" }
            yaml += "---\n\nBody.\n"
            try file(c, "front-matter-1mb", yaml)
        },
        HostileCase(name: "symlink-loops", seconds: 10, checkMemoryMB: 400, outcome: .either, query: "ketamine") { c in
            let fm = FileManager.default
            try fm.createSymbolicLink(atPath: c.appendingPathComponent("loop").path, withDestinationPath: ".")
            try fm.createDirectory(at: c.appendingPathComponent("sub"), withIntermediateDirectories: true)
            try fm.createSymbolicLink(atPath: c.appendingPathComponent("sub/up").path, withDestinationPath: "../..")
            try fm.createSymbolicLink(atPath: c.appendingPathComponent("self.md").path, withDestinationPath: "self.md")
            try fm.createSymbolicLink(atPath: c.appendingPathComponent("a.md").path, withDestinationPath: "b.md")
            try fm.createSymbolicLink(atPath: c.appendingPathComponent("b.md").path, withDestinationPath: "a.md")
            try file(c, "symlink-loops", header("symlink-loops") + "A folder full of loops.\n")
        },
        HostileCase(name: "symlink-twins", seconds: 20, checkMemoryMB: 400, outcome: .either, query: "ketamine") { c in
            // Two links to this folder and three to the one above: each level of a walk that does
            // not remember the folders it has seen doubles (review H 1: `search` hung).
            let fm = FileManager.default
            for (name, target) in [("same1", "."), ("same2", "."), ("up1", ".."), ("up2", ".."), ("up3", "..")] {
                try fm.createSymbolicLink(atPath: c.appendingPathComponent(name).path, withDestinationPath: target)
            }
            try file(c, "symlink-twins", header("symlink-twins") + "Reached by many paths.\n")
        },
        HostileCase(name: "symlink-fan-out", seconds: 20, checkMemoryMB: 800, outcome: .either, query: "ketamine") { c in
            // No loop, but two links to the next level at each of 10 levels: 1,024 paths to one file
            // (and 2,046 finds of it in all, as every level is also reachable directly).
            let fm = FileManager.default
            for level in 0..<10 {
                let dir = c.appendingPathComponent("level\(level)")
                try fm.createDirectory(at: dir, withIntermediateDirectories: true)
                try fm.createSymbolicLink(atPath: dir.appendingPathComponent("left").path, withDestinationPath: "../level\(level + 1)")
                try fm.createSymbolicLink(atPath: dir.appendingPathComponent("right").path, withDestinationPath: "../level\(level + 1)")
            }
            try fm.createDirectory(at: c.appendingPathComponent("level10"), withIntermediateDirectories: true)
            try file(c.appendingPathComponent("level10"), "symlink-fan-out", header("symlink-fan-out") + "Reached by many paths.\n")
        },
    ]

    /// A fresh temporary content folder (site.yaml, content/ordinary.md and the case's files).
    static func folder(for hostile: HostileCase) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pamphlet-hostile-\(hostile.name)-\(UUID().uuidString.prefix(8))")
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("name: Hostile Clinic\n".utf8).write(to: root.appendingPathComponent("site.yaml"))
        try file(content, "ordinary", ordinary)
        try hostile.write(content)
        return root
    }

    /// Seconds `body` took.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}
