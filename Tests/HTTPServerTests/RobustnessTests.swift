import Dispatch
import Glibc
import HTTPServer
import Testing
import TestSupport

@Suite("Misbehaving clients and load")
struct RobustnessTests {
    @Test func survivesAClientLeavingMidBody() throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port)
            try client.send("POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 100\r\n\r\n0123456789")
            client.close()
            #expect(try serverStillServes(port: port))
        }
    }

    @Test func survivesAResetMidRequest() throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: te")
            client.reset()
            #expect(try serverStillServes(port: port))
        }
    }

    @Test func survivesAClientLeavingMidResponse() throws {
        try withServer { _, port in
            for _ in 0..<3 {
                let client = try RawSocketClient.connect(port: port)
                // Far more than the socket buffers hold, so the server is blocked writing when we go.
                try client.send("GET /large?bytes=20000000 HTTP/1.1\r\nHost: test\r\n\r\n")
                usleep(100_000)
                client.reset()
            }
            #expect(try serverStillServes(port: port))
        }
    }

    @Test func sendsALargeResponseToAClientThatReadsIt() throws {
        try withServer { _, port in
            let response = try roundTrip(port: port, "GET /large?bytes=5000000 HTTP/1.1\r\nHost: test\r\n\r\n")
            #expect(response.header("Content-Length") == "5000000")
            #expect(response.body.count == 5_000_000)
            #expect(response.body.allSatisfy { $0 == UInt8(ascii: "x") })
        }
    }

    @Test func servesAThousandRequestsOnOneConnection() throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port)
            for index in 0..<1000 {
                try client.send("GET /n?\(index) HTTP/1.1\r\nHost: test\r\n\r\n")
                #expect(try client.readResponse().bodyText == "GET /n ?\(index) 0:")
            }
        }
    }

    /// A keep-alive client must never wait 40 ms for a response: that is what Nagle's algorithm
    /// and a delayed ACK cost when a response leaves in two writes without TCP_NODELAY. 200
    /// sequential requests would then take 8 s; the server writes each response at once.
    @Test func keepAliveResponsesAreNeverHeldBack() throws {
        try withServer { _, port in
            let client = try RawSocketClient.connect(port: port)
            let start = DispatchTime.now()
            for _ in 0..<200 {
                try client.send("GET /fixed HTTP/1.1\r\nHost: test\r\n\r\n")
                #expect(try client.readResponse().bodyText == "twelve bytes")
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            #expect(seconds < 2, "200 keep-alive round trips took \(seconds) s")
        }
    }

    @Test func answersABurstOf300SimultaneousConnections() throws {
        try withServer { _, port in
            let start = DispatchTime.now()
            let clients = try (0..<300).map { _ in try RawSocketClient.connect(port: port, timeout: 10) }
            for (index, client) in clients.enumerated() {
                try client.send("GET /burst?\(index) HTTP/1.1\r\nHost: test\r\n\r\n")
            }
            var answered = 0
            for (index, client) in clients.enumerated() {
                let response = try client.readResponse()
                if response.status == 200 && response.bodyText == "GET /burst ?\(index) 0:" { answered += 1 }
            }
            #expect(answered == 300)
            #expect(secondsSince(start) < 20)
        }
    }

    @Test func refusesConnectionsOverTheLimitAtOnce() throws {
        try withServer(configure: { $0.maxConnections = 2 }) { _, port in
            let first = try RawSocketClient.connect(port: port)
            let second = try RawSocketClient.connect(port: port)
            for client in [first, second] {
                try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
                #expect(try client.readResponse().status == 200)
            }
            let third = try RawSocketClient.connect(port: port)
            let refusal = try third.readResponse()
            #expect(refusal.statusLine == "HTTP/1.1 503 Service Unavailable")
            #expect(refusal.header("Connection") == "close")
            #expect(third.isClosedByPeer())

            // A slot frees up once a client leaves.
            first.close()
            var servedAgain = false
            for _ in 0..<50 where !servedAgain {
                usleep(20_000)
                let response = try roundTrip(port: port, "GET / HTTP/1.1\r\nHost: test\r\n\r\n")
                servedAgain = response.status == 200
            }
            #expect(servedAgain)
        }
    }
}
