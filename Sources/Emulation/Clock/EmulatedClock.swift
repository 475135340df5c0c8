import Foundation

/// The time a world lives in: real time by default, or frozen at a chosen instant, or shifted.
/// Every timestamp a provider writes and every expiry rule it applies reads `now`.
public final class EmulatedClock: @unchecked Sendable {
    // Invariant: `frozenAt` and `offset` are only touched while `lock` is held.
    private let lock = NSLock()
    private var frozenAt: Date?
    private var offset: TimeInterval = 0

    public init() {}

    public var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return frozenAt ?? Date(timeIntervalSinceNow: offset)
    }

    public var isFrozen: Bool {
        lock.lock()
        defer { lock.unlock() }
        return frozenAt != nil
    }

    /// Stops time at `instant` until advanced or released.
    public func freeze(at instant: Date) {
        lock.lock()
        defer { lock.unlock() }
        frozenAt = instant
    }

    /// Moves time forward (or back, for negative seconds), frozen or not.
    public func advance(by seconds: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        if let frozen = frozenAt {
            frozenAt = frozen.addingTimeInterval(seconds)
        } else {
            offset += seconds
        }
    }

    /// Back to real time.
    public func release() {
        lock.lock()
        defer { lock.unlock() }
        frozenAt = nil
        offset = 0
    }
}
