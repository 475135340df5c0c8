/// The control endpoints of a provider's rate limit, `GET` and `POST /_understudy/{provider}/rate-limit`:
/// read the limit in force, or change it with `{"enabled": bool, "limit": n, "window_seconds": n}`,
/// each key optional (a `limit` without `enabled` turns the limit on). A change starts every
/// key's window afresh; a reset of the provider puts `default` back.
public enum RateLimitControl {
    public static func routes(provider: String, default defaultLimit: RateLimit) -> [ControlRoute] {
        [
            ControlRoute("GET", "/rate-limit") { request in
                .json(json(request.world.rateLimits.limit(provider: provider, default: defaultLimit)), contentType: "application/json")
            },
            ControlRoute("POST", "/rate-limit") { request in
                let body = try request.http.controlObjectBody()
                let limiter = request.world.rateLimits
                var limit = limiter.limit(provider: provider, default: defaultLimit)
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
                limiter.setLimit(limit, provider: provider)
                return .json(json(limit), contentType: "application/json")
            },
        ]
    }

    /// `{"enabled": …, "limit": …, "window_seconds": …}`.
    public static func json(_ limit: RateLimit) -> JSONValue {
        ["enabled": .bool(limit.isEnabled), "limit": .int(limit.limit), "window_seconds": .int(limit.windowSeconds)]
    }
}
