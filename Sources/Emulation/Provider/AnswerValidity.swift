import Foundation
import Synchronization

/// How long a memoized route's answer holds on the emulated clock. While the answer is made,
/// every `request.now` of its handler reads one instant, the one the answer is made at; an
/// answer whose handler read it holds from that instant on, up to the earliest instant the
/// handler says it could change at (`ProviderRequest.answerChanges(at:)`), not included. An
/// answer whose handler neither read the clock nor stated an instant holds whatever the clock
/// does. `ResponseCache` reuses an answer only while the clock is inside its window, so moving
/// the clock to or past the stated instant, or back before the answer was made, runs the
/// handler again.
public final class AnswerValidity: Sendable {
    /// The emulated instant the answer is made at, in whole milliseconds since 1970
    /// (`Date.millisecondsSince1970`), the unit the window is kept in.
    public let madeAtMilliseconds: Int64
    private let madeAt: Date
    private let readsClock = Atomic<Bool>(false)
    private let horizon = Atomic<Int64>(.max)

    init(madeAt: Date) {
        self.madeAt = madeAt
        madeAtMilliseconds = madeAt.millisecondsSince1970
    }

    /// The instant the answer is made at, which ties the answer to the clock.
    var now: Date {
        readsClock.store(true, ordering: .relaxed)
        return madeAt
    }

    /// Says the answer could differ once the clock reaches `milliseconds` (since 1970, as
    /// `Date.millisecondsSince1970` counts them): a field that compares a stored instant with
    /// the clock flips there. The earliest instant stated wins.
    public func changes(at milliseconds: Int64) {
        readsClock.store(true, ordering: .relaxed)
        var current = horizon.load(ordering: .relaxed)
        while milliseconds < current {
            let (exchanged, original) = horizon.compareExchange(expected: current, desired: milliseconds, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }

    /// The clock readings the answer holds for, in milliseconds since 1970: `from` included,
    /// `until` not; `Int64.min` and `Int64.max` where it has no bound.
    var window: (from: Int64, until: Int64) {
        (readsClock.load(ordering: .relaxed) ? madeAtMilliseconds : .min, horizon.load(ordering: .relaxed))
    }
}
