import Emulation

extension GoEventAuth {
    /// The demo credentials for `/_understudy/credentials`: the header that authorises the default
    /// user, and every token a client may use (stored ones, then `GOEVENT_TOKENS`), the default
    /// user's first.
    func credentials(in database: Database) throws -> JSONValue {
        let names = Dictionary(
            try database.query("SELECT id, name FROM goevent_users").map { ($0.string("id") ?? "", $0.string("name")) },
            uniquingKeysWith: { first, _ in first })
        var tokens: [(token: String, userID: String, use: String)] = try database.query(
            "SELECT token, user_id, use FROM goevent_tokens ORDER BY seq"
        ).map { ($0.string("token") ?? "", $0.string("user_id") ?? "", $0.string("use") ?? "") }
        for configured in environmentTokens {
            tokens.removeAll { $0.token == configured.token }
            tokens.append((configured.token, configured.userID, "Configured by GOEVENT_TOKENS"))
        }
        let defaultUser = try defaultUserID(in: database)
        let ordered = tokens.filter { $0.userID == defaultUser } + tokens.filter { $0.userID != defaultUser }

        var headers = JSONObject()
        if let first = ordered.first { headers["Authorization"] = .string("Bearer \(first.token)") }
        return [
            "headers": .object(headers),
            "tokens": .array(
                ordered.map { entry in
                    [
                        "token": .string(entry.token),
                        "userId": .string(entry.userID),
                        "name": .string(names[entry.userID] ?? nil),
                        "use": .string(entry.use),
                    ]
                }),
        ]
    }
}
