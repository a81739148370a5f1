#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only array of plain values for the index builder's hot loops: appends and reads go
/// through a pointer, without `Array`'s per-append uniqueness and capacity calls (a reference
/// type, so there is no copy-on-write to check for). Indexing is not bounds-checked: callers index
/// only below `count`.
///
/// It grows with `realloc`, which for a large buffer moves the pages instead of copying them
/// (`mremap`): an Array doubling to the corpus's 10 MB of text had copied and freshly faulted in
/// 15 MB on the way, the largest share of a first build's page faults.
final class GrowableBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        base = Self.reallocate(nil, self.capacity)
    }

    deinit { free(base) }

    private static func reallocate(_ p: UnsafeMutablePointer<Element>?, _ n: Int) -> UnsafeMutablePointer<Element> {
        guard let raw = realloc(p, n * MemoryLayout<Element>.stride) else { fatalError("out of memory") }
        return raw.bindMemory(to: Element.self, capacity: n)
    }

    @inline(__always)
    func append(_ value: Element) {
        if count == capacity { grow(to: count + 1) }
        base[count] = value
        count += 1
    }

    func append(contentsOf values: UnsafeBufferPointer<Element>) {
        guard let source = values.baseAddress else { return }
        extend(by: values.count).update(from: source, count: values.count)
    }

    /// Makes room for `n` more values and returns where they go (the caller writes all of them).
    @inline(__always)
    func extend(by n: Int) -> UnsafeMutablePointer<Element> {
        if count + n > capacity { grow(to: count + n) }
        let at = base + count
        count += n
        return at
    }

    @inline(__always)
    subscript(i: Int) -> Element {
        get { base[i] }
        set { base[i] = newValue }
    }

    func removeAll() {
        count = 0
        discardedBytes = 0
    }

    /// Drops the last `n` values (room `extend` made and the caller did not fill).
    @inline(__always)
    func removeLast(_ n: Int) { count -= n }

    /// Gives the memory back (the buffer stays usable, empty).
    func release() {
        free(base)
        capacity = 16
        base = Self.reallocate(nil, capacity)
        count = 0
        discardedBytes = 0
    }

    func reserve(_ n: Int) { if n > capacity { grow(to: n) } }

    /// Gives the memory pages lying wholly below value `index` back to the system, for a buffer
    /// read once from front to back (the builder's body text, dropped section by section as each
    /// is indexed and compressed). Values there read as zero afterwards: callers never read them
    /// again. Only pages inside this buffer's own allocation are touched.
    func discard(below index: Int) {
        let page = Self.pageSize
        let from = (Int(bitPattern: base) + discardedBytes + page - 1) / page * page
        let to = (Int(bitPattern: base) + min(index, count) * MemoryLayout<Element>.stride) / page * page
        guard to > from, let start = UnsafeMutableRawPointer(bitPattern: from) else { return }
        _ = madvise(start, to - from, Int32(MADV_DONTNEED))
        discardedBytes = to - Int(bitPattern: base)
    }

    private var discardedBytes = 0
    private static var pageSize: Int { Int(sysconf(Int32(_SC_PAGESIZE))) }

    /// The values so far, as a buffer valid until the next append.
    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// The values so far, writable in place, valid until the next append.
    var mutableBuffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }

    private func grow(to needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        base = Self.reallocate(base, size)
        capacity = size
        discardedBytes = 0
    }
}
