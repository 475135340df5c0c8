import Testing
import TestSupport

@Suite("Keep-alive, pipelining, HEAD and bodies over a socket")
struct PersistenceTests {
    @Test func keepsHTTP11ConnectionsOpen() throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port)
            try client.send("GET /first?a=1 HTTP/1.1\r\nHost: test\r\n\r\n")
            let first = try client.readResponse()
            #expect(first.statusLine == "HTTP/1.1 200 OK")
            #expect(first.bodyText == "GET /first ?a=1 0:")
            #expect(first.header("Content-Length") == "18")
            #expect(first.header("Content-Type") == "text/plain")
            #expect(first.header("Connection") == nil)
            #expect(isIMFFixdate(first.header("Date")))

            try client.send("GET /second HTTP/1.1\r\nHost: test\r\n\r\n")
            let second = try client.readResponse()
            #expect(second.statusLine == "HTTP/1.1 200 OK")
            #expect(second.bodyText == "GET /second ? 0:")
            #expect(!client.isClosedByPeer(within: 0.2))
        }
    }

    @Test func honoursConnectionClose() throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port)
            try client.send("GET /bye HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.statusLine == "HTTP/1.1 200 OK")
            #expect(response.header("Connection") == "close")
            #expect(response.bodyText == "GET /bye ? 0:")
            #expect(client.isClosedByPeer())
        }
    }

    @Test func closesWhenTheResponderAsksTo() throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port)
            try client.send("GET /close HTTP/1.1\r\nHost: test\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.headerValues("Connection") == ["close"])
            #expect(response.bodyText == "bye")
            #expect(client.isClosedByPeer())
        }
    }

    @Test func closesHTTP10ConnectionsByDefault() throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port)
            try client.send("GET /old HTTP/1.0\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.statusLine == "HTTP/1.1 200 OK")
            #expect(response.header("Connection") == "close")
            #expect(response.bodyText == "GET /old ? 0:")
            #expect(client.isClosedByPeer())
        }
    }

    @Test func keepsHTTP10ConnectionsOpenOnRequest() throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port)
            for path in ["/one", "/two"] {
                try client.send("GET \(path) HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.statusLine == "HTTP/1.1 200 OK")
                #expect(response.header("Connection") == "keep-alive")
                #expect(response.bodyText == "GET \(path) ? 0:")
            }
            #expect(!client.isClosedByPeer(within: 0.2))
        }
    }

    @Test func answersPipelinedRequestsInOrder() throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port)
            try client.send(
                "GET /1 HTTP/1.1\r\nHost: test\r\n\r\n"
                    + "POST /2 HTTP/1.1\r\nHost: test\r\nContent-Length: 3\r\n\r\nabc"
                    + "GET /3?last HTTP/1.1\r\nHost: test\r\n\r\n"
            )
            let bodies = try (0..<3).map { _ in try client.readResponse().bodyText }
            #expect(bodies == ["GET /1 ? 0:", "POST /2 ? 3:abc", "GET /3 ?last 0:"])
        }
    }

    /// Large bodies go out as the responder's own arrays, behind their heads; answers queued
    /// behind one must still follow it, whole and in order.
    @Test func keepsPipelinedAnswersInOrderAroundLargeBodies() throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port)
            try client.send(
                "GET /1 HTTP/1.1\r\nHost: test\r\n\r\n"
                    + "GET /large?bytes=300000 HTTP/1.1\r\nHost: test\r\n\r\n"
                    + "GET /3 HTTP/1.1\r\nHost: test\r\n\r\n"
                    + "GET /large?bytes=20000 HTTP/1.1\r\nHost: test\r\n\r\n"
                    + "HEAD /large?bytes=50000 HTTP/1.1\r\nHost: test\r\n\r\n"
                    + "GET /fixed HTTP/1.1\r\nHost: test\r\n\r\n"
            )
            #expect(try client.readResponse().bodyText == "GET /1 ? 0:")
            let large = try client.readResponse()
            #expect(large.header("Content-Length") == "300000")
            #expect(large.body == [UInt8](repeating: UInt8(ascii: "x"), count: 300_000))
            #expect(try client.readResponse().bodyText == "GET /3 ? 0:")
            let second = try client.readResponse()
            #expect(second.header("Content-Length") == "20000")
            #expect(second.body == [UInt8](repeating: UInt8(ascii: "x"), count: 20_000))
            let head = try client.readResponse(isResponseToHEAD: true)
            #expect(head.header("Content-Length") == "50000")
            #expect(try client.readResponse().bodyText == "twelve bytes")
            #expect(client.unreadBytes.isEmpty)
            #expect(!client.isClosedByPeer(within: 0.2))
        }
    }

    @Test func answersHEADWithTheGETLengthAndNoBody() throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port)
            try client.send("HEAD /fixed HTTP/1.1\r\nHost: test\r\n\r\n")
            let head = try client.readResponse(isResponseToHEAD: true)
            #expect(head.statusLine == "HTTP/1.1 200 OK")
            #expect(head.header("Content-Length") == "12")
            #expect(head.header("Content-Type") == "text/plain")
            // Had any body bytes been sent, they would corrupt the next response.
            try client.send("GET /fixed HTTP/1.1\r\nHost: test\r\n\r\n")
            let get = try client.readResponse()
            #expect(get.statusLine == "HTTP/1.1 200 OK")
            #expect(get.bodyText == "twelve bytes")
            #expect(client.unreadBytes.isEmpty)
        }
    }

    @Test(arguments: [204, 304])
    func sendsNoBodyOrLengthFor(status: Int) throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port)
            try client.send("GET /status/\(status) HTTP/1.1\r\nHost: test\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == status)
            #expect(response.header("Content-Length") == nil)
            try client.send("GET /next HTTP/1.1\r\nHost: test\r\n\r\n")
            #expect(try client.readResponse().bodyText == "GET /next ? 0:")
        }
    }

    @Test func readsAContentLengthBody() throws {
        try withServer { _, port in
            let response = try roundTrip(port: port, "POST /upload?kind=text HTTP/1.1\r\nHost: test\r\nContent-Length: 11\r\n\r\nhello world")
            #expect(response.statusLine == "HTTP/1.1 200 OK")
            #expect(response.bodyText == "POST /upload ?kind=text 11:hello world")
        }
    }

    @Test func readsAChunkedBodyWithExtensionsAndTrailers() throws {
        try withServer { _, port in
            let response = try roundTrip(
                port: port,
                "POST /chunked HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: abc\r\n\r\n"
            )
            #expect(response.statusLine == "HTTP/1.1 200 OK")
            #expect(response.bodyText == "POST /chunked ? 11:hello world")
        }
    }

    @Test func sends100ContinueBeforeReadingTheBody() throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port)
            try client.send("PUT /upload HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
            let interim = try client.readResponse()
            #expect(interim.statusLine == "HTTP/1.1 100 Continue")
            #expect(interim.headers.isEmpty)
            try client.send("hello")
            let final = try client.readResponse()
            #expect(final.statusLine == "HTTP/1.1 200 OK")
            #expect(final.bodyText == "PUT /upload ? 5:hello")
        }
    }

    @Test func parsesARequestArrivingOneByteAtATime() throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port)
            let request = "POST /bytes?x=1 HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n3;e\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"
            for byte in request.utf8 {
                try client.send([byte])
            }
            let response = try client.readResponse()
            #expect(response.statusLine == "HTTP/1.1 200 OK")
            #expect(response.bodyText == "POST /bytes ?x=1 5:abcde")
        }
    }

    @Test func toleratesALeadingEmptyLineAndBareLineFeeds() throws {
        try withServer { _, port in
            let afterEmptyLine = try roundTrip(port: port, "\r\nGET /crlf HTTP/1.1\r\nHost: test\r\n\r\n")
            #expect(afterEmptyLine.bodyText == "GET /crlf ? 0:")
            let bareLineFeeds = try roundTrip(port: port, "GET /lf HTTP/1.1\nHost: test\n\n")
            #expect(bareLineFeeds.bodyText == "GET /lf ? 0:")
        }
    }

    @Test func answersWhatWasSentBeforeTheClientHalfCloses() throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port)
            try client.send("GET /a HTTP/1.1\r\nHost: test\r\n\r\nGET /b HTTP/1.1\r\nHost: test\r\n\r\n")
            client.shutdownWrite()
            #expect(try client.readResponse().bodyText == "GET /a ? 0:")
            #expect(try client.readResponse().bodyText == "GET /b ? 0:")
            #expect(client.isClosedByPeer())
        }
    }
}
