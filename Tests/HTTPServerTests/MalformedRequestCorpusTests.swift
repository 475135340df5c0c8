import HTTPServer
import Testing
import TestSupport

/// What the server must do with one request stream: the statuses it answers with, in order,
/// and whether the connection then stays open (a further request is answered on it) or is closed.
struct CorpusCase: Sendable, CustomTestStringConvertible {
    enum Fate: Sendable { case open, closed }

    var name: String
    var bytes: [UInt8]
    var statuses: [Int]
    var fate: Fate
    /// Shut down our sending side after the bytes (a half-closed socket).
    var halfClose = false

    var testDescription: String { name }

    init(_ name: String, _ text: String, _ statuses: [Int], _ fate: Fate, halfClose: Bool = false) {
        self.init(name, Array(text.utf8), statuses, fate, halfClose: halfClose)
    }

    init(_ name: String, _ bytes: [UInt8], _ statuses: [Int], _ fate: Fate, halfClose: Bool = false) {
        self.name = name
        self.bytes = bytes
        self.statuses = statuses
        self.fate = fate
        self.halfClose = halfClose
    }
}

/// A corpus of malformed, hostile and borderline requests (smuggling, obs-fold, bare LF, NUL,
/// sizes, Host, request-line versions, long lines, many fields, pipelining, half-closes), each
/// sent on a fresh connection to a server with the default limits.
@Suite("Malformed request corpus")
struct MalformedRequestCorpusTests {
    static let get = "GET / HTTP/1.1\r\nHost: h\r\n\r\n"
    static let chunkedHead = "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
    static let lengthHead = "POST /c HTTP/1.1\r\nHost: h\r\n"

    static func fields(_ count: Int) -> String {
        (0..<count).map { "X-Field-\($0): \($0)\r\n" }.joined()
    }

