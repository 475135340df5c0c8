import Emulation

/// bookingkit's OAuth-layer errors (spec §2.1, §2.3, §4.3): `{"error", "error_description"}`
/// (plus `error_code` on its 429s), with the `WWW-Authenticate` challenge the OAuth library
/// sends on resource requests and `Cache-Control: no-store` on the token endpoint.
struct OAuthFailure: ResponseError {
    let response: HTTPResponse

    init(status: Int, error: String, description: String, errorCode: Int? = nil, headers: [(String, String)] = []) {
        var body = JSONObject()
        if let errorCode { body.append("error_code", .int(Int64(errorCode))) }
        body.append("error", .string(error))
        body.append("error_description", .string(description))
        response = .json(.object(body), status: status, contentType: "application/json", headers: headers)
    }

    private init(response: HTTPResponse) {
        self.response = response
    }

    // MARK: Resource requests (§2.3)

    /// A resource request's error, with the challenge repeating it.
    private static func challenge(status: Int, error: String, description: String, scope: String? = nil) -> OAuthFailure {
        let scopePart = scope.map { ", scope=\"\($0)\"" } ?? ""
        let header = "Bearer realm=\"Service\"\(scopePart), error=\"\(error)\", error_description=\"\(description)\""
        return OAuthFailure(status: status, error: error, description: description, headers: [("WWW-Authenticate", header)])
    }

    /// No token at all: 401, the bare challenge and an empty body.
    static let missingToken = OAuthFailure(
        response: .empty(status: 401, headers: [("WWW-Authenticate", "Bearer realm=\"Service\"")]))

    static let malformedHeader = challenge(status: 400, error: "invalid_request", description: "Malformed auth header")

    static let headerAndQuery = challenge(
        status: 400, error: "invalid_request",
        description: "Only one method may be used to authenticate at a time (Auth header, GET or POST)")

    static let invalidToken = challenge(status: 401, error: "invalid_token", description: "The access token provided is invalid")

    static let expiredToken = challenge(status: 401, error: "invalid_token", description: "The access token provided has expired")

    static func insufficientScope(_ required: [String]) -> OAuthFailure {
        challenge(
            status: 403, error: "insufficient_scope",
            description: "The request requires higher privileges than provided by the access token",
            scope: required.joined(separator: " "))
    }

    // MARK: The token endpoint (§2.1)

    private static let tokenHeaders = [("Cache-Control", "no-store"), ("Pragma", "no-cache")]

    static func token(status: Int = 400, _ error: String, _ description: String, errorCode: Int? = nil) -> OAuthFailure {
        OAuthFailure(status: status, error: error, description: description, errorCode: errorCode, headers: tokenHeaders)
    }

    static let wrongMethod = OAuthFailure(
        response: .json(
            [
                "error": "invalid_request",
                "error_description": "The request method must be POST when requesting an access token",
                "error_uri": "http://tools.ietf.org/html/rfc6749#section-3.2",
            ], status: 405, contentType: "application/json", headers: tokenHeaders + [("Allow", "POST")]))
}
