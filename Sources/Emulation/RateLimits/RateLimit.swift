/// How many requests one key (a token) may make in each window of emulated time. Each key's
/// window is fixed: it starts at the key's first request and lasts `windowSeconds`.
public struct RateLimit: Sendable, Equatable {
    /// Off: every request is allowed and none is counted.
    public var isEnabled: Bool
    public var limit: Int
    public var windowSeconds: Int

    public init(isEnabled: Bool = true, limit: Int, windowSeconds: Int) {
        self.isEnabled = isEnabled
        self.limit = limit
        self.windowSeconds = windowSeconds
    }
}

/// What the limiter decided for one request; the provider renders its own headers and 429.
public struct RateLimitDecision: Sendable, Equatable {
    /// False: the window's allowance is spent; the request was not counted.
    public let allowed: Bool
    /// Requests counted in the key's current window, this one included when allowed.
    public let used: Int
    public let limit: Int
    /// Whole seconds until the window ends (at least 1): `Retry-After`, Eventbrite's `reset=`.
    public let secondsToReset: Int

    public init(allowed: Bool, used: Int, limit: Int, secondsToReset: Int) {
        self.allowed = allowed
        self.used = used
        self.limit = limit
        self.secondsToReset = secondsToReset
    }
}
