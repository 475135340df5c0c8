import Glibc

/// A point in time on the monotonic clock, in nanoseconds: deadlines must not move when the
/// wall clock is adjusted.
struct MonotonicInstant: Comparable, Hashable, Sendable {
    let nanoseconds: UInt64

    static let distantFuture = MonotonicInstant(nanoseconds: .max)

    static func now() -> MonotonicInstant {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return MonotonicInstant(nanoseconds: UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec))
    }

    static func < (lhs: MonotonicInstant, rhs: MonotonicInstant) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    /// `self` plus `seconds`, by integer arithmetic (a deadline is computed for every request).
    /// Clamped so a configured timeout of "forever" cannot overflow.
    func adding(seconds: Double) -> MonotonicInstant {
        let nanoseconds = UInt64(max(0, min(seconds, 1e9)) * 1e9)
        return MonotonicInstant(nanoseconds: self.nanoseconds &+ nanoseconds)
    }

    /// Whole milliseconds from `earlier` until `self`, rounded up so a wait never ends before
    /// the instant; 0 if it has passed. Saturates at `Int32.max` for epoll_wait.
    func millisecondsRoundedUp(since earlier: MonotonicInstant) -> Int32 {
        guard nanoseconds > earlier.nanoseconds else { return 0 }
        let milliseconds = (nanoseconds - earlier.nanoseconds + 999_999) / 1_000_000
        return Int32(clamping: milliseconds)
    }
}
