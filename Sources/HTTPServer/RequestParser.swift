/// An incremental HTTP/1.1 request parser (RFC 9112): bytes go in as they arrive, in chunks of
/// any size, and complete requests come out in order. It knows nothing of sockets or time.
///
/// Each byte is examined a bounded number of times however the input is split: the search for
/// the next line ending resumes where the previous search stopped.
///
/// Leniencies, each one the RFC allows:
/// - A bare LF ends a line like CRLF does (RFC 9112 §2.2).
/// - One empty line before a request line is ignored (RFC 9112 §2.2).
/// - Repeated identical Content-Length values, as fields or as a list, count once (RFC 9110 §8.6).
/// - Chunk extensions and trailer fields are checked for syntax, then discarded (RFC 9112 §7.1.1, §7.1.2).
///
/// Bytes that cannot begin a request line (a TLS handshake, binary garbage) are refused as soon
/// as they arrive, without waiting for a line ending that may never come.
struct RequestParser {
    struct Limits: Sendable {
        var maxRequestLineBytes: Int
        var maxHeaderBytes: Int
        var maxHeaderCount: Int
        var maxBodyBytes: Int

        init(maxRequestLineBytes: Int, maxHeaderBytes: Int, maxHeaderCount: Int, maxBodyBytes: Int) {
            self.maxRequestLineBytes = maxRequestLineBytes
            self.maxHeaderBytes = maxHeaderBytes
            self.maxHeaderCount = maxHeaderCount
            self.maxBodyBytes = maxBodyBytes
        }

        init(_ configuration: HTTPServerConfiguration) {
            self.init(
                maxRequestLineBytes: configuration.maxRequestLineBytes,
                maxHeaderBytes: configuration.maxHeaderBytes,
                maxHeaderCount: configuration.maxHeaderCount,
                maxBodyBytes: configuration.maxBodyBytes
            )
        }
    }

    /// How far the current request has got; the connection chooses its timeout from this.
    enum Progress: Equatable {
        /// Between requests: nothing of the next one has arrived.
        case idle
        /// Part of a request line or header block has arrived.
        case head
        /// The head is complete and the body is still arriving.
        case body
    }

    /// A complete request, and whether its sender allows the connection to stay open after it.
    struct ParsedRequest {
        var request: HTTPRequest
        var keepAlive: Bool
    }

    private enum State {
        case requestLine
        case headerLine
        case fixedLengthBody(remaining: Int)
        case chunkSizeLine
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailerLine
        case failed(RequestParseError)
    }

    /// A chunk-size line is a hex number and optional extensions; nothing legitimate needs more.
    static let maxChunkSizeLineBytes = 4096
    /// A hex size of 16 digits could overflow `Int`; 15 digits is already far past any body limit.
    private static let maxChunkSizeDigits = 15

    private let limits: Limits
    private var buffer: [UInt8] = []
    /// The first byte not yet consumed.
    private var position = 0
    /// Where the search for the next line feed resumes; the bytes between `position` and here
    /// are known to contain none.
    private var scanPosition = 0
    private var state = State.requestLine
    private var head = PendingHead()
    private var body: [UInt8] = []

    init(limits: Limits) {
        self.limits = limits
    }

