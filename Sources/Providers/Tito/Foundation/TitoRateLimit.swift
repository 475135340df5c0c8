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

    static func json(_ limit: RateLimit) -> JSONValue {
        ["enabled": .bool(limit.isEnabled), "limit": .int(limit.limit), "window_seconds": .int(limit.windowSeconds)]
    }

    /// `GET` and `POST /_understudy/tito/rate-limit`: read or change the settings. The POST body
    /// is `{"enabled": bool, "limit": n, "window_seconds": n}`, each key optional; a `limit`
    /// without `enabled` turns the limit on. A change starts every token's window afresh.
    static let controlRoutes: [ControlRoute] = [
        ControlRoute("GET", "/rate-limit") { request in
            .json(json(request.world.rateLimits.limit(provider: TitoProvider.providerName, default: off)), contentType: "application/json")
        },
        ControlRoute("POST", "/rate-limit") { request in
            let body = try request.http.controlObjectBody()
            let limiter = request.world.rateLimits
            var limit = limiter.limit(provider: TitoProvider.providerName, default: off)
            if let value = body["enabled"] {
                guard let flag = value.boolValue else { throw ControlError.badRequest("enabled must be true or false") }
                limit.isEnabled = flag
            } else if body["limit"] != nil {
                limit.isEnabled = true
            }
            if let value = body["limit"] {
                guard let number = value.intValue, number >= 0, number <= 1_000_000 else {
                    throw ControlError.badRequest("limit must be an integer ≥ 0")
                }
                limit.limit = Int(number)
            }
            if let value = body["window_seconds"] {
                guard let seconds = value.intValue, seconds >= 1, seconds <= 86_400 else {
                    throw ControlError.badRequest("window_seconds must be an integer from 1 to 86400")
                }
                limit.windowSeconds = Int(seconds)
            }
            limiter.setLimit(limit, provider: TitoProvider.providerName)
            return .json(json(limit), contentType: "application/json")
        },
    ]
}
