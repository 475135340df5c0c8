/// Why a request could not be parsed, and the status the server answers with before closing.
/// After any of these the byte stream can no longer be trusted to find the next request
/// (RFC 9112 §9.3 relies on exact framing), so the connection is always closed.
enum RequestParseError: Error, Equatable, Sendable {
    case requestLineTooLong
    case headerBlockTooLarge
    case tooManyHeaders
    case bodyTooLarge
    case malformedRequestLine
    case malformedHeader
    case invalidHeaderName
    case obsoleteLineFolding
    case invalidContentLength
    case conflictingContentLengths
    case contentLengthWithTransferEncoding
    case transferEncodingNotChunked
    case unsupportedTransferCoding
    case transferEncodingInHTTP10
    case malformedChunk
    case unsupportedVersion
    case missingHost
    case duplicateHost
    case invalidHost

    /// The response status for this error.
    var status: Int {
        switch self {
        case .requestLineTooLong: return 414
        case .headerBlockTooLarge, .tooManyHeaders: return 431
        case .bodyTooLarge: return 413
        case .unsupportedTransferCoding: return 501  // RFC 9112 §6.1: a coding we do not understand
        case .unsupportedVersion: return 505
        case .malformedRequestLine, .malformedHeader, .invalidHeaderName, .obsoleteLineFolding,
             .invalidContentLength, .conflictingContentLengths, .contentLengthWithTransferEncoding,
             .transferEncodingNotChunked, .transferEncodingInHTTP10, .malformedChunk,
             .missingHost, .duplicateHost, .invalidHost:
            return 400
        }
    }

    /// A one-line explanation for the plain-text body of the error response.
    var explanation: String {
        switch self {
        case .requestLineTooLong: return "Request line too long"
        case .headerBlockTooLarge: return "Request header block too large"
        case .tooManyHeaders: return "Too many request header fields"
        case .bodyTooLarge: return "Request body too large"
        case .malformedRequestLine: return "Malformed request line"
        case .malformedHeader: return "Malformed header field"
        case .invalidHeaderName: return "Invalid header field name"
        case .obsoleteLineFolding: return "Obsolete line folding is not accepted"
        case .invalidContentLength: return "Invalid Content-Length"
        case .conflictingContentLengths: return "Conflicting Content-Length values"
        case .contentLengthWithTransferEncoding: return "Content-Length together with Transfer-Encoding"
        case .transferEncodingNotChunked: return "Transfer-Encoding must end with chunked"
        case .unsupportedTransferCoding: return "Unsupported transfer coding"
        case .transferEncodingInHTTP10: return "Transfer-Encoding is not allowed in HTTP/1.0"
        case .malformedChunk: return "Malformed chunked body"
        case .unsupportedVersion: return "HTTP version not supported"
        case .missingHost: return "Missing Host header field"
        case .duplicateHost: return "More than one Host header field"
        case .invalidHost: return "Invalid Host header field"
        }
    }
}
