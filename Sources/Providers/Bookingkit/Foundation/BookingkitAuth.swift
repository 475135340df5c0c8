import Emulation

/// Bearer-token authentication of `/v3` requests (spec §2.2, §2.3): `Authorization: Bearer …` or
/// `?access_token=…`, never both; the token must be known and unexpired on the emulated clock.
/// The client it was issued to becomes the request's principal, with the token's scopes.
enum BookingkitAuth {
    static func authenticate(_ request: ProviderRequest) throws -> BookingkitClient {
        let value = try presentedToken(request)
        guard let token = request.world.tokens.token(provider: BookingkitProvider.providerName, value: value) else {
            throw OAuthFailure.invalidToken
        }
        if token.isExpired(at: request.now) { throw OAuthFailure.expiredToken }
        guard let clientID = token.clientID,
            let client = try request.read({ try $0.fetchOne(ClientRecord.self, where: "client_id = ?", clientID) })
        else { throw OAuthFailure.invalidToken }
        return client.principal(scopes: token.scopes)
    }

    /// The token of the header or the query; the library's errors otherwise.
    private static func presentedToken(_ request: ProviderRequest) throws -> String {
        let header = request.headers["Authorization"].map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        let query = request.query["access_token"].flatMap { $0.isEmpty ? nil : $0 }
        switch (header, query) {
        case (nil, nil): throw OAuthFailure.missingToken
        case (nil, let token?): return token
        case (_?, _?): throw OAuthFailure.headerAndQuery
        case (let header?, nil):
            let scheme = header.prefix { $0 != " " && $0 != "\t" }
            let token = header.dropFirst(scheme.count).trimmingWhitespace()
            guard scheme.lowercased() == "bearer", !token.isEmpty, !token.contains(" ") else { throw OAuthFailure.malformedHeader }
            return token
        }
    }
}
