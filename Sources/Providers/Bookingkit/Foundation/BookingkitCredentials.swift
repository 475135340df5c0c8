import Emulation

/// The seeded OAuth clients and their ready tokens (spec §8.1): every client in `clients.json`
/// has an `access_token` that never expires, with all its scopes, so a test can call the API
/// without the token endpoint; the docs' example token is there too. `/_understudy/credentials`
/// lists them all, the default headers being those of `mock-vendor-sample`.
enum BookingkitCredentials {
    static let defaultClient = "mock-vendor-sample"

    /// The seeded tokens, also kept in a table so the credentials listing can show them.
    static func load(from seed: SeedDirectory, into database: Database) throws {
        for token in try initialTokens(from: seed) {
            try database.insert(
                SeededTokenRecord(token: token.value, clientID: token.clientID ?? "", scopes: token.scopes, purpose: token.purpose))
        }
    }

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

    static func listing(_ oauth: OAuthServer, in database: Database) throws -> JSONValue {
        let tokens = try database.fetchAll(SeededTokenRecord.self, orderBy: "rowid")
        let ready = tokens.filter { $0.purpose.hasPrefix("ready token") }
        func readyToken(_ client: String) -> String? { ready.first { $0.clientID == client }?.token }
        return [
            "headers": ["Authorization": .string("Bearer \(readyToken(defaultClient) ?? "")")],
            "token_endpoint": "/bookingkit/oauth/token",
            "clients": .array(try oauth.clients.all(in: database).map { $0.listing(readyToken: readyToken($0.id)) }),
            "tokens": .array(tokens.map { token in
                ["token": .string(token.token), "purpose": .string(token.purpose), "client_id": .string(token.clientID),
                 "scopes": .array(token.scopes.map(JSONValue.string))]
            }),
        ]
    }
}

/// A token the seed issues (a client's ready token, the docs' example token), as the credentials
/// listing shows it.
struct SeededTokenRecord: StoredRecord {
    var token = ""
    var clientID = ""
    var scopes: [String] = []
    var purpose = ""

    static let table = RecordTable("bookingkit_seeded_tokens", of: SeededTokenRecord.self, primaryKey: ["token"])
}
