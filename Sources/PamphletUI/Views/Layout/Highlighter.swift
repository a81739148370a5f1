import Foundation
import PamphletKit

/// Marks search matches on a laid-out page: asks the engine for match ranges in each section's
/// rendered text (Unicode-scalar offsets), then restyles the cells those offsets landed in.
enum Highlighter {
    static func apply(query: String?, engine: SearchEngine, texts: [String], to layout: inout PageLayout) {
        guard let query, !query.trimmingSpaces.isEmpty else { return }
        let marked: [[Bool]] = texts.map { text in
            let ranges = engine.highlights(for: query, in: text)
            guard !ranges.isEmpty else { return [] }
            var m = [Bool](repeating: false, count: text.unicodeScalars.count)
            for r in ranges {
                let lo = max(0, r.start), hi = min(m.count, r.end)
                if lo < hi { for o in lo..<hi { m[o] = true } }
            }
            return m
        }
        for li in layout.lines.indices {
            let section = layout.lines[li].section
            let m = section + 1 < marked.count ? marked[section + 1] : []
            guard !m.isEmpty else { continue }
            var runStart: Int?
            let offsets = layout.lines[li].offsets
            for col in 0...offsets.count {
                let hit = col < offsets.count && offsets[col] >= 0 && Int(offsets[col]) < m.count && m[Int(offsets[col])]
                if hit {
                    layout.lines[li].cells[col].role = .highlight
                    if runStart == nil { runStart = col }
                } else if let start = runStart {
                    layout.matches.append(MatchSpan(line: li, start: start, end: col, section: section))
                    runStart = nil
                }
            }
        }
    }
}
