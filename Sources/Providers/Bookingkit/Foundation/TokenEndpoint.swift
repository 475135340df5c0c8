import Emulation
import Foundation

/// `POST /oauth/token` at the host root (spec §2.1): the client-credentials grant, with the
/// client's id and secret as form fields, JSON members or HTTP Basic (which wins). Answers the
/// token response with `Cache-Control: no-store`, or the OAuth library's error bodies.
enum TokenEndpoint {
    static let lifetime: TimeInterval = 3600

    static func route(_ settings: BookingkitSettings) -> Route<BookingkitClient> {
        Route(anonymous: "POST", "/oauth/token") { request in
            try issue(request, settings: settings).response
        }.outsideBasePath()
    }

    struct Issued {
        let token: IssuedToken

        var response: HTTPResponse {
            .json(
                [
                    "access_token": .string(token.value), "expires_in": .int(Int64(TokenEndpoint.lifetime)), "token_type": "Bearer",
                    "scope": .string(token.scopes.joined(separator: " ")),
                ], contentType: "application/json", headers: [("Cache-Control", "no-store"), ("Pragma", "no-cache")])
        }
    }

    static func issue(_ request: ProviderRequest, settings: BookingkitSettings) throws -> Issued {
        let parameters = try TokenParameters(request)
        guard let grantType = parameters["grant_type"] else {
            throw OAuthFailure.token("invalid_request", "The grant type was not specified in the request")
        }
        guard grantType == "client_credentials" else {
            throw OAuthFailure.token("unsupported_grant_type", "Grant type \"\(grantType)\" not supported")
        }
        let (id, secret) = parameters.clientCredentials
        guard let id else { throw OAuthFailure.token("invalid_client", "Client credentials were not found in the headers or body") }
        guard let secret else { throw OAuthFailure.token("invalid_client", "client credentials are required") }
        guard let client = try request.read({ try $0.fetchOne(ClientRecord.self, where: "client_id = ?", id) }), client.clientSecret == secret
        else { throw OAuthFailure.token("invalid_client", "The client credentials are invalid") }
        let requested = (parameters["scope"] ?? "").split(separator: " ").map(String.init)
        guard requested.allSatisfy(client.scopes.contains) else {
            throw OAuthFailure.token("invalid_scope", "The scope requested is invalid for this request")
        }
        let scopes = requested.isEmpty ? client.scopes : requested
        let now = request.now
        let provider = BookingkitProvider.providerName
        if settings.tokenReuseLimit,
            request.world.tokens.tokens(provider: provider).contains(where: {
                $0.clientID == id && $0.origin == .minted && !$0.isExpired(at: now)
            })
        {
            throw OAuthFailure.token(status: 429, "Too many requests", "please reuse your oauth tokens", errorCode: 42901)
        }
        let value = try request.write { database in
            try GeneratedIDs.next("access_token", in: database) + String(try GeneratedIDs.next("access_token", in: database).prefix(8))
        }
        let token = IssuedToken(
            provider: provider, value: value, scopes: scopes, expiresAt: now.addingTimeInterval(lifetime), clientID: id,
            purpose: "issued to \(id) by the token endpoint", origin: .minted)
        request.world.tokens.add(token)
        return Issued(token: token)
    }
}

/// The token request's parameters: a form (`application/x-www-form-urlencoded`) or a JSON
/// object, and HTTP Basic client credentials.
struct TokenParameters {
    private let fields: [String: String]
    private let basic: (String, String)?

    init(_ request: ProviderRequest) throws {
        var fields: [String: String] = [:]
        if request.http.mediaType == "application/json" || request.http.body.first == UInt8(ascii: "{") {
            if case .object(let object)? = try? request.http.jsonBody() {
                for (key, value) in object { fields[key] = value.stringValue ?? value.intValue.map(String.init) }
            }
        } else {
            for item in QueryParameters(String(decoding: request.http.body, as: UTF8.self)).items where fields[item.name] == nil {
                fields[item.name] = item.value
            }
        }
        self.fields = fields.filter { !$0.value.isEmpty }
        basic = Self.basic(request.headers["Authorization"])
    }

    subscript(name: String) -> String? { fields[name] }

    /// Basic credentials win over the body's (§2.1).
    var clientCredentials: (id: String?, secret: String?) {
        if let basic { return (basic.0, basic.1.isEmpty ? nil : basic.1) }
        return (fields["client_id"], fields["client_secret"])
    }

    private static func basic(_ header: String?) -> (String, String)? {
        guard let header, header.lowercased().hasPrefix("basic "),
            let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingWhitespace()),
            let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (PercentDecoding.decode(text[..<colon], plusAsSpace: true), PercentDecoding.decode(text[text.index(after: colon)...], plusAsSpace: true))
    }
}
