import Emulation

/// The per-token rate limit (spec §7).
enum EventbriteRateLimit {
    static func count(_ token: String, request: ProviderRequest) throws {}
}
