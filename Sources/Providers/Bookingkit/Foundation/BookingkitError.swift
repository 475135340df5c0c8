import Emulation

/// An error of the `/v3` API in bookingkit's body (spec §4.1): exactly `message`, `code` (the
/// status followed by two digits, as a string) and `user_message`. Only `40023` is documented;
/// the other codes are the spec's stable conventions (§10 D6).
struct BookingkitError: ResponseError, Equatable {
    let status: Int
    let code: String
    let message: String
    let userMessage: String
    var headers: [(String, String)] = []

    static func == (lhs: BookingkitError, rhs: BookingkitError) -> Bool {
        lhs.status == rhs.status && lhs.code == rhs.code && lhs.message == rhs.message
    }

    var response: HTTPResponse {
        .json(
            ["message": .string(message), "code": .string(code), "user_message": .string(userMessage)], status: status,
            contentType: "application/json", headers: headers)
    }

    /// 400 `40000`: the body is not JSON, or not the object (or array) the route takes.
    static func invalidBody(expecting kind: String = "object") -> BookingkitError {
        BookingkitError(status: 400, code: "40000", message: "The request body must be a valid JSON \(kind)", userMessage: "Bad Request")
    }

    /// 400 `40001`: a body property is missing, of the wrong type or out of range.
    static func invalidProperty(_ message: String) -> BookingkitError {
        BookingkitError(status: 400, code: "40001", message: message, userMessage: "Bad Request Parameters")
    }

    /// 400 `40002`: a business rule refused the request (§4.2).
    static func businessRule(_ message: String) -> BookingkitError {
        BookingkitError(status: 400, code: "40002", message: message, userMessage: "Bad Request")
    }

    /// 400 `40023`: a query parameter is invalid (§3.1; the seed's only printed error body).
    static func invalidParameter(_ message: String) -> BookingkitError {
        BookingkitError(status: 400, code: "40023", message: message, userMessage: "Bad Request Parameters")
    }

    /// 401 `40100`: a valid token whose client may not do this (§2.4).
    static let unauthorized = BookingkitError(
        status: 401, code: "40100", message: "You are not authorized to make this request", userMessage: "Unauthorized")

    /// 404 `40400`: no such route, or no such item visible to the client.
    static let notFound = BookingkitError(
        status: 404, code: "40400", message: "The requested resource was not found", userMessage: "Not Found")

    /// 405 `40500` with `Allow`.
    static func methodNotAllowed(allowed: [String]) -> BookingkitError {
        BookingkitError(
            status: 405, code: "40500", message: "Method not allowed", userMessage: "Method Not Allowed",
            headers: [("Allow", allowed.joined(separator: ", "))])
    }

    /// 500 `50000`, for a storage failure or an injected fault (status as given).
    static func server(status: Int) -> BookingkitError {
        BookingkitError(
            status: status, code: "\(status)00", message: "An internal error occurred",
            userMessage: ReasonPhrase.rfc7231Name(forStatus: status))
    }
}
