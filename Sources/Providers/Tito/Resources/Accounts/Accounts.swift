import Emulation

/// Accounts and who the token is: `GET /hello` (M1) and `GET /{account_slug}` (X1, an extra
/// pytito needs). The tokens live in the world's token store (`TitoToken`).
enum Accounts: TitoResourceGroup {
    static let tables = [GroupTable(Account.self)]


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
        try request.read { database in
            let account = try Scope.account(request, principal, in: database)
            return try Account.view.single(
                "account", "SELECT \(Account.table.selectList()) FROM tito_accounts WHERE id = ?", [account.id], in: database)
        }
    }
}
