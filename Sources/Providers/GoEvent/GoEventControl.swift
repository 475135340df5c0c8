import Emulation

/// GoEvent's own mock-only endpoints under `/_understudy/goevent/` (spec §11). What they add
/// (issued tickets in the database, tokens in the token store) is gone after a reset.
enum GoEventControl {
    static let routes: [ControlRoute] = [
        ControlRoute("GET", "/issued-tickets", issuedTickets),
        ControlRoute("POST", "/tokens", addToken),
    ]

    /// `GET /_understudy/goevent/issued-tickets`: every batch `POST /tickets/create` issued, oldest first.
    static func issuedTickets(_ request: ProviderRequest) throws -> HTTPResponse {
        try request.read { database in
            try .json(contentType: "application/json") { json in
                try json.object { json in
                    try json.field("issuedTickets", array: { json in
                        try database.write(
                            IssuedTicket.json, "SELECT \(IssuedTicket.table.selectList()) FROM \(IssuedTicket.table.name) ORDER BY seq",
                            arguments: [], context: (), to: &json)
                    })
                }
            }
        }
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
        let tokens = request.world.tokens
        let replaced = tokens.token(provider: GoEventProvider.providerName, value: token) != nil
        tokens.add(GoEventTokens.token(token, userID: userID, use: use, origin: .minted))
        let name = try request.read { try $0.fetchOne(UserAccount.self, where: "id = ?", userID)?.name }
        return .json(
            ["token": .string(token), "userId": .string(userID), "name": .string(name), "use": .string(use)],
            status: replaced ? 200 : 201, contentType: "application/json")
    }
}
