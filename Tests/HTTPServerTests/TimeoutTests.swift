import Dispatch
import Glibc
import HTTPServer
import Testing
import TestSupport

private func shortTimeouts(_ configuration: inout HTTPServerConfiguration) {
    configuration.idleTimeout = 0.3
    configuration.headerReadTimeout = 0.3
    configuration.bodyReadTimeout = 0.3
}

/// Tests that measure time or keep a responder blocked run one at a time: on a 2-core machine
/// the tests running beside them can take the CPU their deadlines are measured against.
@Suite(.serialized)
struct TimingSensitiveTests {}

extension TimingSensitiveTests {
    @Suite("Timeouts")
    struct TimeoutTests {
        @Test func closesAKeepAliveConnectionAfterTheIdleTimeout() throws {
            try withServer(configure: shortTimeouts) { _, port in
                let client = try RawSocketClient.connect(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
                #expect(try client.readResponse().status == 200)
                let start = DispatchTime.now()
                #expect(client.isClosedByPeer(within: 5))
                #expect(secondsSince(start) >= 0.25)
                #expect(client.unreadBytes.isEmpty)  // closed silently, no 408
            }
        }

        @Test func closesAConnectionThatNeverSendsAnything() throws {
            try withServer(configure: shortTimeouts) { _, port in
                let client = try RawSocketClient.connect(port: port)
                #expect(client.isClosedByPeer(within: 5))
            }
        }

        @Test func answers408WhenTheHeadDoesNotArriveInTime() throws {
            try withServer(configure: shortTimeouts) { _, port in
                let client = try RawSocketClient.connect(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: te")
                let start = DispatchTime.now()
                let response = try client.readResponse()
                #expect(response.statusLine == "HTTP/1.1 408 Request Timeout")
                #expect(response.header("Connection") == "close")
                #expect(secondsSince(start) >= 0.25)
                #expect(client.isClosedByPeer(within: 5))
                #expect(try serverStillServes(port: port))
            }
        }

        @Test func headerTimeoutIsNotResetByTricklingBytes() throws {
            try withServer(configure: shortTimeouts) { _, port in
                let client = try RawSocketClient.connect(port: port)
                let start = DispatchTime.now()
                // A byte every 50 ms would keep an idle-style timer alive for the 6 s this takes;
                // the head deadline, counted from the first byte, must cut it off long before.
                var sendFailed = false
                for byte in ("GET / HTTP/1.1\r\n" + String(repeating: "X-Slow: 1\r\n", count: 10)).utf8 {
                    do { try client.send([byte]) } catch { sendFailed = true; break }
                    usleep(50_000)
                    if client.isClosedByPeer(within: 0) { break }
                }
                #expect(sendFailed || client.isClosedByPeer(within: 1))
                #expect(secondsSince(start) < 4)
            }
        }

        @Test func answers408WhenTheBodyDoesNotArriveInTime() throws {
            try withServer(configure: shortTimeouts) { _, port in
                let client = try RawSocketClient.connect(port: port)
                try client.send("POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\nabc")
                let response = try client.readResponse()
                #expect(response.statusLine == "HTTP/1.1 408 Request Timeout")
                #expect(client.isClosedByPeer(within: 5))
            }
        }

        @Test func closesAConnectionWhoseClientStopsReading() throws {
            try withServer(configure: shortTimeouts) { _, port in
                let client = try RawSocketClient.connect(port: port)
                try client.send("GET /large?bytes=50000000 HTTP/1.1\r\nHost: test\r\n\r\n")
                usleep(2_000_000)  // not reading: the server's writes block well past the idle timeout
                let received = try client.readUntilClose()
                #expect(received.count > 0)
                #expect(received.count < 50_000_000)
                #expect(try serverStillServes(port: port))
            }
        }

        @Test func aSlowResponderIsNotCutOffByTheTimeouts() throws {
            try withServer(configure: shortTimeouts) { _, port in
                let response = try roundTrip(port: port, "GET /slow?ms=500 HTTP/1.1\r\nHost: test\r\n\r\n")
                #expect(response.statusLine == "HTTP/1.1 200 OK")
                #expect(response.bodyText == "slow done")
            }
        }
    }
}
