/// A response to send. The server completes it on the way out: see `ResponseEncoder` for the
/// fields it adds (`Content-Length`, `Date`, `Connection`) and the bodies it suppresses.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

extension HTTPResponse {
    /// A short plain-text response, used for the errors the server answers on its own.
    static func plainText(status: Int, _ message: String) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: ["Content-Type": "text/plain; charset=utf-8"],
            body: Array((message + "\n").utf8)
        )
    }
}