    /// Adds bytes received from the client. Call `next()` afterwards to take out what they complete.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if case .failed = state { return }
        discardConsumedBytes()
        buffer.append(contentsOf: bytes)
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// The next complete request, or nil when more bytes are needed.
    /// Once it has thrown, it throws the same error on every later call.
    mutating func next() throws(RequestParseError) -> ParsedRequest? {
        while true {
            switch state {
            case .failed(let error):
                throw error

            case .requestLine:
                let uncheckedFrom = scanPosition
                guard let line = try nextLine(maxContentLength: limits.maxRequestLineBytes, whenTooLong: .requestLineTooLong) else {
                    try checkPartialMethod(from: uncheckedFrom)
                    return nil
                }
                if line.isEmpty && !head.skippedEmptyLine {
                    head.skippedEmptyLine = true  // RFC 9112 §2.2: ignore at least one empty line
                    continue
                }
                try parseRequestLine(line)
                state = .headerLine

            case .headerLine:
                let budget = max(0, limits.maxHeaderBytes - head.headerBytes - 2)
                guard let line = try nextLine(maxContentLength: budget, whenTooLong: .headerBlockTooLarge) else {
                    return nil
                }
                if line.isEmpty {
                    if let request = try finishHead() { return request }
                    continue
                }
                head.headerBytes += line.count + 2
                head.fieldCount += 1
                guard head.fieldCount <= limits.maxHeaderCount else { throw fail(.tooManyHeaders) }
                try addHeaderField(line)

            case .fixedLengthBody(let remaining):
                let taken = takeBodyBytes(upTo: remaining)
                if taken == remaining { return completeRequest() }
                state = .fixedLengthBody(remaining: remaining - taken)
                return nil

            case .chunkSizeLine:
                guard let line = try nextLine(maxContentLength: Self.maxChunkSizeLineBytes, whenTooLong: .malformedChunk) else {
                    return nil
                }
                let size = try parseChunkSize(line)
                if size == 0 {
                    state = .trailerLine
                    continue
                }
                guard size <= limits.maxBodyBytes - body.count else { throw fail(.bodyTooLarge) }
                state = .chunkData(remaining: size)

            case .chunkData(let remaining):
                let taken = takeBodyBytes(upTo: remaining)
                guard taken == remaining else {
                    state = .chunkData(remaining: remaining - taken)
                    return nil
                }
                state = .chunkDataEnd

            case .chunkDataEnd:
                // The CRLF that closes chunk-data (RFC 9112 §7.1); a bare LF is accepted as elsewhere.
                guard position < buffer.count else { return nil }
                if buffer[position] == ASCII.lineFeed {
                    consume(1)
                } else if buffer[position] == ASCII.carriageReturn {
                    guard position + 1 < buffer.count else { return nil }
                    guard buffer[position + 1] == ASCII.lineFeed else { throw fail(.malformedChunk) }
                    consume(2)
                } else {
                    throw fail(.malformedChunk)
                }
                state = .chunkSizeLine

            case .trailerLine:
                let budget = max(0, limits.maxHeaderBytes - head.trailerBytes - 2)
                guard let line = try nextLine(maxContentLength: budget, whenTooLong: .headerBlockTooLarge) else {
                    return nil
                }
                if line.isEmpty { return completeRequest() }
                head.trailerBytes += line.count + 2
                head.trailerCount += 1
                guard head.trailerCount <= limits.maxHeaderCount else { throw fail(.tooManyHeaders) }
                // RFC 9110 §6.5.1: trailer fields may be discarded; they are only checked for syntax.
                _ = try parseFieldLine(line)
            }
        }
    }

    /// Where the current request stands, for choosing a timeout.
    var progress: Progress {
        switch state {
        case .requestLine: return position == buffer.count ? .idle : .head
        case .headerLine: return .head
        case .fixedLengthBody, .chunkSizeLine, .chunkData, .chunkDataEnd, .trailerLine: return .body
        case .failed: return .idle
        }
    }

    /// Whether the client is waiting for `100 Continue` before it sends the body
    /// (RFC 9110 §10.1.1): the head asked for it and no byte of the body has arrived yet.
    var isAwaitingContinue: Bool {
        guard head.expectsContinue, !head.continueSent, progress == .body else { return false }
        return body.isEmpty && position == buffer.count
    }

    /// Records that `100 Continue` went out, so it is sent at most once per request.
    mutating func continueWasSent() {
        head.continueSent = true
    }

    // MARK: - Lines

    /// The content of the next complete line (without its line ending), consuming it; nil when
    /// no line ending has arrived yet. Throws `error` as soon as the content is known to exceed
    /// `maxContentLength`, without waiting for the line to end.
    private mutating func nextLine(maxContentLength: Int, whenTooLong error: RequestParseError) throws(RequestParseError) -> Range<Int>? {
        guard let lineFeed = firstIndex(of: ASCII.lineFeed, in: scanPosition..<buffer.count) else {
            scanPosition = buffer.count
            // One byte of slack: the last byte may be the CR of a CRLF.
            if buffer.count - position > maxContentLength + 1 { throw fail(error) }
            return nil
        }
        var contentEnd = lineFeed
        if contentEnd > position && buffer[contentEnd - 1] == ASCII.carriageReturn {
            contentEnd -= 1
        }
        let content = position..<contentEnd
        guard content.count <= maxContentLength else { throw fail(error) }
        consume(lineFeed + 1 - position)
        return content
    }

