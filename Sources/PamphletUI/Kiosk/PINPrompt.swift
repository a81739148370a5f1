/// The staff PIN prompt: what has been typed (shown only as dots) and where the check stands.
public struct PINPrompt: Sendable, Equatable {
    /// Characters typed so far. Never drawn, logged or kept after submitting.
    var typed: [Character] = []
    /// A verification is out (`Effect.verifyPIN`); its answer comes as `.pinChecked`.
    var checking = false
    /// The last attempt was wrong.
    var wasWrong = false

    /// Number of dots to draw.
    public var maskedLength: Int { typed.count }
}

/// Growing delay after wrong PINs: 1, 2, 4, 8 ... seconds (at most 5 minutes), measured with ticks.
/// Kept across idle resets so waiting for a reset does not skip the delay.
public struct PINLockout: Sendable, Equatable {
    public private(set) var failures = 0
    /// Clock time (from `.tick`) until which entry is refused; nil when not locked.
    public private(set) var until: Double?
    /// A failure whose delay starts at the next tick (so the delay is measured from a fresh clock).
    private var pendingDelay: Double?

    public static let maximumDelay: Double = 300

    /// The delay after `failures` wrong PINs.
    public static func delay(afterFailures failures: Int) -> Double {
        guard failures > 0 else { return 0 }
        return min(maximumDelay, Double(1 << min(failures - 1, 20)))
    }

    mutating func recordFailure() {
        failures += 1
        pendingDelay = Self.delay(afterFailures: failures)
    }

    mutating func tick(now: Double) {
        if let delay = pendingDelay {
            until = now + delay
            pendingDelay = nil
        } else if let until, now >= until {
            self.until = nil
        }
    }

    /// Whether entry is refused at `now`.
    func isLocked(now: Double) -> Bool {
        pendingDelay != nil || (until.map { now < $0 } ?? false)
    }

    /// Whole seconds left (rounded up) at `now`.
    func secondsLeft(now: Double) -> Int {
        if let pendingDelay { return Int(pendingDelay) }
        guard let until, now < until else { return 0 }
        return Int((until - now).rounded(.up))
    }
}
