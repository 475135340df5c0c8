import Dispatch
import Glibc
import HTTPServer
import Testing
import TestSupport

/// Signals when a request has reached it, then answers only once the test releases it.
private final class GatedResponder: HTTPResponder {
    let started = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)

    func respond(to request: HTTPRequest) -> HTTPResponse {
        started.signal()
        _ = release.wait(timeout: .now() + 10)
        return HTTPResponse(status: 200, body: Array("finished \(request.path)".utf8))
    }
}

/// Polls until connecting to `port` is refused; false if it never was within `seconds`.
private func waitUntilRefused(port: Int, seconds: Double) -> Bool {
    let start = DispatchTime.now()
    while secondsSince(start) < seconds {
        do {
            _ = try RawSocketClient.connect(port: port, timeout: 1)
        } catch {
            return true
        }
        usleep(10_000)
    }
    return false
}

private func startServer(_ responder: any HTTPResponder) throws -> (HTTPServer, Int) {
    var configuration = HTTPServerConfiguration()
    configuration.port = 0
    // Two loops whatever the machine: connections are dealt round-robin, so the idle connection
    // of these tests lands on the loop the blocked responder is not holding.
    configuration.eventLoopCount = 2
    let server = HTTPServer(configuration: configuration, responder: responder, logger: quietLogger)
    return (server, try server.start())
}

/// Runs `body` on a thread of its own. A serial queue with no target gets one at once (it is
/// "overcommit"), whereas the global queues may be busy with other tests' blocked responders.
private func runOnOwnThread(_ body: @escaping @Sendable () -> Void) {
    DispatchQueue(label: "understudy.http.tests.caller").async(execute: body)
}

/// Runs `shutdown` on another thread; the returned semaphore is signalled when it returns.
private func shutdownInBackground(_ server: HTTPServer, gracePeriod: Double) -> DispatchSemaphore {
    let done = DispatchSemaphore(value: 0)
    runOnOwnThread {
        server.shutdown(gracePeriod: gracePeriod)
        done.signal()
    }
    return done
}

extension TimingSensitiveTests {
    @Suite("Graceful shutdown")
    struct ShutdownTests {
        @Test func finishesTheRequestInFlightAndRefusesNewConnections() throws {
            let responder = GatedResponder()
            let (server, port) = try startServer(responder)
            let busy = try RawSocketClient.connect(port: port)
            let idle = try RawSocketClient.connect(port: port)
            try busy.send("GET /in-flight HTTP/1.1\r\nHost: test\r\n\r\n")
            #expect(responder.started.wait(timeout: .now() + 5) == .success)

            let done = shutdownInBackground(server, gracePeriod: 5)
            // The listener closes first, then draining begins: let the responder finish only after that.
            #expect(waitUntilRefused(port: port, seconds: 5))
            #expect(idle.isClosedByPeer())
            responder.release.signal()

            let response = try busy.readResponse()
            #expect(response.statusLine == "HTTP/1.1 200 OK")
            #expect(response.bodyText == "finished /in-flight")
            #expect(response.header("Connection") == "close")
            #expect(busy.isClosedByPeer())
            busy.close()

            #expect(done.wait(timeout: .now() + 5) == .success)
            #expect(throws: RawSocketClientError.self) { try RawSocketClient.connect(port: port) }
            server.shutdown()  // a second call returns at once
            server.waitUntilStopped()
        }

        @Test func forceClosesWhatRemainsAfterTheGracePeriod() throws {
            let (server, port) = try startServer(TestResponder())
            let stalled = try RawSocketClient.connect(port: port)
            // A complete request, then in the same write a head that never completes: once the
            // first response is back, the server has read the partial head too.
            try stalled.send("GET /first HTTP/1.1\r\nHost: test\r\n\r\nGET /second HTTP/1.1\r\nHost: te")
            #expect(try stalled.readResponse().bodyText == "GET /first ? 0:")

            let start = DispatchTime.now()
            let done = shutdownInBackground(server, gracePeriod: 0.3)
            #expect(stalled.isClosedByPeer(within: 5))
            #expect(done.wait(timeout: .now() + 5) == .success)
            #expect(secondsSince(start) >= 0.25)
        }

        @Test func waitUntilStoppedReturnsOnceShutdownCompletes() throws {
            let (server, _) = try startServer(TestResponder())
            let stopped = DispatchSemaphore(value: 0)
            runOnOwnThread {
                server.waitUntilStopped()
                stopped.signal()
            }
            #expect(stopped.wait(timeout: .now() + 0.2) == .timedOut)
            server.shutdown()
            #expect(stopped.wait(timeout: .now() + 5) == .success)
        }

        @Test func reportsBindFailuresAndMisuse() throws {
            let (server, port) = try startServer(TestResponder())
            defer { server.shutdown() }
            #expect(server.port == port)
            #expect(HTTPServer(configuration: HTTPServerConfiguration(), responder: TestResponder()).port == 0)
            #expect(throws: HTTPServerError.alreadyStarted) { try server.start() }

            var clash = HTTPServerConfiguration()
            clash.port = port
            let second = HTTPServer(configuration: clash, responder: TestResponder(), logger: quietLogger)
            do {
                _ = try second.start()
                Issue.record("binding a port in use should fail")
            } catch let error as SocketError {
                #expect(error.errno == EADDRINUSE)
                #expect(error.description.contains("bind to 127.0.0.1:\(port)"))
                #expect(error.description.contains("Address already in use"))
            }

            var badHost = HTTPServerConfiguration()
            badHost.host = "example.invalid"
            #expect(throws: HTTPServerError.invalidHost("example.invalid")) {
                try HTTPServer(configuration: badHost, responder: TestResponder(), logger: quietLogger).start()
            }
        }
    }
}
