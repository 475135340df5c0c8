import Testing
@testable import HTTPServer

private let defaultLimits = RequestParser.Limits(HTTPServerConfiguration())

/// Feeds `text` in pieces of `chunkSize` bytes and collects every complete request.
private func parse(
    _ text: String,
    chunkSize: Int = .max,
    limits: RequestParser.Limits = defaultLimits
) throws(RequestParseError) -> [RequestParser.ParsedRequest] {
    var parser = RequestParser(limits: limits)
    var requests: [RequestParser.ParsedRequest] = []
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let end = offset + min(chunkSize, bytes.count - offset)
        parser.append(Array(bytes[offset..<end]))
        offset = end
        while let request = try parser.next() {
            requests.append(request)
        }
    }
    return requests
}

private func parseError(_ text: String, limits: RequestParser.Limits = defaultLimits) -> RequestParseError? {
    do {
        _ = try parse(text, limits: limits)
        return nil
    } catch {
        return error
    }
}

private func bodyText(_ request: RequestParser.ParsedRequest) -> String {
    String(decoding: request.request.body, as: UTF8.self)
}

@Suite("RequestParser")
struct RequestParserTests {
    @Test func parsesRequestLineAndHeadersInOrder() throws {
        let requests = try parse("GET /a/b%20c?x=1&y=2?z HTTP/1.1\r\nHost: example.test\r\nAccept:  */* \r\nX-Dup: 1\r\nx-dup: 2\r\n\r\n")
        try #require(requests.count == 1)
        let request = requests[0].request
        #expect(request.method == "GET")
        #expect(request.target == "/a/b%20c?x=1&y=2?z")
        #expect(request.path == "/a/b%20c")
        #expect(request.query == "x=1&y=2?z")
        #expect(request.version == .http1_1)
        #expect(request.headers.map { "\($0.name)=\($0.value)" } == ["Host=example.test", "Accept=*/*", "X-Dup=1", "x-dup=2"])
        #expect(request.headers.values(for: "X-DUP") == ["1", "2"])
        #expect(request.body.isEmpty)
        #expect(requests[0].keepAlive)
    }

    @Test func keepAliveFollowsVersionAndConnectionHeader() throws {
        #expect(try parse("GET / HTTP/1.1\r\nHost: h\r\n\r\n")[0].keepAlive)
        #expect(try !parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")[0].keepAlive)
        #expect(try !parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, CLOSE\r\n\r\n")[0].keepAlive)
        #expect(try !parse("GET / HTTP/1.0\r\n\r\n")[0].keepAlive)
        #expect(try parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")[0].keepAlive)
        #expect(try parse("GET / HTTP/1.0\r\n\r\n")[0].request.version == .http1_0)
    }

    @Test func splitsAbsoluteFormAndAsteriskTargets() throws {
        let absolute = try parse("GET http://example.test:8080/p/q?x=1 HTTP/1.1\r\nHost: h\r\n\r\n")[0].request
        #expect(absolute.path == "/p/q")
        #expect(absolute.query == "x=1")
        #expect(try parse("GET http://example.test?x HTTP/1.1\r\nHost: h\r\n\r\n")[0].request.path == "/")
        #expect(try parse("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n")[0].request.path == "*")
        #expect(HTTPRequest(method: "GET", target: "/only").query == "")
    }

    @Test func readsContentLengthBody() throws {
        let requests = try parse("POST /upload HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world")
        try #require(requests.count == 1)
        #expect(bodyText(requests[0]) == "hello world")
    }

    @Test func acceptsRepeatedIdenticalContentLengths() throws {
        #expect(try bodyText(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc")[0]) == "abc")
        #expect(try bodyText(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 3\r\n\r\nabc")[0]) == "abc")
    }

    @Test func decodesChunkedBodyWithExtensionsAndTrailers() throws {
        let text = "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n6 ; quoted=\"a b\"\r\n world\r\n0\r\nX-Trailer: yes\r\nX-Other: 1\r\n\r\n"
        let requests = try parse(text)
        try #require(requests.count == 1)
        #expect(bodyText(requests[0]) == "hello world")
        #expect(!requests[0].request.headers.contains("X-Trailer"))
        #expect(requests[0].request.headers["transfer-encoding"] == "chunked")
    }

