import Foundation
import Synchronization

/// The time a world lives in: real time by default, or frozen at a chosen instant, or shifted.
/// Every timestamp a provider writes and every expiry rule it applies reads `now`.
public final class EmulatedClock: Sendable {
    private struct Setting {
        var frozenAt: Date?
        var offset: TimeInterval = 0
    }

    private let setting = Mutex(Setting())

    public init() {}

    public var now: Date {
        setting.withLock { $0.frozenAt ?? Date(timeIntervalSinceNow: $0.offset) }
    }

    public var isFrozen: Bool {
        setting.withLock { $0.frozenAt != nil }
    }

    /// Stops time at `instant` until advanced or released.
    public func freeze(at instant: Date) {
        setting.withLock { $0.frozenAt = instant }
    }

    /// Moves time forward (or back, for negative seconds), frozen or not.
    public func advance(by seconds: TimeInterval) {
        setting.withLock { setting in
            if let frozen = setting.frozenAt {
                setting.frozenAt = frozen.addingTimeInterval(seconds)
            } else {
                setting.offset += seconds
            }
        }
    }

    /// Back to real time.
    public func release() {
        setting.withLock { $0 = Setting() }
    }
}
