/// Why `RequestBody` could not read a body. Providers render each case in their own dialect; a
/// handler that lets one escape gets the provider's `errorResponse` with `status`.
public enum RequestBodyError: Error, Sendable, Equatable {
    /// The body was read as JSON and is not JSON.
    case malformedJSON(JSONParseError)
    /// The body is JSON but not an object, and the reading asked for one.
    case notAnObject
    /// The body was read as `multipart/form-data` and does not follow RFC 7578 / RFC 2046.
    case malformedMultipart(MultipartFormError)
    /// The Content-Type (nil: none was sent) names no encoding the reading accepts, and the
    /// reading has no fallback for it.
    case unsupportedMediaType(String?)

    /// The status a provider that has no rule of its own answers with.
    public var status: Int {
        if case .unsupportedMediaType = self { return 415 }
        return 400
    }

    public static func == (lhs: RequestBodyError, rhs: RequestBodyError) -> Bool {
        switch (lhs, rhs) {
        case (.malformedJSON(let left), .malformedJSON(let right)):
            return left.message == right.message && left.offset == right.offset
        case (.notAnObject, .notAnObject): return true
        case (.malformedMultipart(let left), .malformedMultipart(let right)): return left == right
        case (.unsupportedMediaType(let left), .unsupportedMediaType(let right)): return left == right
        default: return false
        }
    }
}

/// What is wrong with a `multipart/form-data` body, as precisely as a test wants to assert it.
public enum MultipartFormError: Error, Sendable, Equatable {
    /// The Content-Type has no `boundary` parameter.
    case missingBoundary
    /// The boundary is longer than 70 characters or holds a line break (RFC 2046 §5.1.1).
    case invalidBoundary
    /// No `--boundary` line opens the first part.
    case missingOpeningDelimiter
    /// The body ends before a `--boundary--` line closes the last part.
    case missingClosingDelimiter
    /// A `--boundary` line is followed by something other than padding and CRLF or `--`.
    case malformedDelimiter
    /// A part's header block is not `Name: value` lines ended by an empty line, or is too large.
    case malformedPartHeaders
    /// A part has no `Content-Disposition: form-data` header with a `name` (RFC 7578 §4.2).
    case missingFieldName
    /// More parts than the reading allows.
    case tooManyParts(limit: Int)
}