    @Test func parsesPipelinedRequestsInOrder() throws {
        let text = "GET /1 HTTP/1.1\r\nHost: h\r\n\r\nPOST /2 HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabcGET /3 HTTP/1.1\r\nHost: h\r\n\r\n"
        let requests = try parse(text)
        #expect(requests.map(\.request.path) == ["/1", "/2", "/3"])
        #expect(bodyText(requests[1]) == "abc")
    }

    @Test(arguments: [1, 2, 3, 7, 64])
    func parsesTheSameWhateverTheChunking(chunkSize: Int) throws {
        let text = "\r\nPOST /a?b=c HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
            + "PUT /chunked HTTP/1.1\nHost: h\nTransfer-Encoding: chunked\n\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nT: 1\r\n\r\n"
            + "GET /last HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
        let whole = try parse(text)
        let pieces = try parse(text, chunkSize: chunkSize)
        #expect(whole.count == 3)
        #expect(pieces.map(\.request.target) == whole.map(\.request.target))
        #expect(pieces.map(bodyText) == ["hello", "abcde", ""])
        #expect(pieces.map(\.keepAlive) == [true, true, true])
        #expect(pieces.map { $0.request.headers.count } == whole.map { $0.request.headers.count })
    }

    @Test func acceptsBareLineFeedsAndOneLeadingEmptyLine() throws {
        #expect(try parse("GET /lf HTTP/1.1\nHost: h\n\n")[0].request.headers["host"] == "h")
        #expect(try parse("\r\nGET /crlf HTTP/1.1\r\nHost: h\r\n\r\n")[0].request.path == "/crlf")
        #expect(parseError("\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n") == .malformedRequestLine)
    }

    @Test func reportsProgressThroughARequest() throws {
        var parser = RequestParser(limits: defaultLimits)
        #expect(parser.progress == .idle)
        parser.append(Array("POST / HTTP/1.1\r\nHost: h\r\nContent-Le".utf8))
        #expect(try parser.next() == nil)
        #expect(parser.progress == .head)
        parser.append(Array("ngth: 4\r\n\r\nab".utf8))
        #expect(try parser.next() == nil)
        #expect(parser.progress == .body)
        parser.append(Array("cd".utf8))
        #expect(try parser.next() != nil)
        #expect(parser.progress == .idle)
    }

