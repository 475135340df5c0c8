import Foundation
import Synchronization

/// Per-key request budgets on the emulated clock, one set per provider, kept in the world (in
/// memory: counting a request writes nothing to the database). A provider passes its default
/// `RateLimit` on each call (off, or e.g. Eventbrite's 2,000 an hour); a control endpoint may set
/// another one, and a reset of the provider puts its default back and forgets its windows.
public final class RateLimiter: Sendable {
    private struct Key: Hashable {
        let provider: String
        let key: String
    }

    /// A key's current window: when it started and ends (milliseconds since 1970), and what it counted.
    private struct Window {
        var start: Int64
        var end: Int64
        var count: Int
    }

    private struct State {
        var limits: [String: RateLimit] = [:]
        var windows: [Key: Window] = [:]
        /// Ended windows are dropped when there are this many, so keys that stop calling cost
        /// no memory; doubling it after each pruning keeps the work per request constant.
        var pruneAt = 10_000
    }

    private let state = Mutex(State())

    public init() {}

    /// The provider's limit: the one set at run time, else `default`.
    public func limit(provider: String, default defaultLimit: RateLimit) -> RateLimit {
        state.withLock { $0.limits[provider] } ?? defaultLimit
    }

    /// Sets the provider's limit until its next reset, and starts every key's window afresh.
    public func setLimit(_ limit: RateLimit, provider: String) {
        state.withLock { state in
            state.limits[provider] = limit
            state.windows = state.windows.filter { $0.key.provider != provider }
        }
    }

    /// Counts one request of `key` at `now`; nil when the provider's limit is off. A request
    /// beyond the allowance is refused and not counted. A window ends `windowSeconds` after it
    /// started; a clock moved back before its start starts a new one too.
    public func count(provider: String, key: String, at now: Date, default defaultLimit: RateLimit) -> RateLimitDecision? {
        let milliseconds = now.millisecondsSince1970
        return state.withLock { state -> RateLimitDecision? in
            let limit = state.limits[provider] ?? defaultLimit
            guard limit.isEnabled else { return nil }
            let id = Key(provider: provider, key: key)
            let fresh = Window(start: milliseconds, end: milliseconds + Int64(limit.windowSeconds) * 1000, count: 0)
            var window = state.windows[id] ?? fresh
            if milliseconds >= window.end || milliseconds < window.start { window = fresh }
            let secondsToReset = max(1, Int((window.end - milliseconds + 999) / 1000))
            guard window.count < limit.limit else {
                return RateLimitDecision(allowed: false, used: window.count, limit: limit.limit, secondsToReset: secondsToReset)
            }
            window.count += 1
            state.windows[id] = window
            if state.windows.count >= state.pruneAt {
                state.windows = state.windows.filter { $0.value.end > milliseconds }
                state.pruneAt = max(State().pruneAt, 2 * state.windows.count)
            }
            return RateLimitDecision(allowed: true, used: window.count, limit: limit.limit, secondsToReset: secondsToReset)
        }
    }

    /// Back to each default for `provider` (every provider when nil), with no window open.
    public func reset(provider: String?) {
        state.withLock { state in
            guard let provider else {
                state = State()
                return
            }
            state.limits[provider] = nil
            state.windows = state.windows.filter { $0.key.provider != provider }
        }
    }
}
