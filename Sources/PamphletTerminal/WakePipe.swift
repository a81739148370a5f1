import Glibc

// The pipe's two ends, in memory a signal handler may touch (no Swift runtime call). Read end
// first; -1 until `WakePipe.open()`.
nonisolated(unsafe) private let wakeEnds: UnsafeMutablePointer<Int32> = {
    let p = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
    p.initialize(repeating: -1, count: 2)
    return p
}()
nonisolated(unsafe) private let wakeByte: UnsafeMutablePointer<UInt8> = {
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    p.initialize(to: 0x21)
    return p
}()

/// Wakes the event loop from a signal handler or another thread: a byte written to a pipe whose
/// read end the loop polls beside the terminal. The loop then sleeps until a key, a signal, a
/// message or its next tick, instead of waking every 100 ms to look (a signal may be delivered to
/// any thread, so the one waiting cannot count on being interrupted).
enum WakePipe {
    /// Makes the pipe, once per process (non-blocking, closed on exec). Call before installing a
    /// handler that wakes. False when no pipe could be made: the loop then polls.
    @discardableResult
    static func open() -> Bool {
        if wakeEnds[0] >= 0 { return true }
        _ = wakeByte.pointee   // initialised now, not first in a handler
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return false }
        for fd in ends {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeEnds[1] = ends[1]
        wakeEnds[0] = ends[0]
        return true
    }

    /// Async-signal-safe: one `write`, errno left as it was. A full pipe already wakes the loop.
    static func wake() {
        let fd = wakeEnds[1]
        guard fd >= 0 else { return }
        let saved = errno
        _ = write(fd, wakeByte, 1)
        errno = saved
    }

    enum Wait: Equatable {
        /// `fd` is ready to read (or hung up).
        case input
        /// Something wrote to the pipe (a signal, a message); `fd` had nothing.
        case woken
        case timedOut
    }

    /// Waits until `fd` has input (or hung up), the pipe is woken, or `timeoutMilliseconds` pass
    /// (-1: no limit). Wakes are consumed.
    static func wait(forInputOn fd: Int32, timeoutMilliseconds: Int32) -> Wait {
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wakeEnds[0], events: Int16(POLLIN), revents: 0)]
        let count: nfds_t = wakeEnds[0] >= 0 ? 2 : 1
        // Without the pipe, look again every 100 ms for signals and messages.
        let fallback = timeoutMilliseconds < 0 ? 100 : min(timeoutMilliseconds, 100)
        let ready = poll(&fds, count, count == 2 ? timeoutMilliseconds : fallback)
        // Interrupted by a signal: woken, whichever thread ran the handler.
        guard ready >= 0 else { return errno == EINTR ? .woken : .timedOut }
        if count == 2, fds[1].revents != 0 { drain() }
        if fds[0].revents != 0 { return .input }
        return ready > 0 || count == 1 ? .woken : .timedOut
    }

    private static func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while buffer.withUnsafeMutableBytes({ read(wakeEnds[0], $0.baseAddress, $0.count) }) > 0 {}
    }
}