    @Test func awaitsContinueOnlyBeforeTheBodyOfAnHTTP11Request() throws {
        var parser = RequestParser(limits: defaultLimits)
        parser.append(Array("PUT / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8))
        #expect(try parser.next() == nil)
        #expect(parser.isAwaitingContinue)
        parser.continueWasSent()
        #expect(!parser.isAwaitingContinue)
        parser.append(Array("ok".utf8))
        #expect(try parser.next().map(bodyText) == "ok")

        var http10 = RequestParser(limits: defaultLimits)
        http10.append(Array("PUT / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8))
        #expect(try http10.next() == nil)
        #expect(!http10.isAwaitingContinue)

        var bodyAlreadySent = RequestParser(limits: defaultLimits)
        bodyAlreadySent.append(Array("PUT / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\no".utf8))
        #expect(try bodyAlreadySent.next() == nil)
        #expect(!bodyAlreadySent.isAwaitingContinue)
    }

    struct MalformedCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var error: RequestParseError
        var testDescription: String { name }
    }

    static let malformedCases: [MalformedCase] = [
        .init(name: "no spaces", text: "GET\r\n\r\n", error: .malformedRequestLine),
        .init(name: "missing version", text: "GET /\r\n\r\n", error: .malformedRequestLine),
        .init(name: "double space", text: "GET  / HTTP/1.1\r\nHost: h\r\n\r\n", error: .malformedRequestLine),
        .init(name: "trailing space", text: "GET / HTTP/1.1 \r\n\r\n", error: .malformedRequestLine),
        .init(name: "bad method token", text: "G(T / HTTP/1.1\r\nHost: h\r\n\r\n", error: .malformedRequestLine),
        .init(name: "control in target", text: "GET /a\u{1}b HTTP/1.1\r\nHost: h\r\n\r\n", error: .malformedRequestLine),
        .init(name: "lowercase protocol", text: "GET / http/1.1\r\n\r\n", error: .malformedRequestLine),
        .init(name: "bad version digits", text: "GET / HTTP/1.x\r\n\r\n", error: .malformedRequestLine),
        .init(name: "HTTP/2.0", text: "GET / HTTP/2.0\r\n\r\n", error: .unsupportedVersion),
        .init(name: "HTTP/0.9", text: "GET / HTTP/0.9\r\n\r\n", error: .unsupportedVersion),
        .init(name: "HTTP/1.2", text: "GET / HTTP/1.2\r\n\r\n", error: .unsupportedVersion),
        .init(name: "header without colon", text: "GET / HTTP/1.1\r\nHost example\r\n\r\n", error: .malformedHeader),
        .init(name: "space before colon", text: "GET / HTTP/1.1\r\nHost : example\r\n\r\n", error: .invalidHeaderName),
        .init(name: "empty header name", text: "GET / HTTP/1.1\r\nHost: h\r\n: value\r\n\r\n", error: .invalidHeaderName),
        .init(name: "invalid name token", text: "GET / HTTP/1.1\r\nHost: h\r\nX@Y: z\r\n\r\n", error: .invalidHeaderName),
        .init(name: "obs-fold", text: "GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n b\r\n\r\n", error: .obsoleteLineFolding),
        .init(name: "bare CR in value", text: "GET / HTTP/1.1\r\nHost: h\r\nX: a\rb\r\n\r\n", error: .malformedHeader),
        .init(name: "NUL in value", text: "GET / HTTP/1.1\r\nHost: h\r\nX: a\u{0}b\r\n\r\n", error: .malformedHeader),
        .init(name: "non-numeric length", text: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: abc\r\n\r\n", error: .invalidContentLength),
        .init(name: "negative length", text: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -5\r\n\r\n", error: .invalidContentLength),
        .init(name: "empty length", text: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: \r\n\r\n", error: .invalidContentLength),
        .init(name: "signed length", text: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: +5\r\n\r\n", error: .invalidContentLength),
        .init(name: "differing lengths", text: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", error: .conflictingContentLengths),
        .init(name: "differing length list", text: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5, 6\r\n\r\n", error: .conflictingContentLengths),
        .init(name: "length with chunked", text: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", error: .contentLengthWithTransferEncoding),
        .init(name: "final coding gzip", text: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n", error: .transferEncodingNotChunked),
        .init(name: "chunked then gzip", text: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", error: .transferEncodingNotChunked),
        .init(name: "chunked twice", text: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", error: .transferEncodingNotChunked),
        .init(name: "gzip then chunked", text: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", error: .unsupportedTransferCoding),
        .init(name: "chunked in HTTP/1.0", text: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", error: .transferEncodingInHTTP10),
        .init(name: "bad chunk size", text: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", error: .malformedChunk),
        .init(name: "empty chunk size", text: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", error: .malformedChunk),
        .init(name: "huge chunk size", text: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1000000000000000\r\n", error: .malformedChunk),
        .init(name: "missing CRLF after chunk", text: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n", error: .malformedChunk),
        .init(name: "no Host in HTTP/1.1", text: "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", error: .missingHost),
        .init(name: "two Host fields", text: "GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", error: .duplicateHost),
        .init(name: "two Host fields in HTTP/1.0", text: "GET / HTTP/1.0\r\nHost: a\r\nhost: b\r\n\r\n", error: .duplicateHost),
        .init(name: "space in Host", text: "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", error: .invalidHost),
        .init(name: "Host with a path", text: "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", error: .invalidHost),
        .init(name: "Host with user info", text: "GET / HTTP/1.1\r\nHost: user@a\r\n\r\n", error: .invalidHost),
        .init(name: "Host with a letter in the port", text: "GET / HTTP/1.1\r\nHost: a:80x\r\n\r\n", error: .invalidHost),
        .init(name: "Host with a bad escape", text: "GET / HTTP/1.1\r\nHost: a%zz\r\n\r\n", error: .invalidHost),
        .init(name: "unclosed IPv6 literal", text: "GET / HTTP/1.1\r\nHost: [::1\r\n\r\n", error: .invalidHost),
        .init(name: "junk after chunk size", text: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3 x\r\n", error: .malformedChunk),
    ]

    @Test(arguments: malformedCases)
    func rejectsMalformedRequests(_ malformed: MalformedCase) {
        #expect(parseError(malformed.text) == malformed.error)
    }

    @Test func acceptsEveryFormOfHost() throws {
        for host in ["example.test", "example.test:8080", "127.0.0.1:1", "[::1]:8080", "[fe80::1%25eth0]", "a_b-c~d", "x%41y", "h:", ""] {
            let requests = try parse("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n")
            #expect(requests.count == 1, "Host: \(host)")
        }
        #expect(try parse("GET / HTTP/1.0\r\n\r\n").count == 1)  // HTTP/1.0 needs none
    }

    /// A TLS ClientHello, or any byte that is not part of a method token, is refused as it
    /// arrives: no line feed is needed.
    @Test func refusesBytesThatCannotStartARequestAtOnce() {
        let prefixes: [[UInt8]] = [
            [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03],  // TLS handshake record
            [0x00], [0x80, 0x01], Array("GE\u{1}".utf8), Array("{\"a\":".utf8), Array("\r\r".utf8), Array("\rX(".utf8),
        ]
        for prefix in prefixes {
            var parser = RequestParser(limits: defaultLimits)
            parser.append(prefix)
            #expect(throws: RequestParseError.malformedRequestLine, "\(prefix)") { try parser.next() }
        }
        // A method arriving a byte at a time is waited for, including after a leading empty line.
        var parser = RequestParser(limits: defaultLimits)
        for byte in Array("\r\nPATCH /x?a HTTP/1.1\r\nHost: h".utf8) {
            parser.append([byte])
            #expect(throws: Never.self) { try parser.next() }
        }
    }

    @Test func statusesOfErrors() {
        #expect(RequestParseError.missingHost.status == 400)
        #expect(RequestParseError.duplicateHost.status == 400)
        #expect(RequestParseError.invalidHost.status == 400)
        #expect(RequestParseError.requestLineTooLong.status == 414)
        #expect(RequestParseError.headerBlockTooLarge.status == 431)
        #expect(RequestParseError.tooManyHeaders.status == 431)
        #expect(RequestParseError.bodyTooLarge.status == 413)
        #expect(RequestParseError.unsupportedVersion.status == 505)
        #expect(RequestParseError.unsupportedTransferCoding.status == 501)
        #expect(RequestParseError.malformedChunk.status == 400)
        #expect(RequestParseError.invalidHeaderName.status == 400)
    }

    @Test func enforcesLimits() throws {
        let limits = RequestParser.Limits(maxRequestLineBytes: 20, maxHeaderBytes: 40, maxHeaderCount: 3, maxBodyBytes: 10)
        // "GET /123456 HTTP/1.0" is exactly 20 bytes.
        #expect(try parse("GET /123456 HTTP/1.0\r\n\r\n", limits: limits).count == 1)
        #expect(parseError("GET /1234567 HTTP/1.0\r\n\r\n", limits: limits) == .requestLineTooLong)
        // Known too long before the line ends.
        #expect(parseError("GET /" + String(repeating: "a", count: 30), limits: limits) == .requestLineTooLong)

        // Three fields of 10 bytes plus CRLF: 36 of 40.
        #expect(try parse("GET / HTTP/1.0\r\nA: 1234567\r\nB: 1234567\r\nC: 1234567\r\n\r\n", limits: limits).count == 1)
        #expect(parseError("GET / HTTP/1.0\r\nA: " + String(repeating: "v", count: 40) + "\r\n\r\n", limits: limits) == .headerBlockTooLarge)
        #expect(parseError("GET / HTTP/1.0\r\nA: " + String(repeating: "v", count: 60), limits: limits) == .headerBlockTooLarge)
        #expect(parseError("GET / HTTP/1.0\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", limits: limits) == .tooManyHeaders)

        #expect(try bodyText(parse("POST / HTTP/1.0\r\nContent-Length: 10\r\n\r\n0123456789", limits: limits)[0]) == "0123456789")
        #expect(parseError("POST / HTTP/1.0\r\nContent-Length: 11\r\n\r\n", limits: limits) == .bodyTooLarge)
        #expect(parseError("POST / HTTP/1.0\r\nContent-Length: 99999999999999999999999\r\n\r\n") == .bodyTooLarge)
        let chunked = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(try bodyText(parse(chunked + "5\r\n01234\r\n5\r\n56789\r\n0\r\n\r\n", limits: limits)[0]) == "0123456789")
        #expect(parseError(chunked + "5\r\n01234\r\n6\r\n", limits: limits) == .bodyTooLarge)
        #expect(parseError(chunked + "0\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", limits: limits) == .tooManyHeaders)
    }

    @Test func staysFailedAfterAnError() {
        var parser = RequestParser(limits: defaultLimits)
        parser.append(Array("BAD\r\n".utf8))
        #expect(throws: RequestParseError.malformedRequestLine) { try parser.next() }
        parser.append(Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        #expect(throws: RequestParseError.malformedRequestLine) { try parser.next() }
    }
}
