import Emulation

/// GoEvent's own mock-only endpoints under `/_understudy/goevent/` (spec §11). Both read and
/// write the world's database, so a reset puts them back to the seed state too.
enum GoEventControl {
    static let routes: [ControlRoute] = [
        ControlRoute("GET", "/issued-tickets", issuedTickets),
        ControlRoute("POST", "/tokens", addToken),
    ]

    /// `GET /_understudy/goevent/issued-tickets`: every batch `POST /tickets/create` issued, oldest first.
    static func issuedTickets(_ request: ProviderRequest) throws -> HTTPResponse {
        let records = try request.read { try IssuedTicket.all(in: $0) }
        return .json(["issuedTickets": .array(records.map(\.json))], contentType: "application/json")
    }

    /// `POST /_understudy/goevent/tokens` with `{"token": "…", "userId": "…", "use"?: "…"}`: the
    /// token authenticates as that user from now on (until a reset). 201 for a new token, 200
    /// when it replaces the user of an existing one.
    static func addToken(_ request: ProviderRequest) throws -> HTTPResponse {
        let fields = try request.http.controlObjectBody()
        guard let token = fields["token"]?.stringValue, !token.isEmpty, token == token.trimmingWhitespace() else {
            throw ControlError.badRequest("token must be a non-empty string without surrounding spaces")
        }
        guard let userID = fields["userId"]?.stringValue.flatMap(ObjectID.normalized) else {
            throw ControlError.badRequest("userId must be a 24-hex user id")
        }
        guard fields["use"] == nil || fields["use"]?.stringValue != nil else {
            throw ControlError.badRequest("use must be a string")
        }
        let use = fields["use"]?.stringValue ?? "Added through POST /_understudy/goevent/tokens"
        let (replaced, name) = try request.write { database in
            let replaced = try database.queryOne("SELECT 1 FROM goevent_tokens WHERE token = ?", token) != nil
            try database.run(
                """
                INSERT INTO goevent_tokens (token, user_id, use) VALUES (?, ?, ?)
                ON CONFLICT (token) DO UPDATE SET user_id = excluded.user_id, use = excluded.use
                """, token, userID, use)
            let name = try database.queryOne("SELECT name FROM goevent_users WHERE id = ?", userID)?.string("name")
            return (replaced, name)
        }
        return .json(
            ["token": .string(token), "userId": .string(userID), "name": .string(name), "use": .string(use)],
            status: replaced ? 200 : 201, contentType: "application/json")
    }
}
