import Foundation

/// `$PAMPHLET_TIME_SCALE` (default 1) times the tests' time bounds: scripts/sanitize sets it, as code
/// under AddressSanitizer or ThreadSanitizer runs several times slower (and LeakSanitizer scans the
/// heap at every exit), more so while the rest of the suite runs beside it.
public enum TimeScale {
    public static let factor: Double = ProcessInfo.processInfo.environment["PAMPHLET_TIME_SCALE"].flatMap(Double.init) ?? 1
}
