import Emulation

/// A token Tito accepts, as the world's token store keeps it (`lookup_mode`, `accounts` and
/// `denied` in its subject): from the seed (`tokens.json`) or from `TITO_TOKENS`, found by its
/// exact value.
struct TitoToken: Sendable {
    let token: String
    let lookupMode: LookupMode
    let accounts: [String]
    let denied: [String]
    let purpose: String

    init(token: String, lookupMode: LookupMode, accounts: [String], denied: [String], purpose: String) {
        self.token = token
        self.lookupMode = lookupMode
        self.accounts = accounts
        self.denied = denied
        self.purpose = purpose
    }

    /// What a request presenting `presented` acts as with this token's rights: the token itself,
    /// or another one accepted in its stead (`TITO_ACCEPT_ANY_TOKEN`).
    func principal(presented: String) -> TitoPrincipal {
        TitoPrincipal(token: presented, lookupMode: lookupMode, accounts: accounts, denied: Set(denied))
    }

    /// The seeded tokens in file order, then those of `TITO_TOKENS` (which win over a seeded
    /// token of the same text and are listed after the seeded ones).
    static func initial(from seed: SeedDirectory, environment: [TitoToken]) throws -> [IssuedToken] {
        let seeded = try seed.seedRecords("tokens.json", key: "tokens").map { record in
            guard let mode = LookupMode(rawValue: try record.string("lookup_mode")) else {
                throw record.invalid("lookup_mode", "\"live\" or \"test\"")
            }
            return TitoToken(
                token: try record.string("token"), lookupMode: mode, accounts: strings(record.fields["accounts"]),
                denied: strings(record.fields["denied"]), purpose: try record.optionalString("purpose") ?? ""
            ).issued(origin: .seed)
        }
        return seeded.replacing(with: environment.map { $0.issued(origin: .environment) })
    }

    /// One element of `TITO_TOKENS`; nil when it is not `{"token": "…", "lookup_mode"?: "live"|"test", "accounts": […]}`.
    init?(configured element: JSONValue) {
        guard let token = element["token"]?.stringValue, !token.isEmpty,
            let mode = LookupMode(rawValue: element["lookup_mode"]?.stringValue ?? "live"),
            let accounts = element["accounts"]?.arrayValue
        else { return nil }
        self.init(
            token: token, lookupMode: mode, accounts: accounts.compactMap(\.stringValue), denied: Self.strings(element["denied"]),
            purpose: "Configured by TITO_TOKENS")
    }

    init(issued: IssuedToken) {
        self.init(
            token: issued.value, lookupMode: issued.subject["lookup_mode"]?.stringValue.flatMap(LookupMode.init(rawValue:)) ?? .live,
            accounts: Self.strings(issued.subject["accounts"]), denied: Self.strings(issued.subject["denied"]), purpose: issued.purpose)
    }

    func issued(origin: IssuedToken.Origin) -> IssuedToken {
        IssuedToken(
            provider: TitoProvider.providerName, value: token,
            subject: JSONObject([
                ("lookup_mode", .string(lookupMode.rawValue)),
                ("accounts", .array(accounts.map(JSONValue.string))),
                ("denied", .array(denied.map(JSONValue.string))),
            ]),
            purpose: purpose, origin: origin)
    }

    /// The strings of a JSON array; anything else reads as none.
    private static func strings(_ value: JSONValue?) -> [String] {
        value?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
