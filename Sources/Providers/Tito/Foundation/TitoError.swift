import Emulation

/// An error in Tito's dialect (spec §8). Handlers throw these; the framework sends `response`.
struct TitoError: ResponseError {
    let response: HTTPResponse

    static let authenticationHint =
        "You can retrieve your API token at https://id.tito.io. Please see the API docs for further information."

    /// 401 for a missing or blank token (`is blank`) or an unknown one (`is invalid`). `message`
    /// is there for pytito, which reads it; `errors` and `hint` are the documented body.
    static func unauthorized(_ reason: String) -> TitoError {
        let body: JSONValue = [
            "message": "Unauthorized",
            "errors": ["api_token": [.string(reason)]],
            "hint": .string(authenticationHint),
        ]
        return TitoError(response: .json(body, status: 401, headers: [("WWW-Authenticate", "Token realm=\"Application\"")]))
    }

    static let missingToken = unauthorized("is blank")
    static let invalidToken = unauthorized("is invalid")

    /// 403 with the documented `errors.status/title/detail` shape.
    static func forbidden(_ detail: String) -> TitoError {
        let body: JSONValue = ["errors": ["status": 403, "title": "Forbidden", "detail": .string(detail)]]
        return TitoError(response: .json(body, status: 403))
    }

    /// Rails' public-exceptions JSON: `{"status":404,"error":"Not Found"}` and its siblings.
    static func rails(_ status: Int, _ error: String) -> TitoError {
        TitoError(response: .json(["status": .int(status), "error": .string(error)], status: status))
    }

    static let notFound = rails(404, "Not Found")
    static let badRequest = rails(400, "Bad Request")

    static func tooManyRequests(retryAfter seconds: Int) -> TitoError {
        var response = rails(429, "Too Many Requests").response
        response.headers.add("Retry-After", String(seconds))
        return TitoError(response: response)
    }

    /// 422 `{"errors": {attribute: [messages]}}`, attributes in the order their checks ran.
    static func unprocessable(_ errors: [(attribute: String, messages: [String])]) -> TitoError {
        let object = JSONObject(errors.map { (key: $0.attribute, value: .array($0.messages.map(JSONValue.string))) })
        return TitoError(response: .json(["errors": .object(object)], status: 422))
    }

    static func unprocessable(_ attribute: String, _ message: String) -> TitoError {
        unprocessable([(attribute, [message])])
    }
}
