import Glibc
import Synchronization

// The signal handlers may only touch memory that needs no Swift runtime call: raw pointers,
// allocated before any handler is installed.
// Atomic, not a plain sig_atomic_t: the handler may run on another thread than the loop reading it
// (libdispatch's main thread, parked in sigsuspend), and that is a data race (ThreadSanitizer).
nonisolated(unsafe) private let pendingSignal: UnsafeMutablePointer<Atomic<Int32>> = {
    let p = UnsafeMutablePointer<Atomic<Int32>>.allocate(capacity: 1)
    p.initialize(to: Atomic(0))
    return p
}()
nonisolated(unsafe) private let savedTermios: UnsafeMutablePointer<termios> = .allocate(capacity: 1)
nonisolated(unsafe) private let haveSavedTermios: UnsafeMutablePointer<sig_atomic_t> = {
    let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
    p.initialize(to: 0)
    return p
}()
nonisolated(unsafe) private let previousActions: UnsafeMutablePointer<sigaction> = .allocate(capacity: 65)

/// Undoes the screen modes we set, for the crash path (fixed xterm-style sequences; others ignore them).
private let crashResetBytes: [UInt8] = Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?2004l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r\n".utf8)
nonisolated(unsafe) private let crashReset: UnsafeMutableBufferPointer<UInt8> = {
    let p = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: crashResetBytes.count)
    _ = p.initialize(from: crashResetBytes)
    return p
}()

private let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

/// Catches the signals that should end the program cleanly (the loop polls `pending` and tears the
/// terminal down), and on a crash puts the terminal back in its original mode before dying.
enum SignalTrap {
    nonisolated(unsafe) private static var installedQuitSignals: [Int32] = []

    /// Installs the handlers. `interrupts`: whether SIGINT and SIGQUIT end the program (cbreak
    /// mode); in raw mode ^C and ^\ arrive as keys and the signals cannot come from the keyboard.
    static func install(interrupts: Bool) {
        WakePipe.open()
        pendingSignal.pointee.store(0, ordering: .relaxed)
        if tcgetattr(0, savedTermios) == 0 { haveSavedTermios.pointee = 1 }
        _ = crashReset.count
        signal(SIGPIPE, SIG_IGN)
        var quitSignals = [SIGTERM, SIGHUP]
        if interrupts { quitSignals += [SIGINT, SIGQUIT] }
        for sig in quitSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                pendingSignal.pointee.store(sig, ordering: .relaxed)
                WakePipe.wake()
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a blocked read returns so the loop sees the flag
            sigaction(sig, &action, previousActions + Int(sig))
        }
        installedQuitSignals = quitSignals
        for sig in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                if haveSavedTermios.pointee != 0 { tcsetattr(0, TCSANOW, savedTermios) }
                _ = write(1, crashReset.baseAddress, crashReset.count)
                // Hand over to whoever was there before (the Swift backtracer, or the default):
                // the faulting instruction runs again, or abort() raises again.
                sigaction(sig, previousActions + Int(sig), nil)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigaction(sig, &action, previousActions + Int(sig))
        }
    }

    /// Wakes the loop on SIGWINCH, then runs the handler found there (ncurses's, which marks the
    /// screen for resizing; its next read returns KEY_RESIZE). Call after ncurses has set up.
    static func installResizeWake() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { sig in
            WakePipe.wake()
            let previous = previousActions[Int(sig)]
            // A real function, not SIG_DFL (0) or SIG_IGN (1).
            if previous.sa_flags & Int32(SA_SIGINFO) == 0, let handler = previous.__sigaction_handler.sa_handler,
               unsafeBitCast(handler, to: Int.self) > 1 {
                handler(sig)
            }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGWINCH, &action, previousActions + Int(SIGWINCH))
        resizeWakeInstalled = true
    }

    nonisolated(unsafe) private static var resizeWakeInstalled = false

    /// Puts back the handlers that were there before `install` (and `installResizeWake`).
    static func uninstall() {
        for sig in installedQuitSignals + crashSignals { sigaction(sig, previousActions + Int(sig), nil) }
        installedQuitSignals = []
        if resizeWakeInstalled {
            sigaction(SIGWINCH, previousActions + Int(SIGWINCH), nil)
            resizeWakeInstalled = false
        }
    }

    /// The signal that asked us to stop, if any.
    static var pending: Int32? {
        let sig = pendingSignal.pointee.load(ordering: .relaxed)
        return sig == 0 ? nil : sig
    }
}
