import HTTPServer

/// An error that already knows the response it stands for, in its provider's dialect.
/// Handlers throw these (401s, 404s, validation failures); the framework sends `response`.
public protocol ResponseError: Error {
    var response: HTTPResponse { get }
}
