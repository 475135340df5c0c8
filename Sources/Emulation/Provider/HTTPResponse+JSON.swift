import HTTPServer

extension HTTPResponse {
    /// A JSON response with the body encoded in the value's key order.
    public static func json(
        _ value: JSONValue, status: Int = 200, contentType: String = "application/json; charset=utf-8",
        headers extraHeaders: [(String, String)] = []
    ) -> HTTPResponse {
        var headers = HTTPHeaders([("Content-Type", contentType)])
        for (name, value) in extraHeaders { headers.add(name, value) }
        return HTTPResponse(status: status, headers: headers, body: JSONWriter.encode(value))
    }

    /// A JSON response written field by field with a `JSONBuilder` (large or hot bodies).
    public static func json(
        status: Int = 200, contentType: String = "application/json; charset=utf-8",
        _ build: (inout JSONBuilder) throws -> Void
    ) rethrows -> HTTPResponse {
        var builder = JSONBuilder()
        try build(&builder)
        return HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", contentType)]), body: builder.takeBytes())
    }

    /// A response with a text body (HTML error pages, plain text).
    public static func text(_ text: String, status: Int, contentType: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", contentType)]), body: Array(text.utf8))
    }

    /// A response with no body (204, or a 201 with only a Location).
    public static func empty(status: Int = 204, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders(headers))
    }
}
