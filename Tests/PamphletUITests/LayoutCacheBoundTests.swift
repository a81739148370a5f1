import Testing
@testable import PamphletUI

/// The page-layout cache is bounded by what its layouts hold, not only by their number (review H 2:
/// a 20 MB page cost ~540 MB per width and per highlighted query, and 4 searches kept 2.3 GB).
@Suite struct LayoutCacheBoundTests {
    static let mb = 1 << 20

    /// A fake layout of `lines` lines of `width` cells.
    static func fake(lines: Int, width: Int = 80) -> PageLayout {
        var layout = PageLayout()
        let row = LaidLine(cells: Array(repeating: Cell(text: "x"), count: width),
                           offsets: Array(repeating: 0, count: width), section: -1)
        layout.lines = Array(repeating: row, count: lines)
        return layout
    }

    static func key(_ route: Route = .document("big"), width: Int = 80, query: String? = nil,
                    expanded: Set<Int> = []) -> LayoutKey {
        LayoutKey(route: route, width: width, expanded: expanded, answers: ChecklistAnswers(), query: query,
                  options: Fixtures.options(), content: ContentIdentity(content: Fixtures.bundled))
    }

    @Test func costCountsCellsAndLines() {
        let cost = Self.fake(lines: 1000).cost
        #expect(cost >= 1000 * 80 * 20)
        #expect(cost < 1000 * 80 * 20 * 2)
    }

    @Test func bigLayoutsAreEvictedByCost() {
        let cache = LayoutCache(budget: 8 * Self.mb)
        // Each ~3.4 MB (20,000 lines of 80 cells would be ~32 MB; keep the test light).
        for (i, q) in ["huge intro", "ketamine session", "patient doctor", "sleep mood", "a", "b", "c"].enumerated() {
            _ = cache.layout(Self.key(query: q)) { Self.fake(lines: 2000) }
            #expect(cache.usage.cost <= 8 * Self.mb, "after search \(i + 1)")
        }
        #expect(cache.usage.layouts == 2)
    }

    @Test func theCurrentLayoutIsKeptWhateverItsCost() {
        let cache = LayoutCache(budget: 1 * Self.mb)
        var builds = 0
        for _ in 0..<3 {
            _ = cache.layout(Self.key()) { builds += 1; return Self.fake(lines: 5000) }
        }
        #expect(builds == 1)
        #expect(cache.usage.layouts == 1)
        // A new width replaces it: only the page on screen stays.
        _ = cache.layout(Self.key(width: 60)) { Self.fake(lines: 5000, width: 60) }
        #expect(cache.usage.layouts == 1)
        _ = cache.layout(Self.key(width: 60)) { builds += 1; return Self.fake(lines: 1) }
        #expect(builds == 1)
    }

    @Test func leastRecentlyUsedGoesFirst() {
        let cache = LayoutCache(budget: 9 * Self.mb / 2)   // room for three ~1.4 MB layouts
        let a = Self.key(.document("a")), b = Self.key(.document("b")), c = Self.key(.document("c"))
        for k in [a, b, c] { _ = cache.layout(k) { Self.fake(lines: 800) } }
        #expect(cache.usage.layouts == 3)
        _ = cache.layout(a) { Issue.record("a rebuilt"); return Self.fake(lines: 1) }   // a used again
        _ = cache.layout(Self.key(.document("d"))) { Self.fake(lines: 800) }
        var rebuilt: [String] = []
        _ = cache.layout(a) { rebuilt.append("a"); return Self.fake(lines: 800) }
        #expect(rebuilt.isEmpty, "a was used more recently than b")
        _ = cache.layout(c) { rebuilt.append("c"); return Self.fake(lines: 800) }
        #expect(rebuilt.isEmpty)
        _ = cache.layout(b) { rebuilt.append("b"); return Self.fake(lines: 800) }
        #expect(rebuilt == ["b"], "b was the least recently used")
    }

    @Test func anFAQsAllOpenVariantStaysBesideTheDrawnOne() {
        let cache = LayoutCache(budget: 1 * Self.mb)
        let drawn = Self.key(.document("faq"), query: "dose"), all = Self.key(.document("faq"), query: "dose", expanded: [0, 1, 2])
        var builds = 0
        for _ in 0..<3 {
            _ = cache.layout(drawn) { builds += 1; return Self.fake(lines: 2000) }
            _ = cache.layout(all) { builds += 1; return Self.fake(lines: 2000) }
        }
        #expect(builds == 2)
    }

    @Test func ordinaryPagesAllStayForBackAndForward() {
        let cache = LayoutCache()
        // 40 pages of 300 lines (a long article at 80 columns) fit the default budget.
        for i in 0..<40 { _ = cache.layout(Self.key(.document("p\(i)"))) { Self.fake(lines: 300) } }
        var rebuilt = 0
        for i in 0..<40 { _ = cache.layout(Self.key(.document("p\(i)"))) { rebuilt += 1; return Self.fake(lines: 300) } }
        #expect(rebuilt == 0)
    }
}

extension LayoutCacheBoundTests {
    /// A layout over the budget (kept only while on screen) is let go before the next one is
    /// built, so two layouts of a huge page are never held at once.
    @Test func anOverBudgetLayoutGoesBeforeTheNextIsBuilt() {
        let cache = LayoutCache(budget: 1 * Self.mb)
        _ = cache.layout(Self.key(query: "one")) { Self.fake(lines: 2000) }
        var heldWhileBuilding = -1
        _ = cache.layout(Self.key(query: "two")) {
            heldWhileBuilding = cache.usage.layouts
            return Self.fake(lines: 2000)
        }
        #expect(heldWhileBuilding == 0)
        #expect(cache.usage.layouts == 1)
    }
}

extension LayoutCacheBoundTests {
    /// A laid-out line holds no more room than its cells need (review H 2: the width reserved for
    /// every line's cells, and the offsets' doubling growth, held about a sixth of a big page's layout).
    @Test func laidOutLinesHoldNoSpareRoom() {
        let app = Fixtures.app()
        let doc = Fixtures.bundled.library.documents.first { $0.id == "is-ketamine-an-opiate" }!
        let layout = app.layout(of: Page(route: .document(doc.id)), textWidth: 76)
        #expect(layout.lines.count > 50)
        for line in layout.lines {
            // Up to 32 spare bytes: malloc rounds sizes up, and arrays use what it gives.
            #expect((line.cells.capacity - line.cells.count) * MemoryLayout<Cell>.stride <= 32,
                    "\(line.cells.count) cells, room for \(line.cells.capacity)")
            #expect((line.offsets.capacity - line.offsets.count) * MemoryLayout<Int32>.stride <= 32,
                    "\(line.offsets.count) offsets, room for \(line.offsets.capacity)")
        }
    }
}
