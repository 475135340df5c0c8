/// Where a provider keeps its OAuth clients: the table `{provider}_oauth_clients` of its
/// schema, filled from its seed. Clients are seed data, so a reset restores the seeded ones;
/// lookups by id use the primary key.
public struct OAuthClientTable: Sendable {
    public let name: String

    public init(provider: String) {
        name = "\(provider)_oauth_clients"
    }

    /// The `CREATE TABLE` statement to add to the provider's `schema`.
    public var schema: String {
        """
        CREATE TABLE IF NOT EXISTS \(name) (
            id TEXT PRIMARY KEY,
            secret TEXT NOT NULL,
            kind TEXT NOT NULL,
            scopes TEXT NOT NULL,
            redirect_uris TEXT NOT NULL,
            subject TEXT NOT NULL,
            purpose TEXT NOT NULL
        );
        """
    }

    public func insert(_ clients: [OAuthClient], into database: Database) throws {
        for client in clients {
            var subject = JSONObject()
            for key in client.subject.keys.sorted() { subject.append(key, .string(client.subject[key])) }
            try database.run(
                "INSERT INTO \(name) (id, secret, kind, scopes, redirect_uris, subject, purpose) VALUES (?, ?, ?, ?, ?, ?, ?)",
                client.id, client.secret, client.kind, JSONWriter.string(.array(client.scopes.map(JSONValue.string))),
                JSONWriter.string(.array(client.redirectURIs.map(JSONValue.string))), JSONWriter.string(.object(subject)),
                client.purpose)
        }
    }

    public func client(id: String, in database: Database) throws -> OAuthClient? {
        try database.queryOne("SELECT * FROM \(name) WHERE id = ?", id).map(Self.client)
    }

    /// Every client, in seed order.
    public func all(in database: Database) throws -> [OAuthClient] {
        try database.query("SELECT * FROM \(name) ORDER BY rowid").map(Self.client)
    }

    private static func client(_ row: Row) -> OAuthClient {
        func strings(_ column: String) -> [String] {
            (try? JSONParser.parse(row.string(column) ?? ""))?.arrayValue?.compactMap(\.stringValue) ?? []
        }
        var subject: [String: String] = [:]
        for (key, value) in (try? JSONParser.parse(row.string("subject") ?? ""))?.objectValue ?? JSONObject() {
            subject[key] = value.stringValue
        }
        return OAuthClient(
            id: row.string("id") ?? "", secret: row.string("secret") ?? "", kind: row.string("kind") ?? "",
            scopes: strings("scopes"), redirectURIs: strings("redirect_uris"), subject: subject,
            purpose: row.string("purpose") ?? "")
    }
}

extension SeedDirectory {
    /// The OAuth clients in the array `key` of the seed file `name` (see `OAuthClient.init(seed:)`).
    public func oauthClients(_ name: String, key: String = "clients") throws -> [OAuthClient] {
        try seedRecords(name, key: key).map { try OAuthClient(seed: $0) }
    }
}
