import Emulation

/// Accounts and who the token is: `GET /hello` (M1) and `GET /{account_slug}` (X1, an extra
/// pytito needs). The tokens live in the world's token store (`TitoToken`).
enum Accounts: TitoResourceGroup {
    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_accounts (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            description TEXT
        );
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "accounts.json", key: "accounts") {
            try database.run(
                "INSERT INTO tito_accounts (id, slug, name, description) VALUES (?, ?, ?, ?)",
                try record.id(), try record.requiredText("slug"), try record.requiredText("name"), record.text("description"))
        }
    }

    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/hello", example: "/hello", hello),
        Route("GET", "/{account_slug}", example: "/biscuit-box", show),
    ]

    /// M1: who the token is (spec §2.3).
    static func hello(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        .json { json in
            json.object { json in
                json.field("authenticated", true)
                json.field("access_token", "*" + String(principal.token.suffix(4)))
                json.field("lookup_mode", principal.lookupMode.rawValue)
                json.key("accounts")
                ListMeta.writeStrings(principal.accounts, to: &json)
            }
        }
    }

    /// X1: one account.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let account = try request.read { try Scope.account(request, principal, in: $0) }
        return .json { json in
            json.object { json in
                json.key("account")
                account.encode(to: &json)
            }
        }
    }
}
