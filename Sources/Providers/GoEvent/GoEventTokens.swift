import Emulation

/// GoEvent's bearer tokens in the world's token store: each stands for a user (`userId`) and
/// says what it is for (`use`, the token's purpose). The seeded ones come from `users.json`,
/// then `GOEVENT_TOKENS`; `POST /_understudy/goevent/tokens` adds more until a reset.
enum GoEventTokens {
    /// The seeded tokens, then those of `GOEVENT_TOKENS` (which win over a seeded token of the
    /// same text and are listed after the seeded ones).
    static func initial(from seed: SeedDirectory, environment: [(token: String, userID: String)]) throws -> [IssuedToken] {
        let users = try seed.json("users.json")
        let seeded = try SeedRecord.array("tokens", in: users, file: "users.json").map { record in
            token(try record.string("token"), userID: try record.objectID("userId"), use: try record.string("use"), origin: .seed)
        }
        return seeded.replacing(
            with: environment.map { token($0.token, userID: $0.userID, use: "Configured by GOEVENT_TOKENS", origin: .environment) })
    }

    /// A token of `userID`; minted ones last until a reset, as the control endpoint promises.
    static func token(_ value: String, userID: String, use: String, origin: IssuedToken.Origin) -> IssuedToken {
        IssuedToken(
            provider: GoEventProvider.providerName, value: value, subject: JSONObject([("userId", .string(userID))]),
            purpose: use, origin: origin, keptOnReset: origin != .minted)
    }

    static func userID(of token: IssuedToken?) -> String? {
        token?.subject["userId"]?.stringValue
    }
}