    // MARK: - Request line (RFC 9112 §3)

    /// Fails at once when the bytes of an unfinished request line cannot start one: a method is
    /// a token, so anything else before the first space (a TLS record, a NUL) is refused now
    /// rather than by the header timeout. Only bytes not checked before are looked at.
    private mutating func checkPartialMethod(from start: Int) throws(RequestParseError) {
        guard !head.methodEnded else { return }
        var index = max(start, position)
        while index < buffer.count {
            let byte = buffer[index]
            if byte == ASCII.space {
                head.methodEnded = true
                return
            }
            // A CR first may be the start of the empty line allowed before a request.
            let isLeadingCR = byte == ASCII.carriageReturn && index == position
            guard ASCII.isTokenCharacter(byte) || isLeadingCR else { throw fail(.malformedRequestLine) }
            index += 1
        }
    }

    /// `method SP request-target SP HTTP-version`, with exactly one space between parts:
    /// RFC 9112 §3 allows lenient whitespace parsing but it invites request smuggling.
    private mutating func parseRequestLine(_ line: Range<Int>) throws(RequestParseError) {
        guard let firstSpace = firstIndex(of: ASCII.space, in: line),
              let secondSpace = firstIndex(of: ASCII.space, in: (firstSpace + 1)..<line.upperBound)
        else { throw fail(.malformedRequestLine) }

        let method = line.lowerBound..<firstSpace
        let target = (firstSpace + 1)..<secondSpace
        let version = (secondSpace + 1)..<line.upperBound
        guard !method.isEmpty, allBytes(in: method, are: ASCII.isTokenCharacter) else {
            throw fail(.malformedRequestLine)
        }
        // No whitespace or control characters; bytes above 0x7F are tolerated (some clients
        // send UTF-8 unencoded) and reach the responder as UTF-8.
        guard !target.isEmpty, allBytes(in: target, are: { $0 > ASCII.space && $0 != 0x7F }) else {
            throw fail(.malformedRequestLine)
        }
        head.version = try parseVersion(version)
        head.method = string(method)
        head.target = string(target)
        if buffer[target.lowerBound] == ASCII.slash {
            // Origin-form, the usual case, is split here without copying the target again
            // when there is no query.
            if let questionMark = firstIndex(of: ASCII.questionMark, in: target) {
                head.path = string(target.lowerBound..<questionMark)
                head.query = string((questionMark + 1)..<target.upperBound)
            } else {
                head.path = head.target
            }
        } else {
            (head.path, head.query) = RequestTarget.split(head.target)
        }
        head.headers.reserveCapacity(8)
    }

    /// `HTTP-version = "HTTP/" DIGIT "." DIGIT` (RFC 9112 §2.3); anything else is malformed (400),
    /// a well-formed version other than 1.0 or 1.1 is refused with 505 (RFC 9110 §15.6.6).
    private mutating func parseVersion(_ range: Range<Int>) throws(RequestParseError) -> HTTPVersion {
        let start = range.lowerBound
        guard range.count == 8, matches(start..<(start + 5), "HTTP/"), buffer[start + 6] == ASCII.period,
              let major = decimalDigit(buffer[start + 5]),
              let minor = decimalDigit(buffer[start + 7])
        else { throw fail(.malformedRequestLine) }
        guard major == 1, minor == 0 || minor == 1 else { throw fail(.unsupportedVersion) }
        return minor == 1 ? .http1_1 : .http1_0
    }

    private func decimalDigit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    // MARK: - Header fields (RFC 9112 §5)

