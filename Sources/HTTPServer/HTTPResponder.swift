/// The application behind the server: turns each complete request into a response.
public protocol HTTPResponder: Sendable {
    /// Called on a Dispatch worker for each complete request, in order per connection.
    ///
    /// It runs on the connection's serial queue, so a slow responder delays only its own
    /// connection; other connections keep being served by other workers.
    /// For `HEAD` it should return what it would for `GET`; the server drops the body.
    func respond(to request: HTTPRequest) -> HTTPResponse
}
