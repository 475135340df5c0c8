import HTTPServer
import Testing
import TestSupport

/// Small limits so each can be exceeded with a short request.
private func smallLimits(_ configuration: inout HTTPServerConfiguration) {
    configuration.maxRequestLineBytes = 64
    configuration.maxHeaderBytes = 256
    configuration.maxHeaderCount = 5
    configuration.maxBodyBytes = 16
}

/// A request the server must refuse, and the status line it answers with.
struct RejectedRequest: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var statusLine: String
    var testDescription: String { name }
}

@Suite("Error responses over a socket")
struct ErrorResponseTests {
    static let rejected: [RejectedRequest] = [
        .init(name: "request line too long", text: "GET /" + String(repeating: "a", count: 100) + " HTTP/1.1\r\n\r\n", statusLine: "HTTP/1.1 414 URI Too Long"),
        .init(name: "header block too large", text: "GET / HTTP/1.1\r\nX-Big: " + String(repeating: "b", count: 300) + "\r\n\r\n", statusLine: "HTTP/1.1 431 Request Header Fields Too Large"),
        .init(name: "too many headers", text: "GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\nF: 6\r\n\r\n", statusLine: "HTTP/1.1 431 Request Header Fields Too Large"),
        .init(name: "body too large by Content-Length", text: "POST / HTTP/1.1\r\nContent-Length: 17\r\n\r\n", statusLine: "HTTP/1.1 413 Content Too Large"),
        .init(name: "body too large by chunks", text: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\na\r\n0123456789\r\na\r\n0123456789\r\n0\r\n\r\n", statusLine: "HTTP/1.1 413 Content Too Large"),
        .init(name: "malformed request line", text: "GET /\r\n\r\n", statusLine: "HTTP/1.1 400 Bad Request"),
        .init(name: "extra space in request line", text: "GET  / HTTP/1.1\r\n\r\n", statusLine: "HTTP/1.1 400 Bad Request"),
        .init(name: "header without colon", text: "GET / HTTP/1.1\r\nNoColon\r\n\r\n", statusLine: "HTTP/1.1 400 Bad Request"),
        .init(name: "invalid header name", text: "GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", statusLine: "HTTP/1.1 400 Bad Request"),
        .init(name: "non-numeric Content-Length", text: "POST / HTTP/1.1\r\nContent-Length: ten\r\n\r\n", statusLine: "HTTP/1.1 400 Bad Request"),
        .init(name: "negative Content-Length", text: "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", statusLine: "HTTP/1.1 400 Bad Request"),
        .init(name: "differing Content-Lengths", text: "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", statusLine: "HTTP/1.1 400 Bad Request"),
        .init(name: "Content-Length with Transfer-Encoding", text: "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", statusLine: "HTTP/1.1 400 Bad Request"),
        .init(name: "final coding not chunked", text: "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", statusLine: "HTTP/1.1 400 Bad Request"),
        .init(name: "bad chunk size", text: "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n", statusLine: "HTTP/1.1 400 Bad Request"),
        .init(name: "obsolete line folding", text: "GET / HTTP/1.1\r\nX: a\r\n  b\r\n\r\n", statusLine: "HTTP/1.1 400 Bad Request"),
        .init(name: "unsupported coding before chunked", text: "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", statusLine: "HTTP/1.1 501 Not Implemented"),
        .init(name: "HTTP/2.0", text: "GET / HTTP/2.0\r\n\r\n", statusLine: "HTTP/1.1 505 HTTP Version Not Supported"),
        .init(name: "HTTP/0.9", text: "GET / HTTP/0.9\r\n\r\n", statusLine: "HTTP/1.1 505 HTTP Version Not Supported"),
        .init(name: "no Host", text: "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", statusLine: "HTTP/1.1 400 Bad Request"),
        .init(name: "two Host fields", text: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", statusLine: "HTTP/1.1 400 Bad Request"),
        .init(name: "invalid Host", text: "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", statusLine: "HTTP/1.1 400 Bad Request"),
    ]

    /// A TLS ClientHello sent to the plain-HTTP port has no line feed for a long while; it is
    /// refused as soon as it arrives instead of by the 10-second header timeout.
    @Test func refusesATLSHandshakeWithoutWaiting() throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port, timeout: 1)
            try client.send([0x16, 0x03, 0x01, 0x00, 0xF4, 0x01, 0x00, 0x00, 0xF0, 0x03, 0x03] + [UInt8](repeating: 0x41, count: 32))
            let response = try client.readResponse()
            #expect(response.status == 400)
            #expect(client.isClosedByPeer())
            #expect(try serverStillServes(port: port))
        }
    }

    @Test(arguments: rejected)
    func answersAndCloses(_ rejected: RejectedRequest) throws {
        try withServer(configure: smallLimits) { _, port in
            let client = try RawSocketClient.connect(port: port)
            try client.send(rejected.text)
            let response = try client.readResponse()
            #expect(response.statusLine == rejected.statusLine)
            #expect(response.header("Connection") == "close")
            #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
            #expect(response.header("Content-Length") == "\(response.body.count)")
            #expect(!response.body.isEmpty)
            #expect(client.isClosedByPeer())
            #expect(try serverStillServes(port: port))
        }
    }

    @Test func answersOnlyTheRequestsBeforeABadOne() throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port)
            try client.send("GET /good HTTP/1.1\r\nHost: test\r\n\r\nBAD\r\n\r\nGET /never HTTP/1.1\r\n\r\n")
            #expect(try client.readResponse().bodyText == "GET /good ? 0:")
            #expect(try client.readResponse().statusLine == "HTTP/1.1 400 Bad Request")
            #expect(client.isClosedByPeer())
            #expect(client.unreadBytes.isEmpty)
        }
    }

    @Test func rejectsAnOversizedExpectContinueBodyWithoutReadingIt() throws {
        try withServer(configure: smallLimits) { _, port in
            let client = try RawSocketClient.connect(port: port)
            try client.send("PUT /upload HTTP/1.1\r\nHost: test\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.statusLine == "HTTP/1.1 413 Content Too Large")
            #expect(response.header("Connection") == "close")
            #expect(client.isClosedByPeer())
            #expect(try serverStillServes(port: port))
        }
    }

    @Test func deliversTheErrorEvenWhileTheClientKeepsSendingTheBody() throws {
        try withServer(configure: smallLimits) { _, port in
            let client = try RawSocketClient.connect(port: port)
            try client.send("POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: 100000\r\n\r\n")
            // Body bytes the server never reads: without a lingering close they would turn the
            // close into a reset that destroys the 413 before it is read.
            try client.send([UInt8](repeating: 0x61, count: 100_000))
            let response = try client.readResponse()
            #expect(response.statusLine == "HTTP/1.1 413 Content Too Large")
        }
    }
}
