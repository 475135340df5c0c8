import Emulation

/// An error in Let's Do This's dialect, Fastify's default envelope (spec §5):
/// `{"statusCode", "code"?, "error", "message"}` in that key order.
struct LetsDoThisError: ResponseError, Equatable {
    let status: Int
    let code: String?
    let message: String

    var response: HTTPResponse {
        HTTPResponse.json(status: status) { json in
            json.object { json in
                json.field("statusCode", status)
                if let code { json.field("code", code) }
                json.field("error", ReasonPhrase.rfc7231Name(forStatus: status))
                json.field("message", message)
            }
        }
    }

    /// A business-rule 400 (spec §5.5): no `code`.
    static func badRequest(_ message: String) -> LetsDoThisError { LetsDoThisError(status: 400, code: nil, message: message) }

    /// `<Resource> not found` (spec §5.4).
    static func notFound(_ resource: String) -> LetsDoThisError {
        LetsDoThisError(status: 404, code: nil, message: "\(resource) not found")
    }

    /// A schema validation failure (spec §5.2), e.g. `querystring/page[size] must be >= 1`.
    static func validation(_ message: String) -> LetsDoThisError {
        LetsDoThisError(status: 400, code: "FST_ERR_VALIDATION", message: message)
    }

    static let invalidCursor = badRequest("Invalid page cursor")
    static let bothCursors = badRequest("page[after] and page[before] cannot be used together")
}

/// The responses Let's Do This gives outside its handlers.
enum LetsDoThisErrors {
    /// Fastify's 404 for a path (or method) it has no route for; its keys come in this order, and
    /// `url` is the request's URL as sent, query string included (spec §5.4).
    static func routeNotFound(method: String, url: String) -> HTTPResponse {
        .json(["message": .string("Route \(method):\(url) not found"), "error": "Not Found", "statusCode": 404], status: 404)
    }

    /// Failures no handler answered: an injected fault or a storage error, as Fastify's
    /// error handler writes them (spec §5.6).
    static func response(for error: any Error, status: Int) -> HTTPResponse {
        if case JSONBodyError.malformed = error { return RequestBody.invalidJSON.response }
        let phrase = ReasonPhrase.rfc7231Name(forStatus: status)
        return LetsDoThisError(status: status, code: nil, message: phrase).response
    }
}
