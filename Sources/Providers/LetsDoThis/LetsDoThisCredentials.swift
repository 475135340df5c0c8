import Emulation

extension LetsDoThisSettings {
    /// The demo credentials for `/_understudy/credentials`: the header that authorises organiser
    /// A, the signing secret (so clients can mint their own tokens), every ready-made token of the
    /// seed with what it is for, and how to mint more; then the static keys of `LDT_STATIC_TOKENS`
    /// and the tokens minted so far, when there are any.
    func credentials(in database: Database, tokens issued: [IssuedToken]) throws -> JSONValue {
        let demoToken = JSONWebToken.sign(
            payload: ["organiserId": .string(Self.organiserA), "iat": 1_700_000_000], secret: jwtSecret)
        let names = Dictionary(uniqueKeysWithValues: try database.fetchAll(Organiser.self).map { ($0.id, $0.name) })
        let tokens: [JSONValue] = try database.fetchAll(ReadyMadeToken.self, orderBy: "seq").map { token in
            [
                "purpose": .string(token.purpose),
                "organiserId": .string(token.organiserID),
                "organiserName": .string(token.organiserID.flatMap { names[$0] }),
                "expectedStatus": .int(token.expectedStatus),
                "token": .string(token.token),
            ]
        }
        var result = JSONObject([
            ("headers", ["Authorization": .string("Bearer \(demoToken)")]),
            ("organiserId", .string(Self.organiserA)),
            ("jwt", [
                "algorithm": "HS256",
                "secret": .string(jwtSecret),
                "header": ["alg": "HS256", "typ": "JWT"],
                "organiserClaims": ["organiserId", "organizerId", "sub"],
            ]),
            ("tokens", .array(tokens)),
            ("mint", [
                "method": "POST",
                "path": "/_understudy/letsdothis/tokens",
                "body": ["organiserId": .string(Self.organiserA), "expiresInSeconds": 3600],
            ]),
        ])
        let statics = issued.filter { $0.origin == .environment }
        if !statics.isEmpty {
            result["staticTokens"] = .array(statics.map { ["token": .string($0.value), "organiserId": $0.subject["organiserId"] ?? .null] })
        }
        let minted = issued.filter { $0.origin == .minted }
        if !minted.isEmpty {
            result["minted"] = .array(
                minted.map { token in
                    var entry = JSONObject([("token", .string(token.value)), ("purpose", .string(token.purpose))])
                    for (key, value) in token.subject { entry[key] = value }
                    entry["expiresAt"] = .string(token.expiresAt.map(Timestamp.iso8601Milliseconds))
                    return .object(entry)
                })
        }
        return .object(result)
    }
}
