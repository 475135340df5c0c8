import Emulation

/// The per-token rate limit (spec §7), counted by the kit's `RateLimiter` on the emulated clock.
/// Off by default, so test suites are never throttled by surprise; when on (2,000 an hour unless
/// told otherwise), each authenticated API call counts, its response says where the token stands
/// in `x-rate-limit: token:<token> <used>/<limit> reset=<seconds>s`, and a call beyond the limit
/// is `429 HIT_RATE_LIMIT` with `Retry-After`. A reset turns it off again.
enum EventbriteRateLimit {
    static let off = RateLimit(isEnabled: false, limit: 2000, windowSeconds: 3600)

    /// Counts one call of `token`; throws the 429 when the window's allowance is spent.
    static func count(_ token: String, in request: ProviderRequest) throws {
        guard
            let decision = request.world.rateLimits.count(
                provider: EventbriteAuth.provider, key: token, at: request.now, default: off)
        else { return }
        request.responseHeaders.add(
            "x-rate-limit", "token:\(token) \(decision.used)/\(decision.limit) reset=\(decision.secondsToReset)s")
        if !decision.allowed { throw EventbriteError.hitRateLimit(retryAfter: decision.secondsToReset) }
    }

    /// `GET` and `POST /_understudy/eventbrite/rate-limit` (the kit's `RateLimitControl`):
    /// `{"limit": 5}` turns a limit of 5 an hour on.
    static let controlRoutes = RateLimitControl.routes(provider: EventbriteAuth.provider, default: off)
}
