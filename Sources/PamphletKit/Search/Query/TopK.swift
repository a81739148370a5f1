/// Something `TopK` can rank: `ranksBelow(a, b)` is a strict order, true when `a` is the worse.
protocol TopKRanked {
    static func ranksBelow(_ a: Self, _ b: Self) -> Bool
}

/// The `capacity` best elements offered, kept in a binary heap with the worst on top, so picking
/// the top k of n costs n log k instead of sorting all n (the scorer's results, a phrase's matches).
struct TopK<Element: TopKRanked> {
    let capacity: Int
    private var heap: [Element] = []

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
        heap.reserveCapacity(min(self.capacity, 1024))
    }

    var isFull: Bool { heap.count >= capacity }

    /// The worst element held (the first to go), nil while empty.
    var worst: Element? { heap.first }

    /// Keeps `e` if there is room or it ranks above the worst held (which it then replaces).
    mutating func offer(_ e: Element) {
        guard capacity > 0 else { return }
        if heap.count < capacity {
            heap.append(e)
            var c = heap.count - 1
            while c > 0 {
                let p = (c - 1) / 2
                guard Element.ranksBelow(heap[c], heap[p]) else { break }
                heap.swapAt(c, p)
                c = p
            }
        } else if Element.ranksBelow(heap[0], e) {
            heap[0] = e
            var p = 0
            while true {
                let l = 2 * p + 1, r = l + 1
                var m = p
                if l < heap.count && Element.ranksBelow(heap[l], heap[m]) { m = l }
                if r < heap.count && Element.ranksBelow(heap[r], heap[m]) { m = r }
                if m == p { break }
                heap.swapAt(p, m)
                p = m
            }
        }
    }

    /// What is held, best first.
    func bestFirst() -> [Element] {
        heap.sorted { Element.ranksBelow($1, $0) }
    }
}
