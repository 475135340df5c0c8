import Emulation

/// Request bodies as Fastify's content-type parsers read them (spec §5.3).
enum RequestBody {
    static let emptyJSON = LetsDoThisError(
        status: 400, code: "FST_ERR_CTP_EMPTY_JSON_BODY",
        message: "Body cannot be empty when content-type is set to 'application/json'")
    static let invalidJSON = LetsDoThisError(
        status: 400, code: "FST_ERR_CTP_INVALID_JSON_BODY",
        message: "Body is not valid JSON but content-type is set to 'application/json'")
    static let mustBeObject = LetsDoThisError.validation("body must be object")

    /// The body as a JSON object, or the error Fastify answers: 415 for a media type it has no
    /// parser for, 400 for empty or malformed JSON, and the schema's `body must be object` for
    /// anything else (no body, a `text/plain` string, a JSON array or scalar).
    static func object(of request: ProviderRequest) throws -> JSONObject {
        let http = request.http
        let hasBody = !http.body.isEmpty
        guard let contentType = http.headers["Content-Type"] else {
            // Without a Content-Type there is nothing to parse: an empty body is no body.
            if hasBody { throw unsupported("undefined") }
            throw mustBeObject
        }
        switch http.mediaType {
        case "application/json":
            guard hasBody else { throw emptyJSON }
            // Malformed JSON throws `JSONBodyError`, which `LetsDoThisErrors.response` answers with `invalidJSON`.
            let value = try http.jsonBody()
            guard let object = value?.objectValue else { throw value == nil ? invalidJSON : mustBeObject }
            return object
        case "text/plain":
            throw mustBeObject
        default:
            throw unsupported(contentType)
        }
    }

    private static func unsupported(_ contentType: String) -> LetsDoThisError {
        LetsDoThisError(status: 415, code: "FST_ERR_CTP_INVALID_MEDIA_TYPE", message: "Unsupported Media Type: \(contentType)")
    }
}
