import Emulation

/// The seeded OAuth clients and their ready tokens (spec §8.1): every client in `clients.json`
/// has an `access_token` that never expires, with all its scopes, so a test can call the API
/// without the token endpoint; the docs' example token is there too. `/_understudy/credentials`
/// lists them all, the default headers being those of `mock-vendor-sample`.
enum BookingkitCredentials {
    static let defaultClient = "mock-vendor-sample"

    static func initialTokens(from seed: SeedDirectory) throws -> [IssuedToken] {
        let provider = BookingkitProvider.providerName
        var tokens: [IssuedToken] = []
        for record in try seed.seedRecords("clients.json", key: "clients") {
            let client = try OAuthClient(seed: record)
            tokens.append(
                IssuedToken(
                    provider: provider, value: try record.string("access_token"), scopes: client.scopes, clientID: client.id,
                    purpose: "ready token of \(client.id): \(client.purpose)", origin: .seed))
        }
        for record in try seed.seedRecords("clients.json", key: "tokens") {
            guard let scopes = record["scopes"]?.arrayValue?.compactMap(\.stringValue) else { throw record.invalid("scopes", "scope names") }
            tokens.append(
                IssuedToken(
                    provider: provider, value: try record.string("token"), scopes: scopes, clientID: try record.string("client_id"),
                    purpose: try record.string("purpose"), origin: .seed))
        }
        return tokens
    }

    /// `tokens` are the world's: the ready ones are seeded, with the `ready token` purpose.
    static func listing(_ oauth: OAuthServer, tokens: [IssuedToken], in database: Database) throws -> JSONValue {
        let ready = tokens.filter { $0.origin == .seed && $0.purpose.hasPrefix("ready token") }
        func readyToken(_ client: String) -> String? { ready.first { $0.clientID == client }?.value }
        return [
            "headers": ["Authorization": .string("Bearer \(readyToken(defaultClient) ?? "")")],
            "token_endpoint": "/bookingkit/oauth/token",
            "clients": .array(try oauth.clients.all(in: database).map { $0.listing(readyToken: readyToken($0.id)) }),
            "tokens": .array(tokens.map(\.listing)),
        ]
    }
}

