@testable import PamphletKit
@testable import PamphletUI

/// Property checks shared by the fuzz targets. A failed check traps, so libFuzzer saves the input.
public enum Checks {
    /// Fails the run with a message (libFuzzer reports the trap and keeps the input).
    public static func fail(_ message: String) -> Never {
        fatalError("fuzz property failed: \(message)")
    }

    /// A canvas has exactly the asked size, one cell per position.
    public static func canvas(_ canvas: Canvas, width: Int, height: Int) {
        guard canvas.width == max(0, width), canvas.height == max(0, height),
              canvas.cells.count == canvas.width * canvas.height else {
            fail("canvas \(canvas.width)x\(canvas.height) (\(canvas.cells.count) cells) for \(width)x\(height)")
        }
    }

    /// Highlight ranges lie inside `text`, are not empty, and come in order of their start.
    public static func ranges(_ ranges: [TextRange], in text: String, _ what: String) {
        let count = text.unicodeScalars.count
        var last = 0
        for r in ranges {
            guard r.start >= last, r.length > 0, r.end <= count else {
                fail("\(what): range \(r.start)+\(r.length) outside \(count) scalars or out of order (after \(last))")
            }
            last = r.start
        }
    }

    /// A one-document app at a size, on that document: the layout and view of hostile content.
    public static func render(_ document: Document, sizes: [(Int, Int)]) {
        let library = Library(site: Site(name: "Fuzz"), documents: [document])
        let content = LoadedContent(library: library, engine: SearchEngine(library: library))
        var app = AppState(content: content)
        app.current = Page(route: .document(document.id))
        for (w, h) in sizes {
            _ = app.update(.resize(width: w, height: h))
            canvas(app.view(width: w, height: h), width: w, height: h)
            _ = app.update(.key(.end))
            canvas(app.view(width: w, height: h), width: w, height: h)
        }
    }
}
