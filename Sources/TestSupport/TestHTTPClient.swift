/// A response as a test reads it.
public typealias TestResponse = RawResponse

extension RawResponse {
    /// The body as UTF-8 text.
    public var text: String { bodyText }
}

/// One request per connection (`Connection: close`) over `RawSocketClient`, for tests that
/// want an ordinary client rather than exact bytes.
public enum TestHTTPClient {
    public static func send(
        port: Int, method: String, target: String, headers: [(String, String)] = [], body: [UInt8]? = nil
    ) throws -> TestResponse {
        let client = try RawSocketClient.connect(port: port, timeout: 10)
        defer { client.close() }
        var head = "\(method) \(target) HTTP/1.1\r\n"
        // A caller's own Host replaces the default one (tests of routing by host name need that).
        if !headers.contains(where: { $0.0.lowercased() == "host" }) { head += "Host: 127.0.0.1:\(port)\r\n" }
        head += "Connection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        try client.send(Array(head.utf8) + (body ?? []))
        return try client.readResponse(isResponseToHEAD: method == "HEAD")
    }
}
