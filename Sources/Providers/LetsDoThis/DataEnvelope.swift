import Emulation

/// Let's Do This's success bodies, written from items already encoded as JSON, with Fastify's
/// `application/json; charset=utf-8`.
enum DataEnvelope {
    /// `{"data": [items…]}`, and `"page": {…}` after it for the paginated lists (spec §4.1).
    static func response(_ items: [[UInt8]], page: JSONValue? = nil) -> HTTPResponse {
        var bytes: [UInt8] = Array(#"{"data":["#.utf8)
        bytes.reserveCapacity(items.reduce(64) { $0 + $1.count + 1 })
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: item)
        }
        bytes.append(UInt8(ascii: "]"))
        if let page {
            bytes.append(contentsOf: Array(#","page":"#.utf8))
            bytes.append(contentsOf: JSONWriter.encode(page))
        }
        bytes.append(UInt8(ascii: "}"))
        return object(bytes)
    }

    /// One object, already encoded.
    static func object(_ bytes: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "application/json; charset=utf-8")]), body: bytes)
    }
}
