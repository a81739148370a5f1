import Glibc

/// Seconds from an arbitrary fixed point that never jump (unlike the wall clock). Ticks carry this.
public enum MonotonicClock {
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
