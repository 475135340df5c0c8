import Emulation

/// Bearer-token authentication of `/v3` requests (spec §2.2, §2.3): `Authorization: Bearer …` or
/// `?access_token=…`, never both; the token must be known and unexpired on the emulated clock.
/// The client it was issued to becomes the request's principal, with the token's scopes.
struct BookingkitAuth: Sendable {
    let oauth: OAuthServer

    func authenticate(_ request: ProviderRequest) throws -> BookingkitClient {
        let value: String
        switch request.bearerCredential(queryParameter: "access_token", whenBoth: .refuse) {
        case .absent: throw OAuthFailure.missingToken
        case .malformedHeader: throw OAuthFailure.malformedHeader
        case .headerAndQuery: throw OAuthFailure.headerAndQuery
        case .token(let token): value = token
        }
        guard let token = request.world.tokens.token(provider: oauth.provider, value: value) else { throw OAuthFailure.invalidToken }
        if token.isExpired(at: request.now) { throw OAuthFailure.expiredToken }
        guard let clientID = token.clientID, let client = try request.read({ try oauth.clients.client(id: clientID, in: $0) }) else {
            throw OAuthFailure.invalidToken
        }
        return BookingkitOAuth.principal(client, scopes: token.scopes)
    }
}