    /// `field-name ":" OWS field-value OWS`: the ranges of the name and of the trimmed value.
    private mutating func parseFieldLine(_ line: Range<Int>) throws(RequestParseError) -> (name: Range<Int>, value: Range<Int>) {
        // RFC 9112 §5.2: a line starting with whitespace continues the previous one (obs-fold);
        // we reject it rather than guess how the sender meant it to be joined.
        if ASCII.isWhitespace(buffer[line.lowerBound]) { throw fail(.obsoleteLineFolding) }
        guard let colon = firstIndex(of: ASCII.colon, in: line) else { throw fail(.malformedHeader) }

        // RFC 9112 §5.1: no whitespace is allowed between the name and the colon; the token
        // check rejects it along with every other non-token byte.
        let name = line.lowerBound..<colon
        guard !name.isEmpty, allBytes(in: name, are: ASCII.isTokenCharacter) else { throw fail(.invalidHeaderName) }

        var valueStart = colon + 1
        var valueEnd = line.upperBound
        while valueStart < valueEnd && ASCII.isWhitespace(buffer[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart && ASCII.isWhitespace(buffer[valueEnd - 1]) { valueEnd -= 1 }
        let value = valueStart..<valueEnd
        // RFC 9110 §5.5: CR, LF, NUL and other controls are never part of a value.
        guard allBytes(in: value, are: ASCII.isFieldValueCharacter) else { throw fail(.malformedHeader) }
        return (name, value)
    }

    private mutating func addHeaderField(_ line: Range<Int>) throws(RequestParseError) {
        let field = try parseFieldLine(line)
        try noteFramingField(name: field.name, value: field.value)
        head.headers.add(string(field.name), string(field.value))
    }

    /// Records the fields that decide how the message is framed and whether the connection persists.
    private mutating func noteFramingField(name: Range<Int>, value: Range<Int>) throws(RequestParseError) {
        if matches(name, "content-length", ignoringCase: true) {
            try noteContentLength(value)
        } else if matches(name, "transfer-encoding", ignoringCase: true) {
            noteTransferEncoding(value)
        } else if matches(name, "connection", ignoringCase: true) {
            for option in listElements(value) {
                if matches(option, "close", ignoringCase: true) { head.connectionClose = true }
                if matches(option, "keep-alive", ignoringCase: true) { head.connectionKeepAlive = true }
            }
        } else if matches(name, "host", ignoringCase: true) {
            // RFC 9112 §3.2: more than one Host, or an invalid one, is a 400.
            guard !head.hasHost else { throw fail(.duplicateHost) }
            head.hasHost = true
            let valid = buffer.withUnsafeBufferPointer { HostField.isValid(UnsafeBufferPointer(rebasing: $0[value])) }
            guard valid else { throw fail(.invalidHost) }
        } else if matches(name, "expect", ignoringCase: true) {
            // RFC 9110 §10.1.1: an HTTP/1.0 client cannot understand 100, so its expectation is ignored.
            if head.version == .http1_1 && matches(value, "100-continue", ignoringCase: true) {
                head.expectsContinue = true
            }
        }
    }

    /// `Content-Length = 1*DIGIT` (RFC 9110 §8.6). A list or repeated field is accepted only when
    /// every value is the same; differing values could frame the message two ways (RFC 9112 §6.3).
    private mutating func noteContentLength(_ value: Range<Int>) throws(RequestParseError) {
        for element in listElements(value, keepingEmpty: true) {
            guard !element.isEmpty else { throw fail(.invalidContentLength) }
            var length = 0
            for index in element {
                guard let digit = decimalDigit(buffer[index]) else { throw fail(.invalidContentLength) }
                // Saturate instead of overflowing: such a length is over any body limit anyway.
                length = length > (Int.max - digit) / 10 ? Int.max : length * 10 + digit
            }
            if let known = head.contentLength, known != length { throw fail(.conflictingContentLengths) }
            head.contentLength = length
        }
    }

    /// Transfer codings in the order they were applied (RFC 9112 §6.1), possibly over several fields.
    private mutating func noteTransferEncoding(_ value: Range<Int>) {
        head.hasTransferEncoding = true
        for element in listElements(value) {
            // A coding may carry parameters (`gzip;q=1`); only its name matters here.
            var nameEnd = element.lowerBound
            while nameEnd < element.upperBound && buffer[nameEnd] != ASCII.semicolon && !ASCII.isWhitespace(buffer[nameEnd]) {
                nameEnd += 1
            }
            if matches(element.lowerBound..<nameEnd, "chunked", ignoringCase: true) {
                head.chunkedCodingCount += 1
                head.lastCodingIsChunked = true
            } else {
                head.hasOtherCoding = true
                head.lastCodingIsChunked = false
            }
        }
    }

    /// The comma-separated elements of a field value, trimmed of whitespace (RFC 9110 §5.6.1).
    /// Empty elements are skipped unless `keepingEmpty`, for fields where they are an error.
    private func listElements(_ value: Range<Int>, keepingEmpty: Bool = false) -> [Range<Int>] {
        var elements: [Range<Int>] = []
        var start = value.lowerBound
        while start <= value.upperBound {
            let end = firstIndex(of: ASCII.comma, in: start..<value.upperBound) ?? value.upperBound
            var trimmedStart = start
            var trimmedEnd = end
            while trimmedStart < trimmedEnd && ASCII.isWhitespace(buffer[trimmedStart]) { trimmedStart += 1 }
            while trimmedEnd > trimmedStart && ASCII.isWhitespace(buffer[trimmedEnd - 1]) { trimmedEnd -= 1 }
            if keepingEmpty || trimmedStart < trimmedEnd { elements.append(trimmedStart..<trimmedEnd) }
            start = end + 1
        }
        return elements
    }

    // MARK: - Framing (RFC 9112 §6.3)

    /// Decides how the body is delimited once the head is complete; returns the request at once
    /// when it has no body.
    private mutating func finishHead() throws(RequestParseError) -> ParsedRequest? {
        try checkFraming()
        // RFC 9112 §3.2: an HTTP/1.1 request must name its host (HTTP/1.0 predates the rule).
        guard head.hasHost || head.version == .http1_0 else { throw fail(.missingHost) }
        if head.hasTransferEncoding {
            state = .chunkSizeLine
            return nil
        }
        guard let length = head.contentLength, length > 0 else {
            return completeRequest()
        }
        // Reserve only part of a large declared length: the client has not proven it will send it.
        body.reserveCapacity(min(length, 64 * 1024))
        state = .fixedLengthBody(remaining: length)
        return nil
    }

    /// Refuses framing that is faulty or ambiguous.
    private mutating func checkFraming() throws(RequestParseError) {
        if head.hasTransferEncoding {
            // §6.1: in HTTP/1.0 the framing is faulty; §6.3: with Content-Length too, it is a
            // smuggling attempt or worse; either way we refuse rather than pick one.
            guard head.version == .http1_1 else { throw fail(.transferEncodingInHTTP10) }
            guard head.contentLength == nil else { throw fail(.contentLengthWithTransferEncoding) }
            // §6.3: the length is only knowable when chunked is applied once, as the final coding.
            guard head.lastCodingIsChunked, head.chunkedCodingCount == 1 else { throw fail(.transferEncodingNotChunked) }
            guard !head.hasOtherCoding else { throw fail(.unsupportedTransferCoding) }
        } else if let length = head.contentLength, length > limits.maxBodyBytes {
            throw fail(.bodyTooLarge)
        }
    }

    // MARK: - Body (RFC 9112 §6, §7.1)

    /// Moves up to `limit` buffered bytes into the body; returns how many it moved.
    private mutating func takeBodyBytes(upTo limit: Int) -> Int {
        let count = min(limit, buffer.count - position)
        if count > 0 {
            buffer.withUnsafeBufferPointer { bytes in
                body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<(position + count)]))
            }
            consume(count)
        }
        return count
    }

    /// `chunk-size [ chunk-ext ]`: the hex size; extensions are checked for stray control
    /// characters and otherwise ignored (RFC 9112 §7.1.1).
    private mutating func parseChunkSize(_ line: Range<Int>) throws(RequestParseError) -> Int {
        var index = line.lowerBound
        var size = 0
        while index < line.upperBound, let digit = ASCII.hexDigitValue(buffer[index]) {
            guard index - line.lowerBound < Self.maxChunkSizeDigits else { throw fail(.malformedChunk) }
            size = size * 16 + digit
            index += 1
        }
        guard index > line.lowerBound else { throw fail(.malformedChunk) }
        while index < line.upperBound && ASCII.isWhitespace(buffer[index]) { index += 1 }
        if index < line.upperBound {
            guard buffer[index] == ASCII.semicolon,
                  allBytes(in: index..<line.upperBound, are: ASCII.isFieldValueCharacter)
            else { throw fail(.malformedChunk) }
        }
        return size
    }

    // MARK: - Bookkeeping

    private mutating func completeRequest() -> ParsedRequest {
        let request = HTTPRequest(
            method: head.method, target: head.target, path: head.path, query: head.query,
            version: head.version, headers: head.headers, body: body
        )
        // RFC 9112 §9.3: HTTP/1.1 persists unless "close"; HTTP/1.0 only with "keep-alive".
        let keepAlive = head.version == .http1_1
            ? !head.connectionClose
            : head.connectionKeepAlive && !head.connectionClose
        head = PendingHead()
        body = []
        state = .requestLine
        return ParsedRequest(request: request, keepAlive: keepAlive)
    }

    private mutating func consume(_ count: Int) {
        position += count
        scanPosition = max(scanPosition, position)
    }

    private mutating func fail(_ error: RequestParseError) -> RequestParseError {
        state = .failed(error)
        buffer = []
        position = 0
        scanPosition = 0
        return error
    }

    // MARK: - Byte access
    //
    // Loops over indices rather than slices of `buffer`: a slice retains the array, and these
    // run for every line of every request.

    private func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            var index = range.lowerBound
            while index < range.upperBound {
                if bytes[index] == byte { return index }
                index += 1
            }
            return nil
        }
    }

    private func allBytes(in range: Range<Int>, are predicate: (UInt8) -> Bool) -> Bool {
        buffer.withUnsafeBufferPointer { bytes in
            for index in range where !predicate(bytes[index]) { return false }
            return true
        }
    }

    /// Whether the bytes in `range` spell `expected`; with `ignoringCase`, `expected` must be lowercase.
    private func matches(_ range: Range<Int>, _ expected: StaticString, ignoringCase: Bool = false) -> Bool {
        guard range.count == expected.utf8CodeUnitCount else { return false }
        return buffer.withUnsafeBufferPointer { bytes in
            let expectedBytes = expected.utf8Start
            for offset in 0..<range.count {
                let byte = bytes[range.lowerBound + offset]
                if (ignoringCase ? ASCII.lowercased(byte) : byte) != expectedBytes[offset] { return false }
            }
            return true
        }
    }

    /// The bytes in `range` as a string; invalid UTF-8 (obs-text) becomes U+FFFD.
    private func string(_ range: Range<Int>) -> String {
        buffer.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Drops consumed bytes so the buffer does not grow with the life of the connection.
    /// Shifting is deferred until the consumed part dominates, so pipelined input is not moved
    /// once per request.
    private mutating func discardConsumedBytes() {
        if position == buffer.count {
            if buffer.capacity > 256 * 1024 {
                buffer = []  // one large request should not pin its buffer for the connection's life
            } else {
                buffer.removeAll(keepingCapacity: true)
            }
            position = 0
            scanPosition = 0
        } else if position >= 4096 && position >= buffer.count / 2 {
            buffer.removeSubrange(..<position)
            scanPosition -= position
            position = 0
        }
    }
}

/// What is known of the request being parsed, before it is complete.
private struct PendingHead {
    var method = ""
    var target = ""
    var path = ""
    var query = ""
    var version = HTTPVersion.http1_1
    var headers = HTTPHeaders()
    var skippedEmptyLine = false
    /// Whether the first space of the request line has arrived (the method is complete).
    var methodEnded = false
    var hasHost = false
    var headerBytes = 0
    var fieldCount = 0
    var trailerBytes = 0
    var trailerCount = 0

    var contentLength: Int?
    var hasTransferEncoding = false
    var chunkedCodingCount = 0
    var lastCodingIsChunked = false
    var hasOtherCoding = false

    var connectionClose = false
    var connectionKeepAlive = false
    var expectsContinue = false
    var continueSent = false
}
