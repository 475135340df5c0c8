import HTTPServer

/// An error of the control API, sent as `{"error": "…"}`.
struct ControlError: ResponseError {
    let message: String
    let status: Int

    var response: HTTPResponse { ControlAPI.error(message, status: status) }

    static func badRequest(_ message: String) -> ControlError { ControlError(message: message, status: 400) }
    static func notFound(_ message: String) -> ControlError { ControlError(message: message, status: 404) }
}
