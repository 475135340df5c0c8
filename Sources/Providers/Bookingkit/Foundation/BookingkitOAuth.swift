import Emulation
import Foundation

/// bookingkit's OAuth server (spec §2.1): the client-credentials grant only, 40-hex tokens that
/// live an hour on the emulated clock, clients from `clients.json` in the kit's client table,
/// and the one-token-per-hour rule off unless `BOOKINGKIT_TOKEN_REUSE_LIMIT` (or the control
/// endpoint) turns it on.
enum BookingkitOAuth {
    static let tokenLifetime: TimeInterval = 3600

    static func server(_ settings: BookingkitSettings) -> OAuthServer {
        OAuthServer(
            provider: BookingkitProvider.providerName, grantTypes: [.clientCredentials], tokenFormat: .lowercaseHex40,
            tokenLifetime: tokenLifetime, limitsActiveTokens: settings.tokenReuseLimit)
    }

    /// The client a token was issued to, as handlers see it, with the token's scopes.
    static func principal(_ client: OAuthClient, scopes: [String]) -> BookingkitClient {
        let kind = BookingkitClient.Kind(rawValue: client.kind) ?? .vendor
        return BookingkitClient(
            clientID: client.id, kind: kind,
            vendorIDs: (client.subject["vendor_ids"] ?? "").split(separator: ",").map { $0.trimmingWhitespace() },
            scopes: Set(scopes), displayName: client.subject["display_name"] ?? client.id, publicID: client.subject["public_id"] ?? "",
            commission: kind == .vendor ? 0 : Int64(client.subject["commission"] ?? "") ?? 0)
    }
}
