import Foundation
import PamphletUI

/// Messages posted from other threads (a finished PIN check, reloaded content); the runtime
/// delivers them between key presses, woken at once (`WakePipe`).
public final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Msg] = []

    public init() {}

    public func post(_ msg: Msg) {
        lock.lock()
        messages.append(msg)
        lock.unlock()
        WakePipe.wake()
    }

    func drain() -> [Msg] {
        lock.lock()
        defer { lock.unlock() }
        let taken = messages
        messages.removeAll()
        return taken
    }
}
