import Foundation
import PamphletKit
@testable import PamphletUI
import TestSupport

/// The real bundled content, loaded once through the real loader and search engine.
enum Fixtures {
    static let bundled: LoadedContent = {
        let result = ContentLoader.load(directory: RepoPaths.assets.path)
        return LoadedContent(library: result.library, engine: SearchEngine(library: result.library))
    }()

    /// A fixed "today" so review marks never depend on the clock.
    static let today = CalendarDate(year: 2026, month: 12, day: 1)

    static let crisis = "988"
    static let crisisLabel = "Suicide & Crisis Lifeline (call or text)"

    static func options(ascii: Bool = false, crisis: Bool = false) -> AppOptions {
        AppOptions(today: today, asciiOnly: ascii, crisisLine: crisis ? Self.crisis : nil,
                   crisisLineLabel: crisis ? crisisLabel : nil)
    }

    static func app(width: Int = 80, height: Int = 24, crisis: Bool = false, ascii: Bool = false,
                    content: LoadedContent = bundled) -> AppState {
        var app = AppState(content: content, options: options(ascii: ascii, crisis: crisis))
        _ = app.update(.resize(width: width, height: height))
        return app
    }

    /// A small library with wide characters (CJK, emoji, combining marks), parsed by the real parser.
    static let wide: LoadedContent = {
        let text = """
        ---
        id: wide
        kind: article
        title: "Wide text 広い文字 🌏"
        summary: "Mixed-width text for layout tests."
        review:
          reviewed_by: Dr. Test
          last_reviewed: 2026-01-10
          next_review: 2026-06-01
        ---

        Intro with an emoji family 👨‍👩‍👧 and café with a combining accent (cafe\u{301}).

        ## 日本語の説明

        ケタミンは麻酔薬として長く使われてきました。うつ病の治療にも使われています。**重要**：医師に相談してください。

        - 一つ目の項目 🙂
        - Mixed 中文 and English words that wrap across lines nicely

        ## Emoji and table

        | 項目 | Value |
        |------|-------|
        | 時間 | 40 分 ⏱️ |
        | Cost | ask 👩‍⚕️ |

        > 引用：心の健康は大切です。
        """
        return page(text, path: "wide.md", site: Site(name: "Clinic 診療所", tagline: "Wide characters 🌸"))
    }()

    /// Content of one page, parsed by the real parser, and its index.
    static func page(_ text: String, path: String, site: Site = Site(name: "Clinic")) -> LoadedContent {
        let (doc, _) = ContentLoader.parseDocument(text: text, path: path)
        let library = Library(site: site, documents: doc.map { [$0] } ?? [])
        return LoadedContent(library: library, engine: SearchEngine(library: library))
    }
}

extension AppState {
    /// Sends keys one after another (characters of a string become `.char` keys).
    mutating func press(_ keys: Key...) {
        for key in keys { _ = update(.key(key)) }
    }

    mutating func type(_ text: String) {
        for ch in text { _ = update(.key(.char(ch))) }
    }

    /// A tap (or a click) at a cell: press, then release there.
    mutating func tapAt(x: Int, y: Int) {
        _ = update(.mouse(MouseEvent(x: x, y: y, kind: .press)))
        _ = update(.mouse(MouseEvent(x: x, y: y, kind: .release)))
    }

    var screenText: String { view(width: width, height: height).textRows.joined(separator: "\n") }
}
