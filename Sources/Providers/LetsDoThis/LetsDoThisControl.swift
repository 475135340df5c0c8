import Emulation
import Foundation

/// Let's Do This's mock-only endpoints under `/_understudy/letsdothis/` (spec §11). What they
/// write to the world's database is back to the seed state after a reset; minted tokens are
/// JWTs and keep working (they stay listed in the token store).
struct LetsDoThisControl: Sendable {
    let settings: LetsDoThisSettings

    var routes: [ControlRoute] {
        [
            ControlRoute("POST", "/tokens", mintToken),
            ControlRoute("POST", "/revocations", revoke),
            ControlRoute("GET", "/claim-links", claimLinks),
            ControlRoute("POST", "/reserved-entries/{id}/claims", claim),
        ]
    }

    /// `POST /tokens` with `{"organiserId"?, "expiresInSeconds"?, "jti"?, "name"?}` →
    /// `{"token": "…"}`, an HS256 token signed with `LDT_JWT_SECRET`, issued now (emulated
    /// clock) and expiring `expiresInSeconds` later (never when absent). An organiser id the
    /// emulator does not know yet becomes a new organiser with no data (named by `name`).
    func mintToken(_ request: ProviderRequest) throws -> HTTPResponse {
        let body = try request.http.controlObjectBody()
        let organiserID: String
        switch body["organiserId"] {
        case nil, .null?: organiserID = LetsDoThisSettings.organiserA
        case .string(let id)? where !id.isEmpty: organiserID = id
        default: throw ControlError.badRequest("organiserId must be a non-empty string")
        }
        var lifetime: Int64?
        if let value = body["expiresInSeconds"], value != .null {
            guard let seconds = value.intValue, seconds > 0 else {
                throw ControlError.badRequest("expiresInSeconds must be a whole number of seconds above 0")
            }
            lifetime = seconds
        }
        guard body["jti"] == nil || body["jti"]?.stringValue?.isEmpty == false else {
            throw ControlError.badRequest("jti must be a non-empty string")
        }
        guard body["name"] == nil || body["name"]?.stringValue?.isEmpty == false else {
            throw ControlError.badRequest("name must be a non-empty string")
        }
        let name = body["name"]?.stringValue ?? "Organiser \(organiserID)"
        try request.write { database in
            var organiser = Organiser()
            organiser.id = organiserID
            organiser.name = name
            try database.insertIfAbsent(organiser)
        }
        let issuedAt = Int64(request.now.timeIntervalSince1970.rounded(.down))
        var payload = JSONObject([("organiserId", .string(organiserID)), ("iat", .int(issuedAt))])
        if let lifetime { payload["exp"] = .int(issuedAt + lifetime) }
        if let jti = body["jti"]?.stringValue { payload["jti"] = .string(jti) }
        let token = JSONWebToken.sign(payload: .object(payload), secret: settings.jwtSecret)
        request.world.tokens.add(
            LetsDoThisTokens.minted(
                token, organiserID: organiserID, jti: body["jti"]?.stringValue,
                expiresAt: lifetime.map { Date(timeIntervalSince1970: Double(issuedAt + $0)) }))
        return .json(["token": .string(token)], contentType: "application/json")
    }

    /// `POST /revocations` with `{"token": "…"}` or `{"jti": "…"}`: later requests with it get 401 UNTRUSTED.
    func revoke(_ request: ProviderRequest) throws -> HTTPResponse {
        let body = try request.http.controlObjectBody()
        guard let value = (body["token"] ?? body["jti"])?.stringValue, !value.isEmpty else {
            throw ControlError.badRequest("Send {\"token\": \"…\"} or {\"jti\": \"…\"}")
        }
        var revocation = Revocation()
        revocation.value = value
        try request.write { _ = try $0.insertIfAbsent(revocation) }
        return .json(["revoked": .string(value)], contentType: "application/json")
    }

    /// `GET /claim-links` → `{"data": [ClaimLink…]}`, oldest first.
    func claimLinks(_ request: ProviderRequest) throws -> HTTPResponse {
        try request.read { database in
            try HTTPResponse.json(contentType: "application/json") { json in
                try json.object { json in
                    try json.field("data", array: { json in
                        try database.write(
                            ClaimLink.view, "SELECT \(ClaimLink.table.selectList()) FROM \(ClaimLink.table.name) ORDER BY seq",
                            arguments: [], context: (), to: &json)
                    })
                }
            }
        }
    }

    /// `POST /reserved-entries/{id}/claims` with `{"count": 1}`: places claimed in the partner
    /// dashboard, which no public endpoint can do. 400 when they would exceed `maxCapacity`.
    func claim(_ request: ProviderRequest) throws -> HTTPResponse {
        let body = try request.http.controlObjectBody()
        let count: Int64
        switch body["count"] {
        case nil: count = 1
        case let value?:
            guard let number = value.intValue, number >= 1 else { throw ControlError.badRequest("count must be a whole number above 0") }
            count = number
        }
        let rendered = try request.write { database -> [UInt8]? in
            // Any organiser's group: the control API acts for the partner dashboard, not for a token.
            guard var group = try database.fetchOne(ReservedEntryGroup.self, where: "id = ?", request.parameter("id")) else {
                throw ControlError.notFound("No reserved entry group \(request.parameter("id"))")
            }
            guard Double(group.usedCapacity + count) <= group.maxCapacity.doubleValue ?? 0 else {
                throw ControlError.badRequest("Claiming \(count) would exceed maxCapacity (\(group.usedCapacity) of \(JSONWriter.string(group.maxCapacity)) used)")
            }
            group.usedCapacity += count
            try database.update(group)
            return try ReservedEntryGroup.render(group.id, in: database)
        }
        guard let rendered else { throw ControlError.notFound("No reserved entry group \(request.parameter("id"))") }
        return HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "application/json")]), body: rendered)
    }
}
