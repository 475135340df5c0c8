import HTTPServer

/// Why a request body could not be read as JSON. Providers render it in their own error dialect.
public enum JSONBodyError: Error, Sendable {
    case malformed(JSONParseError)
}

extension HTTPRequest {
    /// The media type of the body (`application/json`), lower-cased, without parameters.
    public var mediaType: String? {
        guard let contentType = headers["Content-Type"] else { return nil }
        let type = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return type.trimmingWhitespace().lowercased()
    }

    /// The body parsed as JSON; nil when the body is empty or only whitespace.
    public func jsonBody() throws(JSONBodyError) -> JSONValue? {
        guard body.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return nil }
        do {
            return try JSONParser.parse(body)
        } catch {
            throw .malformed(error)
        }
    }
}
