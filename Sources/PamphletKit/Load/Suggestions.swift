/// "Did you mean …?" candidates for a misspelt key or id.
public enum Suggestions {
    /// Up to `limit` candidates close to `word` (by edit distance, or sharing a prefix), best first.
    public static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(word.lowercased())
        guard !target.isEmpty else { return [] }
        let threshold = max(2, target.count / 3)
        var scored: [(distance: Int, candidate: String)] = []
        for candidate in candidates where candidate != word {
            let lowered = candidate.lowercased()
            let distance = editDistance(target, Array(lowered))
            if distance <= threshold {
                scored.append((distance, candidate))
            } else if target.count >= 3, lowered.hasPrefix(String(target)) || lowered.contains(String(target)) {
                scored.append((threshold + 1, candidate))
            }
        }
        return scored.sorted { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
            .prefix(limit).map(\.candidate)
    }

    /// Edit distance between two character arrays, a swap of neighbours counting as one edit
    /// (optimal string alignment, as search's typo tolerance counts); past `limit` it stops and
    /// returns `limit + 1`. The kiosk's crisis words use it too.
    public static func editDistance(_ a: [Character], _ b: [Character], limit: Int = .max - 1) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, before[j - 2] + 1) }
                current[j] = d
                rowMin = min(rowMin, d)
            }
            if rowMin > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
