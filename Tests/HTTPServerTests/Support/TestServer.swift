import Dispatch
import HTTPServer
import Logging
import TestSupport

/// Runs `body` against a fresh server on a free port, then shuts the server down.
func withServer(
    responder: any HTTPResponder = TestResponder(),
    configure: (inout HTTPServerConfiguration) -> Void = { _ in },
    _ body: (_ server: HTTPServer, _ port: Int) throws -> Void
) throws {
    var configuration = HTTPServerConfiguration()
    configuration.port = 0
    configure(&configuration)
    let server = HTTPServer(configuration: configuration, responder: responder, logger: quietLogger)
    let port = try server.start()
    defer { server.shutdown(gracePeriod: 1) }
    try body(server, port)
}

/// Logs errors only, so expected warnings (connection limit) stay out of the test output.
let quietLogger: Logger = {
    var logger = Logger(label: "understudy.http.tests")
    logger.logLevel = .error
    return logger
}()

/// Sends one request on a new connection and reads the response.
func roundTrip(port: Int, _ request: String, isResponseToHEAD: Bool = false) throws -> RawResponse {
    let client = try RawSocketClient.connect(port: port)
    try client.send(request)
    return try client.readResponse(isResponseToHEAD: isResponseToHEAD)
}

/// A fresh connection still gets a 200: the server survived whatever the test did before.
func serverStillServes(port: Int) throws -> Bool {
    let response = try roundTrip(port: port, "GET /alive HTTP/1.1\r\nHost: test\r\n\r\n")
    return response.statusLine == "HTTP/1.1 200 OK" && response.bodyText == "GET /alive ? 0:"
}

/// Seconds since `start`.
func secondsSince(_ start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

/// Whether `text` has the Date format of RFC 9110 §5.6.7.
func isIMFFixdate(_ text: String?) -> Bool {
    guard let text else { return false }
    let pattern = #/(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT/#
    return text.wholeMatch(of: pattern) != nil
}
