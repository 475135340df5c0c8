import Emulation
import Foundation

/// bookingkit's mock-only endpoints (spec §10.2) under `/_understudy/bookingkit/`: the clock
/// (the world's, answering 204 as the spec proposes), expiring tokens (to test the expired
/// token's 401), and the one-token-per-hour switch (§2.1). The reset is the framework's
/// (`POST /_understudy/bookingkit/reset`, 204).
enum BookingkitControl {
    static let routes: [ControlRoute] = [
        // `{"enabled": true}` refuses a client a second token while its last one is unexpired;
        // `{"enabled": null}` goes back to BOOKINGKIT_TOKEN_REUSE_LIMIT.
        ControlRoute("PUT", "/token-reuse-limit") { request in
            let body = try request.http.controlObjectBody()
            guard let enabled = body["enabled"], enabled.boolValue != nil || enabled == .null else {
                throw ControlError.badRequest("Body must be {\"enabled\": true|false|null}")
            }
            request.world.oauth.setActiveTokenLimit(provider: BookingkitProvider.providerName, enabled: enabled.boolValue)
            return .empty(status: 204)
        },
        ControlRoute("PUT", "/clock") { request in
            let body = try request.http.controlObjectBody()
            guard let text = body["now"]?.stringValue, let instant = Timestamp.parse(text) else {
                throw ControlError.badRequest("Body must be {\"now\": \"YYYY-MM-DDThh:mm:ssZ\"}")
            }
            request.world.clock.freeze(at: instant)
            return .empty(status: 204)
        },
        ControlRoute("DELETE", "/clock") { request in
            request.world.clock.release()
            return .empty(status: 204)
        },
        // Every token the token endpoint issued expires now; `{"token": "…"}` expires that one
        // (a seeded one too).
        ControlRoute("POST", "/tokens/expire") { request in
            let body = try request.http.controlObjectBody()
            let provider = BookingkitProvider.providerName
            let now = request.world.clock.now
            let chosen = body["token"]?.stringValue
            for var token in request.world.tokens.tokens(provider: provider)
            where chosen.map({ $0 == token.value }) ?? (token.origin == .minted) {
                token.expiresAt = now
                request.world.tokens.add(token)
            }
            return .empty(status: 204)
        },
    ]
}
