import Emulation

/// Tito's optional per-token rate limit (spec §9), counted by the kit's `RateLimiter` on the
/// emulated clock: off by default; when on, at most `limit` requests per token in each window
/// of `window_seconds`, then 429 with `Retry-After`. A reset turns it off again.
enum TitoRateLimit {
    static let off = RateLimit(isEnabled: false, limit: 60, windowSeconds: 60)

    /// Counts one request of `token`; throws the 429 when its window's allowance is spent.
    static func count(_ token: String, in request: ProviderRequest) throws {
        guard let decision = request.world.rateLimits.count(provider: TitoProvider.providerName, key: token, at: request.now, default: off),
            !decision.allowed
        else { return }
        throw TitoError.tooManyRequests(retryAfter: decision.secondsToReset)
    }

    /// `GET` and `POST /_understudy/tito/rate-limit` (the kit's `RateLimitControl`).
    static let controlRoutes = RateLimitControl.routes(provider: TitoProvider.providerName, default: off)
}