    static let smuggling: [CorpusCase] = [
        .init("CL then TE", lengthHead + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", [400], .closed),
        .init("TE then CL", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc", [400], .closed),
        .init("TE chunked twice", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n", [400], .closed),
        .init("TE chunked in two fields", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", [400], .closed),
        .init("TE xchunked", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n", [400], .closed),
        .init("TE chunked then identity", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n", [400], .closed),
        .init("TE gzip before chunked", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", [501], .closed),
        .init("TE with space before colon", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n", [400], .closed),
        .init("TE with vertical tab", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: \u{0B}chunked\r\n\r\n0\r\n\r\n", [400], .closed),
        .init("TE in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", [400], .closed),
        .init("TE with whitespace around", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding:   chunked  \r\n\r\n0\r\n\r\n", [200], .open),
        .init("TE CHUNKED in capitals", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: CHUNKED\r\n\r\n3\r\nabc\r\n0\r\n\r\n", [200], .open),
        .init("CL differing", lengthHead + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", [400], .closed),
        .init("CL differing list", lengthHead + "Content-Length: 3, 4\r\n\r\nabcd", [400], .closed),
        .init("CL repeated identical", lengthHead + "Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc", [200], .open),
        .init("CL identical list", lengthHead + "Content-Length: 3, 3\r\n\r\nabc", [200], .open),
        .init("CL with empty list element", lengthHead + "Content-Length: 3,\r\n\r\nabc", [400], .closed),
        .init("CL leading zeros", lengthHead + "Content-Length: 003\r\n\r\nabc", [200], .open),
        .init("CL hex", lengthHead + "Content-Length: 0x10\r\n\r\n", [400], .closed),
        .init("CL negative", lengthHead + "Content-Length: -1\r\n\r\n", [400], .closed),
        .init("CL exponent", lengthHead + "Content-Length: 1e3\r\n\r\n", [400], .closed),
        .init("CL plus sign", lengthHead + "Content-Length: +3\r\n\r\nabc", [400], .closed),
        .init("CL with inner space", lengthHead + "Content-Length: 3 3\r\n\r\nabc", [400], .closed),
        .init("CL empty", lengthHead + "Content-Length:\r\n\r\n", [400], .closed),
        .init("CL huge", lengthHead + "Content-Length: 99999999999999999999999999\r\n\r\n", [413], .closed),
        .init("CL one past the limit", lengthHead + "Content-Length: 10485761\r\n\r\n", [413], .closed),
        .init("CL with whitespace", lengthHead + "Content-Length:    3   \r\n\r\nabc", [200], .open),
    ]

    static let chunked: [CorpusCase] = [
        .init("chunk size 0x prefix", chunkedHead + "0x5\r\nhello\r\n0\r\n\r\n", [400], .closed),
        .init("chunk size negative", chunkedHead + "-5\r\nhello\r\n0\r\n\r\n", [400], .closed),
        .init("chunk size 16 hex digits", chunkedHead + "ffffffffffffffff\r\n", [400], .closed),
        .init("chunk size 16 leading zeros", chunkedHead + "0000000000000005\r\nhello\r\n0\r\n\r\n", [400], .closed),
        .init("chunk size over the body limit", chunkedHead + "a00001\r\n", [413], .closed),
        .init("chunk longer than its size", chunkedHead + "3\r\nabcdef\r\n0\r\n\r\n", [400], .closed),
        .init("chunk size missing", chunkedHead + "\r\nabc\r\n", [400], .closed),
        .init("chunks with bare LF", chunkedHead + "3\nabc\n0\n\n", [200], .open),
        .init("chunk extension", chunkedHead + "3;name=\"v\"\r\nabc\r\n0\r\n\r\n", [200], .open),
        .init("chunk extension with NUL", chunkedHead + "3;a\u{0}b\r\nabc\r\n0\r\n\r\n", [400], .closed),
        .init("trailer fields", chunkedHead + "3\r\nabc\r\n0\r\nX-Trailer: 1\r\n\r\n", [200], .open),
        .init("trailer with obs-fold", chunkedHead + "0\r\nX: a\r\n b\r\n\r\n", [400], .closed),
        .init("trailer with bad name", chunkedHead + "0\r\nBad Name: a\r\n\r\n", [400], .closed),
        .init("last chunk missing, then half-close", chunkedHead + "3\r\nabc\r\n", [], .closed, halfClose: true),
    ]

    static let lineEndingsAndFolding: [CorpusCase] = [
        .init("obs-fold with space", "GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n b\r\n\r\n", [400], .closed),
        .init("obs-fold with tab", "GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n\tb\r\n\r\n", [400], .closed),
        .init("first field folded", "GET / HTTP/1.1\r\n Host: h\r\n\r\n", [400], .closed),
        .init("bare LF throughout", "GET / HTTP/1.1\nHost: h\n\n", [200], .open),
        .init("mixed CRLF and LF", "GET / HTTP/1.1\r\nHost: h\nX: y\r\n\n", [200], .open),
        .init("CR inside the request line", "GET / HTTP/1.1\rX\r\nHost: h\r\n\r\n", [400], .closed),
        .init("CR inside a field value", "GET / HTTP/1.1\r\nHost: h\r\nX: a\rb\r\n\r\n", [400], .closed),
        .init("one leading empty line", "\r\n" + get, [200], .open),
        .init("two leading empty lines", "\r\n\r\n" + get, [400], .closed),
    ]

    static let nulBytes: [CorpusCase] = [
        .init("NUL first", [0] + Array(get.utf8), [400], .closed),
        .init("NUL in the method", "G\u{0}ET / HTTP/1.1\r\nHost: h\r\n\r\n", [400], .closed),
        .init("NUL in the target", "GET /a\u{0}b HTTP/1.1\r\nHost: h\r\n\r\n", [400], .closed),
        .init("NUL in the version", "GET / HTTP/1.1\u{0}\r\nHost: h\r\n\r\n", [400], .closed),
        .init("NUL in a field name", "GET / HTTP/1.1\r\nHost: h\r\nX\u{0}Y: z\r\n\r\n", [400], .closed),
        .init("NUL in a field value", "GET / HTTP/1.1\r\nHost: h\r\nX: a\u{0}b\r\n\r\n", [400], .closed),
        .init("NUL in the Host", "GET / HTTP/1.1\r\nHost: a\u{0}b\r\n\r\n", [400], .closed),
        .init("NUL in a body", lengthHead + "Content-Length: 3\r\n\r\na\u{0}b", [200], .open),
        .init("encoded NUL in the target", "GET /a%00b HTTP/1.1\r\nHost: h\r\n\r\n", [200], .open),
    ]

    static let fieldNamesAndValues: [CorpusCase] = [
        .init("space in a name", "GET / HTTP/1.1\r\nHost: h\r\nBad Name: x\r\n\r\n", [400], .closed),
        .init("tab before the colon", "GET / HTTP/1.1\r\nHost: h\r\nName\t: x\r\n\r\n", [400], .closed),
        .init("parentheses in a name", "GET / HTTP/1.1\r\nHost: h\r\n(x): y\r\n\r\n", [400], .closed),
        .init("UTF-8 in a name", "GET / HTTP/1.1\r\nHost: h\r\nNäme: x\r\n\r\n", [400], .closed),
        .init("empty name", "GET / HTTP/1.1\r\nHost: h\r\n: value\r\n\r\n", [400], .closed),
        .init("at sign in a name", "GET / HTTP/1.1\r\nHost: h\r\nX@Y: z\r\n\r\n", [400], .closed),
        .init("no colon", "GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n", [400], .closed),
        .init("DEL in a value", "GET / HTTP/1.1\r\nHost: h\r\nX: a\u{7F}b\r\n\r\n", [400], .closed),
        .init("obs-text in a value", Array("GET / HTTP/1.1\r\nHost: h\r\nX: a".utf8) + [0xE9, 0xFF] + Array("b\r\n\r\n".utf8), [200], .open),
        .init("empty value", "GET / HTTP/1.1\r\nHost: h\r\nX-Empty:\r\n\r\n", [200], .open),
        .init("no space after the colon", "GET / HTTP/1.1\r\nHost: h\r\nX:y\r\n\r\n", [200], .open),
        .init("every token character in a name", "GET / HTTP/1.1\r\nHost: h\r\n!#$%&'*+-.^_`|~09azAZ: v\r\n\r\n", [200], .open),
    ]

    static let requestTargets: [CorpusCase] = [
        .init("absolute form", "GET http://example.test/p?q=1 HTTP/1.1\r\nHost: example.test\r\n\r\n", [200], .open),
        .init("absolute form without a path", "GET https://example.test HTTP/1.1\r\nHost: example.test\r\n\r\n", [200], .open),
        .init("absolute form with an IPv6 literal", "GET http://[::1]:8080/x HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n", [200], .open),
        .init("authority form", "CONNECT example.test:443 HTTP/1.1\r\nHost: example.test:443\r\n\r\n", [200], .open),
        .init("asterisk form", "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n", [200], .open),
        .init("double slash", "GET //double HTTP/1.1\r\nHost: h\r\n\r\n", [200], .open),
        .init("space in the target", "GET /a b HTTP/1.1\r\nHost: h\r\n\r\n", [400], .closed),
        .init("DEL in the target", "GET /\u{7F} HTTP/1.1\r\nHost: h\r\n\r\n", [400], .closed),
        .init("raw UTF-8 in the target", "GET /café HTTP/1.1\r\nHost: h\r\n\r\n", [200], .open),
        .init("100 KB URL", "GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: h\r\n\r\n", [414], .closed),
        .init("URL at the line limit", "GET /" + String(repeating: "a", count: 8192 - 14) + " HTTP/1.1\r\nHost: h\r\n\r\n", [200], .open),
        .init("URL one past the line limit", "GET /" + String(repeating: "a", count: 8192 - 13) + " HTTP/1.1\r\nHost: h\r\n\r\n", [414], .closed),
    ]

    static let requestLines: [CorpusCase] = [
        .init("HTTP/0.9 simple request", "GET /\r\n\r\n", [400], .closed),
        .init("HTTP/0.9 version", "GET / HTTP/0.9\r\n\r\n", [505], .closed),
        .init("HTTP/2.0 version", "GET / HTTP/2.0\r\nHost: h\r\n\r\n", [505], .closed),
        .init("HTTP/2 connection preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", [505], .closed),
        .init("HTTP/1.2", "GET / HTTP/1.2\r\nHost: h\r\n\r\n", [505], .closed),
        .init("HTTP/3", "GET / HTTP/3\r\nHost: h\r\n\r\n", [400], .closed),
        .init("HTTP/1.10", "GET / HTTP/1.10\r\nHost: h\r\n\r\n", [400], .closed),
        .init("lowercase protocol", "GET / http/1.1\r\nHost: h\r\n\r\n", [400], .closed),
        .init("a fourth part", "GET / HTTP/1.1 extra\r\nHost: h\r\n\r\n", [400], .closed),
        .init("two spaces", "GET  / HTTP/1.1\r\nHost: h\r\n\r\n", [400], .closed),
        .init("tab for a space", "GET\t/ HTTP/1.1\r\nHost: h\r\n\r\n", [400], .closed),
        .init("empty method", " / HTTP/1.1\r\nHost: h\r\n\r\n", [400], .closed),
        .init("lowercase method", "get / HTTP/1.1\r\nHost: h\r\n\r\n", [200], .open),
        .init("unusual token method", "M~X / HTTP/1.1\r\nHost: h\r\n\r\n", [200], .open),
        .init("8,000-byte method", String(repeating: "M", count: 8000) + " / HTTP/1.1\r\nHost: h\r\n\r\n", [200], .open),
        .init("TLS ClientHello", [0x16, 0x03, 0x01, 0x00, 0xF4, 0x01, 0x00, 0x00, 0xF0, 0x03, 0x03], [400], .closed),
        .init("binary garbage", [0xFF, 0xFE, 0xFD, 0x00, 0x80], [400], .closed),
        .init("JSON instead of a request", "{\"a\": 1}\r\n", [400], .closed),
    ]

    static let hostField: [CorpusCase] = [
        .init("no Host", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", [400], .closed),
        .init("two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", [400], .closed),
        .init("two Hosts in different case", "GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n", [400], .closed),
        .init("Host with a space", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", [400], .closed),
        .init("Host with a slash", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", [400], .closed),
        .init("Host with user info", "GET / HTTP/1.1\r\nHost: u@a\r\n\r\n", [400], .closed),
        .init("Host with a bad port", "GET / HTTP/1.1\r\nHost: a:8o\r\n\r\n", [400], .closed),
        .init("Host with a port", "GET / HTTP/1.1\r\nHost: a.example:8080\r\n\r\n", [200], .open),
        .init("Host empty", "GET / HTTP/1.1\r\nHost:\r\n\r\n", [200], .open),
        .init("Host an IPv6 literal", "GET / HTTP/1.1\r\nHost: [2001:db8::1]:80\r\n\r\n", [200], .open),
        .init("HTTP/1.0 without Host", "GET / HTTP/1.0\r\n\r\n", [200], .closed),
        .init("HTTP/1.0 keep-alive", "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", [200], .open),
    ]

    static let limits: [CorpusCase] = [
        .init("1,000 fields", get.replacingOccurrences(of: "\r\n\r\n", with: "\r\n") + fields(1000) + "\r\n", [431], .closed),
        .init("100 fields, the limit", "GET / HTTP/1.1\r\nHost: h\r\n" + fields(99) + "\r\n", [200], .open),
        .init("101 fields", "GET / HTTP/1.1\r\nHost: h\r\n" + fields(100) + "\r\n", [431], .closed),
        .init("a 70 KB field", "GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "v", count: 70_000) + "\r\n\r\n", [431], .closed),
        .init("a 65 KB header block", "GET / HTTP/1.1\r\nHost: h\r\n" + (0..<70).map { "X-\($0): " + String(repeating: "v", count: 950) + "\r\n" }.joined() + "\r\n", [431], .closed),
        .init("a 1 MB body", lengthHead + "Content-Length: 1048576\r\n\r\n" + String(repeating: "b", count: 1_048_576), [200], .open),
    ]

    static let pipelining: [CorpusCase] = [
        .init("a request, then garbage", get + "garbage\r\n\r\n", [200, 400], .closed),
        .init("a request, then TLS", Array(get.utf8) + [0x16, 0x03, 0x01], [200, 400], .closed),
        .init("a request, then two empty lines", get + "\r\n\r\n", [200, 400], .closed),
        .init("a request, then one empty line and a request", get + "\r\n" + get, [200, 200], .open),
        .init("ten requests at once", String(repeating: get, count: 10), Array(repeating: 200, count: 10), .open),
        .init("a close in the middle", get + "GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n" + get, [200, 200], .closed),
        .init("a body, then a request", lengthHead + "Content-Length: 5\r\n\r\nhello" + get, [200, 200], .open),
        .init("a chunked body, then a request", chunkedHead + "5\r\nhello\r\n0\r\n\r\n" + get, [200, 200], .open),
        .init("a request, then a smuggled one", get + "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", [200, 400], .closed),
        .init("a request, then a bad Host", get + "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", [200, 400], .closed),
        .init("Connection: keep-alive, close", "GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, close\r\n\r\n", [200], .closed),
        .init("HTTP/1.0 with Connection: close", "GET / HTTP/1.0\r\nConnection: close\r\n\r\n", [200], .closed),
        .init("an unknown expectation", "GET / HTTP/1.1\r\nHost: h\r\nExpect: something\r\n\r\n", [200], .open),
        .init("100-continue with the body already sent", lengthHead + "Expect: 100-continue\r\nContent-Length: 2\r\n\r\nok", [200], .open),
    ]

    static let halfClosed: [CorpusCase] = [
        .init("a request, then half-close", get, [200], .closed, halfClose: true),
        .init("two requests, then half-close", get + get, [200, 200], .closed, halfClose: true),
        .init("half a request line, then half-close", "GET /par", [], .closed, halfClose: true),
        .init("half a head, then half-close", "GET / HTTP/1.1\r\nHost: h\r\nX-Par", [], .closed, halfClose: true),
        .init("half a body, then half-close", lengthHead + "Content-Length: 10\r\n\r\nhello", [], .closed, halfClose: true),
        .init("nothing, then half-close", "", [], .closed, halfClose: true),
        .init("a bad request, then half-close", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", [400], .closed, halfClose: true),
    ]

    static let corpus = smuggling + chunked + lineEndingsAndFolding + nulBytes + fieldNamesAndValues + requestTargets
        + requestLines + hostField + limits + pipelining + halfClosed

    @Test func theCorpusHasAtLeastAHundredCases() {
        #expect(Self.corpus.count >= 100)
        #expect(Set(Self.corpus.map(\.name)).count == Self.corpus.count, "names are unique")
    }

    @Test(arguments: corpus)
    func answersAsExpectedAndKeepsServing(_ test: CorpusCase) throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port, timeout: 5)
            try client.send(test.bytes)
            if test.halfClose { client.shutdownWrite() }
            for (index, expected) in test.statuses.enumerated() {
                let response = try client.readResponse()
                #expect(response.status == expected, "response \(index + 1)")
            }
            switch test.fate {
            case .closed:
                #expect(client.isClosedByPeer(within: 3), "the connection stays open")
                #expect(client.unreadBytes.isEmpty, "more was answered than expected")
            case .open:
                try client.send("GET /after HTTP/1.1\r\nHost: h\r\n\r\n")
                let after = try client.readResponse()
                #expect(after.status == 200 && after.bodyText == "GET /after ? 0:", "the connection is not usable afterwards")
            }
            client.close()
            #expect(try serverStillServes(port: port))
        }
    }
}
