/// Where the server listens and the limits it enforces on clients.
public struct HTTPServerConfiguration: Sendable {
    /// An IPv4 literal, `"0.0.0.0"` for every interface, or `"localhost"` (127.0.0.1).
    public var host: String = "127.0.0.1"
    /// The TCP port; 0 lets the system pick a free one (see `HTTPServer.start()`).
    public var port: Int = 8080
    /// The longest request line accepted, without its line ending; longer gets 414.
    public var maxRequestLineBytes = 8192
    /// The largest header block accepted (every field line with its line ending); larger gets 431.
    public var maxHeaderBytes = 64 * 1024
    /// The most header fields accepted in one request; more gets 431.
    public var maxHeaderCount = 100
    /// The largest request body accepted, declared by Content-Length or summed over chunks; larger gets 413.
    public var maxBodyBytes = 10 * 1024 * 1024
    /// Seconds from the first byte of a request until its head is complete; then 408 and close.
    public var headerReadTimeout: Double = 10
    /// Seconds from the end of a request head until its body is complete; then 408 and close.
    public var bodyReadTimeout: Double = 30
    /// Seconds a connection may sit with no request in progress (and a blocked response may wait
    /// for the client to read) before it is closed.
    public var idleTimeout: Double = 60
    /// Connections served at once; connections beyond this get 503 and are closed at once.
    public var maxConnections = 4096
    /// Event loop threads serving connections: nil means one per core, and fewer than 1 means 1.
    /// Each connection stays on one loop, and a slow responder delays the other connections of its loop.
    public var eventLoopCount: Int? = nil

    public init() {}
}
