import Emulation

/// Let's Do This's success bodies, written from items already encoded as JSON, with Fastify's
/// `application/json; charset=utf-8`.
enum DataEnvelope {
    /// `{"data": [items…]}`, and `"page": {…}` after it for the paginated lists (spec §4.1).
    static func response(_ items: [[UInt8]], page: JSONValue? = nil) -> HTTPResponse {
        .json { json in
            json.object { json in
                json.field("data", array: { json in
                    for item in items { json.encodedValue(item) }
                })
                if let page { json.field("page", page) }
            }
        }
    }

    /// One object, already encoded.
    static func object(_ bytes: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "application/json; charset=utf-8")]), body: bytes)
    }
}
