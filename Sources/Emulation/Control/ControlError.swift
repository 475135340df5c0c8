import HTTPServer

/// An error of the control API (`/_understudy/…`, providers' own control routes included),
/// sent as `{"error": "…"}`.
public struct ControlError: ResponseError {
    public let message: String
    public let status: Int

    public init(message: String, status: Int) {
        self.message = message
        self.status = status
    }

    public var response: HTTPResponse { ControlAPI.error(message, status: status) }

    public static func badRequest(_ message: String) -> ControlError { ControlError(message: message, status: 400) }
    public static func notFound(_ message: String) -> ControlError { ControlError(message: message, status: 404) }
}

extension HTTPRequest {
    /// A control request's JSON object body; an empty body counts as `{}`.
    public func controlObjectBody() throws(ControlError) -> JSONObject {
        let body: JSONValue?
        do {
            body = try jsonBody()
        } catch {
            throw .badRequest("Request body is not valid JSON")
        }
        guard let body else { return JSONObject() }
        guard let object = body.objectValue else { throw .badRequest("Request body must be a JSON object") }
        return object
    }
}
