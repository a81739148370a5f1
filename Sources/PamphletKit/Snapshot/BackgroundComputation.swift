import Foundation

/// A value computed on a thread of its own while the caller does other work: `wait()` returns it.
///
/// Startup uses it to fingerprint the content folder (hundreds of `fstatat` calls, each a few
/// microseconds of kernel time) while the snapshot is mapped and queried on the calling thread,
/// the way git preloads its index with `lstat` on several threads; and, when no stamp vouches for
/// the snapshot, to checksum it (`SnapshotStorage.mapVerifyingInBackground`).
final class BackgroundComputation<Value: Sendable>: @unchecked Sendable {
    /// Guards `result` (a condition variable: a plain mutex that thread sanitizers understand).
    private let condition = NSCondition()
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        Thread { [self] in
            let value = work()
            condition.lock()
            result = value
            condition.broadcast()
            condition.unlock()
        }.start()
    }

    /// Waits for the value (at once if it is there). May be called more than once.
    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result { return result }
            condition.wait()
        }
    }
}
