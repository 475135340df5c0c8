import Emulation

extension TitoAuth {
    /// The demo credentials for `/_understudy/credentials`: the header of the first live token
    /// (it sees the docs' example data), then every token with its mode, accounts and purpose.
    func credentials(tokens issued: [IssuedToken]) -> JSONValue {
        let tokens = issued.map(TitoToken.init(issued:))
        let demo = tokens.first { $0.lookupMode == .live } ?? tokens.first
        var headers = JSONObject()
        if let demo {
            headers["Authorization"] = .string("Token token=\(demo.token)")
            headers["Accept"] = "application/json"
        }
        return [
            "headers": .object(headers),
            "tokens": .array(
                tokens.map { token in
                    [
                        "token": .string(token.token),
                        "lookup_mode": .string(token.lookupMode.rawValue),
                        "accounts": .array(token.accounts.map(JSONValue.string)),
                        "denied": .array(token.denied.map(JSONValue.string)),
                        "headers": ["Authorization": .string("Token token=\(token.token)")],
                        "purpose": .string(token.purpose),
                    ]
                }),
        ]
    }
}
