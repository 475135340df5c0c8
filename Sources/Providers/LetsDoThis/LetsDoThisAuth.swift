import Emulation
import Foundation

/// The organiser a request acts for: every read and write is scoped to it (spec §2.4).
public struct LetsDoThisOrganiser: Sendable {
    public let id: String
}

/// Bearer JWT authentication in the order of spec §2.2; failures carry `@fastify/jwt`'s bodies (§2.3).
struct LetsDoThisAuth: Sendable {
    let settings: LetsDoThisSettings

    static let noAuthorization = LetsDoThisError(
        status: 401, code: "FST_JWT_NO_AUTHORIZATION_IN_HEADER", message: "No Authorization was found in request.headers")
    static let badFormat = LetsDoThisError(
        status: 400, code: "FST_JWT_BAD_REQUEST", message: "Format is Authorization: Bearer [token]")
    static let unsigned = LetsDoThisError(status: 401, code: "FAST_JWT_MISSING_SIGNATURE", message: "Unsigned authorization token")
    static let expired = LetsDoThisError(status: 401, code: "FST_JWT_AUTHORIZATION_TOKEN_EXPIRED", message: "Authorization token expired")
    static let untrusted = LetsDoThisError(
        status: 401, code: "FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED", message: "Untrusted authorization token")
    static func invalid(_ reason: String) -> LetsDoThisError {
        LetsDoThisError(status: 401, code: "FST_JWT_AUTHORIZATION_TOKEN_INVALID", message: "Authorization token is invalid: \(reason)")
    }

    func authenticate(_ request: ProviderRequest) throws -> LetsDoThisOrganiser {
        let token = try Self.bearerToken(request.headers["Authorization"])
        return try request.read { database in
            if try isRevoked(token, in: database) { throw Self.untrusted }
            if let organiserID = LetsDoThisTokens.staticOrganiser(of: token, in: request.world.tokens) {
                return LetsDoThisOrganiser(id: organiserID)
            }
            if settings.authMode == .permissive {
                let claimed = JSONWebToken(token).flatMap { Self.organiserClaim($0.payload) }
                return LetsDoThisOrganiser(id: claimed ?? settings.defaultOrganiserID)
            }
            let jwt = try verified(token, now: request.now)
            if let jti = jwt.payload["jti"]?.stringValue, try isRevoked(jti, in: database) { throw Self.untrusted }
            guard let organiserID = Self.organiserClaim(jwt.payload), try Organiser.exists(organiserID, in: database) else {
                throw Self.untrusted
            }
            return LetsDoThisOrganiser(id: organiserID)
        }
    }

    /// Steps 1 and 2: a header matching `^Bearer\s`, split on single spaces into exactly two parts.
    static func bearerToken(_ header: String?) throws -> String {
        guard let header, header.count > 6, header.prefix(6).lowercased() == "bearer",
            let separator = header.unicodeScalars.dropFirst(6).first, separator.properties.isWhitespace
        else { throw noAuthorization }
        let parts = header.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw badFormat }
        guard !parts[1].isEmpty else { throw noAuthorization }
        return String(parts[1])
    }

    /// Steps 5 to 8: structure, algorithm, signature, time claims.
    func verified(_ token: String, now: Date) throws -> JSONWebToken {
        guard let jwt = JSONWebToken(token) else { throw Self.invalid("The token is malformed.") }
        let algorithm = jwt.header["alg"]?.stringValue
        if algorithm == "none" || jwt.encodedSignature.isEmpty { throw Self.unsigned }
        guard algorithm == "HS256" else { throw Self.invalid("The token algorithm is invalid.") }
        guard jwt.hasValidSignature(secret: settings.jwtSecret) else { throw Self.invalid("The token signature is invalid.") }
        let seconds = now.timeIntervalSince1970
        if let exp = jwt.payload["exp"] {
            guard let expiry = exp.doubleValue else { throw Self.invalid("The token is malformed.") }
            if expiry <= seconds { throw Self.expired }
        }
        if let nbf = jwt.payload["nbf"] {
            guard let notBefore = nbf.doubleValue else { throw Self.invalid("The token is malformed.") }
            if notBefore > seconds { throw Self.invalid("The token is not active yet.") }
        }
        return jwt
    }

    /// Step 10: the first non-empty string among `organiserId`, `organizerId` and `sub`.
    static func organiserClaim(_ payload: JSONObject) -> String? {
        for claim in ["organiserId", "organizerId", "sub"] {
            if let value = payload[claim]?.stringValue, !value.isEmpty { return value }
        }
        return nil
    }

    /// Steps 3 and 9: `LDT_REVOKED_TOKENS`, plus revocations seeded or added through the control API.
    func isRevoked(_ value: String, in database: Database) throws -> Bool {
        if settings.revokedTokens.contains(value) { return true }
        return try Revocation.contains(value, in: database)
    }
}
