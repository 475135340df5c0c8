import Emulation

/// The seeded OAuth clients and their ready tokens (spec §8.1): every client has a token that
/// never expires, with all its scopes, so a test can call the API without the token endpoint;
/// the docs' example token is there too. `/_understudy/credentials` lists them all, the default
/// headers being those of `mock-vendor-sample`.
enum BookingkitCredentials {
    static let defaultClient = "mock-vendor-sample"

    static func initialTokens(from seed: SeedDirectory, in database: Database) throws -> [IssuedToken] {
        let provider = BookingkitProvider.providerName
        var tokens = try database.fetchAll(ClientRecord.self, orderBy: "rowid").map { client in
            IssuedToken(
                provider: provider, value: client.accessToken, scopes: client.scopes, clientID: client.clientID,
                purpose: "the ready token of \(client.clientID): \(client.purpose)", origin: .seed)
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

    static func listing(in database: Database) throws -> JSONValue {
        let clients = try database.fetchAll(ClientRecord.self, orderBy: "rowid")
        let demo = clients.first { $0.clientID == defaultClient } ?? clients.first
        return [
            "headers": ["Authorization": .string("Bearer \(demo?.accessToken ?? "")")],
            "token_endpoint": "/bookingkit/oauth/token",
            "clients": .array(clients.map { client in
                [
                    "client_id": .string(client.clientID), "client_secret": .string(client.clientSecret), "kind": .string(client.kind.rawValue),
                    "purpose": .string(client.purpose), "vendor_ids": .array(client.principal(scopes: []).vendorIDs.map(JSONValue.string)),
                    "scopes": .array(client.scopes.map(JSONValue.string)), "access_token": .string(client.accessToken),
                    "headers": ["Authorization": .string("Bearer \(client.accessToken)")],
                ]
            }),
        ]
    }
}
