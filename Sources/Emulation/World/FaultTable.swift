import Foundation
import Synchronization

/// A failure armed for the next matching requests of a provider.
public struct Fault: Sendable {
    public let provider: String
    /// Matched case-insensitively; nil matches any method.
    public let method: String?
    /// The real path (`/developers/v1.0/events`, no Understudy prefix); nil matches any path.
    public let path: String?
    public let status: Int
    /// The provider's own name for the error (Eventbrite's `EXPANSION_FAILED`), for providers
    /// whose error bodies name one; nil lets the provider choose by status.
    public let error: String?
    /// How many more requests it answers.
    public var remaining: Int

    public init(provider: String, method: String?, path: String?, status: Int, error: String? = nil, times: Int) {
        self.provider = provider
        self.method = method
        self.path = path
        self.status = status
        self.error = error
        self.remaining = times
    }
}

/// Faults armed in a world; each matching request consumes one use.
public final class FaultTable: Sendable {
    private let faults = Mutex<[Fault]>([])

    public init() {}

    public func arm(_ fault: Fault) {
        faults.withLock { $0.append(fault) }
    }

    /// Consumes and returns the first fault matching the request, if any.
    public func take(provider: String, method: String, path: String) -> Fault? {
        faults.withLock { faults in
            guard
                let index = faults.firstIndex(where: {
                    $0.provider == provider && ($0.method == nil || $0.method!.uppercased() == method.uppercased())
                        && ($0.path == nil || $0.path == path)
                })
            else { return nil }
            let fault = faults[index]
            faults[index].remaining -= 1
            if faults[index].remaining <= 0 { faults.remove(at: index) }
            return fault
        }
    }

    public func armed(provider: String) -> [Fault] {
        faults.withLock { $0.filter { $0.provider == provider } }
    }

    public func clear(provider: String? = nil) {
        faults.withLock { $0.removeAll { provider == nil || $0.provider == provider } }
    }
}
