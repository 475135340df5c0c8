import Emulation

extension GoEventAuth {
    /// The demo credentials for `/_understudy/credentials`: the header that authorises the default
    /// user, and every token a client may use (seeded ones, `GOEVENT_TOKENS`, then those added
    /// through the control API), the default user's first.
    func credentials(in database: Database, tokens: [IssuedToken]) throws -> JSONValue {
        let names = Dictionary(
            try database.fetchAll(UserAccount.self).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let entries = tokens.map { (token: $0.value, userID: GoEventTokens.userID(of: $0) ?? "", use: $0.purpose) }
        let defaultUser = try defaultUserID(in: database)
        let ordered = entries.filter { $0.userID == defaultUser } + entries.filter { $0.userID != defaultUser }

        var headers = JSONObject()
        if let first = ordered.first { headers["Authorization"] = .string("Bearer \(first.token)") }
        return [
            "headers": .object(headers),
            "tokens": .array(
                ordered.map { entry in
                    [
                        "token": .string(entry.token),
                        "userId": .string(entry.userID),
                        "name": .string(names[entry.userID]),
                        "use": .string(entry.use),
                    ]
                }),
        ]
    }
}
