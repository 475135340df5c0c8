/// The application behind the server: turns each complete request into a response.
public protocol HTTPResponder: Sendable {
    /// Called for each complete request, in order per connection, on the event loop thread that
    /// owns the connection; calls for different connections may run in parallel on other loops.
    ///
    /// While it runs, that loop serves nothing else: a slow responder delays every connection of
    /// its loop (not those of other loops), so it should be quick, like the product's short SQLite
    /// reads and writes, and must never wait for another request to be served.
    /// For `HEAD` it should return what it would for `GET`; the server drops the body.
    func respond(to request: HTTPRequest) -> HTTPResponse
}
