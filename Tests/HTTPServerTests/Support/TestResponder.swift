import Glibc
import HTTPServer

/// The responder behind the socket tests.
///
/// - `/fixed`: 200 with the 12-byte body `twelve bytes`, whatever the method.
/// - `/status/NNN`: status NNN with the body `status body`.
/// - `/close`: 200 with `Connection: close` set by the responder.
/// - `/large?bytes=N`: 200 with N bytes of `x`.
/// - `/slow?ms=N`: sleeps N milliseconds, then 200 `slow done`.
/// - anything else: 200 echoing `METHOD PATH ?QUERY BODYLENGTH:BODY`.
struct TestResponder: HTTPResponder {
    func respond(to request: HTTPRequest) -> HTTPResponse {
        switch request.path {
        case "/fixed":
            return HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Array("twelve bytes".utf8))
        case let path where path.hasPrefix("/status/"):
            return HTTPResponse(status: Int(path.dropFirst("/status/".count)) ?? 500, body: Array("status body".utf8))
        case "/close":
            return HTTPResponse(status: 200, headers: ["Connection": "close"], body: Array("bye".utf8))
        case "/large":
            return HTTPResponse(status: 200, body: [UInt8](repeating: UInt8(ascii: "x"), count: queryNumber(request, "bytes")))
        case "/slow":
            usleep(UInt32(queryNumber(request, "ms") * 1000))
            return HTTPResponse(status: 200, body: Array("slow done".utf8))
        default:
            let summary = "\(request.method) \(request.path) ?\(request.query) \(request.body.count):"
            return HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Array(summary.utf8) + request.body)
        }
    }

    private func queryNumber(_ request: HTTPRequest, _ name: String) -> Int {
        for pair in request.query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == name, let value = Int(parts[1]) { return value }
        }
        return 0
    }
}
