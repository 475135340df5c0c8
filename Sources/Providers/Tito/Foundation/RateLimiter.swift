import Emulation

/// The optional per-token rate limiter (spec §9): off by default; when on, at most `limit`
/// requests per token in each window of `windowSeconds` (emulated time), then 429 with
/// `Retry-After`. Settings and counters live in the world's database, so a reset turns it off.
enum RateLimiter {
    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_rate_limit (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            enabled INTEGER NOT NULL,
            request_limit INTEGER NOT NULL,
            window_seconds INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS tito_rate_limit_hits (
            token TEXT PRIMARY KEY,
            window_start INTEGER NOT NULL,
            count INTEGER NOT NULL
        ) WITHOUT ROWID;
        """

    struct Settings {
        var enabled: Bool
        var limit: Int
        var windowSeconds: Int

        static let off = Settings(enabled: false, limit: 60, windowSeconds: 60)

        var json: JSONValue {
            ["enabled": .bool(enabled), "limit": .int(limit), "window_seconds": .int(windowSeconds)]
        }
    }

    static func settings(in database: Database) throws -> Settings {
        guard let row = try database.queryOne("SELECT enabled, request_limit, window_seconds FROM tito_rate_limit WHERE id = 1")
        else { return .off }
        return Settings(
            enabled: row.bool("enabled") ?? false, limit: row.int("request_limit") ?? 60,
            windowSeconds: row.int("window_seconds") ?? 60)
    }

    static func save(_ settings: Settings, in database: Database) throws {
        try database.run(
            """
            INSERT INTO tito_rate_limit (id, enabled, request_limit, window_seconds) VALUES (1, ?1, ?2, ?3)
            ON CONFLICT (id) DO UPDATE SET enabled = ?1, request_limit = ?2, window_seconds = ?3
            """, settings.enabled, settings.limit, settings.windowSeconds)
        try database.run("DELETE FROM tito_rate_limit_hits")
    }

    /// Counts one request of `token` under `settings`; throws the 429 when the window's allowance is spent.
    static func count(_ token: String, under settings: Settings, in request: ProviderRequest) throws {
        guard settings.enabled else { return }
        let now = TitoFormats.milliseconds(request.now)
        let window = Int64(settings.windowSeconds) * 1000
        let retryAfter: Int? = try request.write { database in
            let row = try database.queryOne("SELECT window_start, count FROM tito_rate_limit_hits WHERE token = ?", token)
            var start = Int64(row?.int("window_start") ?? 0)
            var count = row?.int("count") ?? 0
            if row == nil || now - start >= window || now < start {
                start = now
                count = 0
            }
            guard count < settings.limit else {
                let remaining = start + window - now
                return max(1, Int((remaining + 999) / 1000))
            }
            try database.run(
                "INSERT OR REPLACE INTO tito_rate_limit_hits (token, window_start, count) VALUES (?, ?, ?)",
                token, start, count + 1)
            return nil
        }
        if let retryAfter { throw TitoError.tooManyRequests(retryAfter: retryAfter) }
    }

    /// `GET` and `POST /_understudy/tito/rate-limit`: read or change the settings. The POST body
    /// is `{"enabled": bool, "limit": n, "window_seconds": n}`, each key optional.
    static let controlRoutes: [ControlRoute] = [
        ControlRoute("GET", "/rate-limit") { request in
            let settings = try request.read { try Self.settings(in: $0) }
            return .json(settings.json, contentType: "application/json")
        },
        ControlRoute("POST", "/rate-limit") { request in
            let body = try request.http.controlObjectBody()
            return try request.write { database in
                var settings = try Self.settings(in: database)
                if let value = body["enabled"] {
                    guard let flag = value.boolValue else { throw ControlError.badRequest("enabled must be true or false") }
                    settings.enabled = flag
                } else if body["limit"] != nil {
                    settings.enabled = true
                }
                if let value = body["limit"] {
                    guard let limit = value.intValue, limit >= 0, limit <= 1_000_000 else {
                        throw ControlError.badRequest("limit must be an integer ≥ 0")
                    }
                    settings.limit = Int(limit)
                }
                if let value = body["window_seconds"] {
                    guard let seconds = value.intValue, seconds >= 1, seconds <= 86_400 else {
                        throw ControlError.badRequest("window_seconds must be an integer from 1 to 86400")
                    }
                    settings.windowSeconds = Int(seconds)
                }
                try save(settings, in: database)
                return .json(settings.json, contentType: "application/json")
            }
        },
    ]
}
