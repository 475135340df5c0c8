/// Serialises a response for the wire (RFC 9112 §4–§6), completing what the responder left out.
///
/// - The status line is always `HTTP/1.1` (RFC 9110 §2.5: a server sends its own version).
/// - `Content-Length` is added from the body, and replaces a responder's value when the body is
///   sent, so the framing is always right. For HEAD the responder's value is kept, or the length
///   of the GET body it returned is used (RFC 9110 §9.3.2). 1xx, 204 and 304 never carry one:
///   RFC 9110 §8.6 forbids it for 1xx and 204, and for 304 it is optional (§15.4.5) and only
///   ever describes a body that is not there, so it is dropped.
/// - 1xx, 204, 304 and responses to HEAD carry no body (RFC 9112 §6.3).
/// - `Date` is added unless set (RFC 9110 §6.6.1).
/// - The server owns `Connection`: a responder's `close` is honoured, then the field is
///   written once, at the end: `close` when closing, `keep-alive` for a persistent HTTP/1.0
///   connection (RFC 9112 §9.3), nothing otherwise.
/// - `Transfer-Encoding` from the responder is dropped: bodies are always sent whole.
/// - Fields with names that are not tokens are dropped, and CR, LF and NUL in values are
///   replaced by spaces, so a responder cannot split the response.
enum ResponseEncoder {
    struct Context {
        /// The request was HEAD: send the head only.
        var isResponseToHEAD: Bool
        /// Whether the server means to keep the connection open after this response.
        var keepAlive: Bool
        /// The client spoke HTTP/1.0, so persistence has to be announced.
        var isHTTP10: Bool
        /// The `Date` value to add when the responder set none.
        var date: String
    }

    /// Appends the encoded response to `buffer`, head and body together so they go out in one
    /// write. Returns whether the connection stays open afterwards: false when the context
    /// says so or the responder asked for `Connection: close`.
    @discardableResult
    static func encode(_ response: HTTPResponse, context: Context, into buffer: inout [UInt8]) -> Bool {
        let sendsBody = sendsBody(response, context: context)
        let keepAlive = encodeHead(response, context: context, reservingBody: sendsBody, into: &buffer)
        if sendsBody {
            buffer.append(contentsOf: response.body)
        }
        return keepAlive
    }

    /// Appends the encoded response to `output`: the head copied, the body (if sent) queued as
    /// the responder's array when large. Returns what `encode` returns.
    static func encode(_ response: HTTPResponse, context: Context, into output: inout OutputQueue) -> Bool {
        let sendsBody = sendsBody(response, context: context)
        let copiesBody = sendsBody && response.body.count < OutputQueue.separateBodyMinimum
        let keepAlive = output.append { encodeHead(response, context: context, reservingBody: copiesBody, into: &$0) }
        if sendsBody { output.append(body: response.body) }
        return keepAlive
    }

    /// Whether the body goes out: 1xx, 204, 304 and responses to HEAD carry none.
    private static func sendsBody(_ response: HTTPResponse, context: Context) -> Bool {
        allowsBody(status(of: response)) && !context.isResponseToHEAD
    }

    /// The status sent: the responder's, or 500 when it is not a three-digit code.
    private static func status(of response: HTTPResponse) -> Int {
        (100...999).contains(response.status) ? response.status : 500
    }

    /// Whether a response of `status` has a body at all (and so a `Content-Length`).
    private static func allowsBody(_ status: Int) -> Bool {
        !(100...199).contains(status) && status != 204 && status != 304
    }

    /// The status line and header fields, with the blank line that ends them; with room for the
    /// body after them when `reservingBody`.
    private static func encodeHead(
        _ response: HTTPResponse, context: Context, reservingBody: Bool, into buffer: inout [UInt8]
    ) -> Bool {
        let status = status(of: response)
        let bodyAllowed = allowsBody(status)
        let sendsBody = bodyAllowed && !context.isResponseToHEAD
        if buffer.isEmpty {
            buffer.reserveCapacity(256 + (reservingBody ? response.body.count : 0))
        }

        append("HTTP/1.1 ", to: &buffer)
        buffer.appendDecimal(UInt64(status))
        buffer.append(ASCII.space)
        append(ReasonPhrase.forStatus(status), to: &buffer)
        appendLineEnd(to: &buffer)

        var hasContentLength = false
        var hasDate = false
        var responderAsksClose = false
        for (name, value) in response.headers {
            guard !name.isEmpty, name.utf8.allSatisfy(ASCII.isTokenCharacter) else { continue }
            switch FieldKind(name) {
            case .connection:
                responderAsksClose = responderAsksClose || containsCloseOption(value)
                continue
            case .transferEncoding:
                continue
            case .contentLength:
                if !bodyAllowed { continue }
                hasContentLength = true
                if sendsBody {
                    appendContentLength(name: name, response.body.count, to: &buffer)
                    continue
                }
            case .date:
                hasDate = true
            case .other:
                break
            }
            appendResponderField(name, value, to: &buffer)
        }
        if !hasContentLength && bodyAllowed {
            appendContentLength(name: "Content-Length", response.body.count, to: &buffer)
        }
        if !hasDate {
            append("Date: ", to: &buffer)
            append(context.date, to: &buffer)
            appendLineEnd(to: &buffer)
        }
        let keepAlive = context.keepAlive && !responderAsksClose
        if !keepAlive {
            append("Connection: close\r\n", to: &buffer)
        } else if context.isHTTP10 {
            append("Connection: keep-alive\r\n", to: &buffer)
        }
        appendLineEnd(to: &buffer)
        return keepAlive
    }

    /// The fields the encoder treats specially, recognised case-insensitively.
    private enum FieldKind {
        case connection, contentLength, transferEncoding, date, other

        init(_ name: String) {
            switch name.utf8.count {
            case 10 where name.equalsIgnoringASCIICase("Connection"): self = .connection
            case 14 where name.equalsIgnoringASCIICase("Content-Length"): self = .contentLength
            case 17 where name.equalsIgnoringASCIICase("Transfer-Encoding"): self = .transferEncoding
            case 4 where name.equalsIgnoringASCIICase("Date"): self = .date
            default: self = .other
            }
        }
    }

    private static func containsCloseOption(_ value: String) -> Bool {
        value.utf8.split(separator: ASCII.comma).contains { option in
            ASCII.equalsIgnoringCase(ASCII.trimmingWhitespace(option), "close".utf8)
        }
    }

    /// A field from the responder, made safe: CR, LF and NUL in its value become spaces.
    private static func appendResponderField(_ name: String, _ value: String, to buffer: inout [UInt8]) {
        append(name, to: &buffer)
        buffer.append(ASCII.colon)
        buffer.append(ASCII.space)
        let valueStart = buffer.count
        append(value, to: &buffer)
        for index in valueStart..<buffer.count {
            let byte = buffer[index]
            if byte == ASCII.carriageReturn || byte == ASCII.lineFeed || byte == 0 {
                buffer[index] = ASCII.space
            }
        }
        appendLineEnd(to: &buffer)
    }

    private static func appendContentLength(name: String, _ length: Int, to buffer: inout [UInt8]) {
        append(name, to: &buffer)
        buffer.append(ASCII.colon)
        buffer.append(ASCII.space)
        buffer.appendDecimal(UInt64(length))
        appendLineEnd(to: &buffer)
    }

    @inline(__always)
    private static func append(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }  // one copy, not a byte-by-byte walk
    }

    @inline(__always)
    private static func appendLineEnd(to buffer: inout [UInt8]) {
        buffer.append(ASCII.carriageReturn)
        buffer.append(ASCII.lineFeed)
    }
}
