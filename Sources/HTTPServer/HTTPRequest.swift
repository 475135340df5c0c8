/// A complete request as received: the request line, the header fields and the whole body.
public struct HTTPRequest: Sendable {
    /// The method as sent, e.g. `GET`; methods are case-sensitive (RFC 9110 §9.1).
    public var method: String
    /// The raw request-target, e.g. `/a/b%20c?x=1` (RFC 9112 §3.2).
    public var target: String
    /// The target before the first `?`, still percent-encoded. For an absolute-form target
    /// (`http://host/p?q`, RFC 9112 §3.2.2) this is the path part only (`/p`).
    public var path: String
    /// The raw text after the first `?`, or `""` when there is none.
    public var query: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    /// The body with any chunked transfer coding removed.
    public var body: [UInt8]
    /// The address of the client that sent it; nil for a request that did not come over a socket.
    public var clientAddress: ClientAddress?

    public init(
        method: String,
        target: String,
        version: HTTPVersion = .http1_1,
        headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [],
        clientAddress: ClientAddress? = nil
    ) {
        let (path, query) = RequestTarget.split(target)
        self.init(method: method, target: target, path: path, query: query, version: version, headers: headers, body: body)
        self.clientAddress = clientAddress
    }

    init(
        method: String,
        target: String,
        path: String,
        query: String,
        version: HTTPVersion,
        headers: HTTPHeaders,
        body: [UInt8]
    ) {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.body = body
    }
}
