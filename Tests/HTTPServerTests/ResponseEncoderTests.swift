import Testing
@testable import HTTPServer

private let date = "Sun, 06 Nov 1994 08:49:37 GMT"

private func encode(
    _ response: HTTPResponse,
    head: Bool = false,
    keepAlive: Bool = true,
    http10: Bool = false
) -> (text: String, keepAlive: Bool) {
    var buffer: [UInt8] = []
    let context = ResponseEncoder.Context(isResponseToHEAD: head, keepAlive: keepAlive, isHTTP10: http10, date: date)
    let staysOpen = ResponseEncoder.encode(response, context: context, into: &buffer)
    return (String(decoding: buffer, as: UTF8.self), staysOpen)
}

private func response(_ status: Int, _ headers: HTTPHeaders = [:], _ body: String = "") -> HTTPResponse {
    HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
}

@Suite("ResponseEncoder")
struct ResponseEncoderTests {
    @Test func addsLengthAndDateAfterTheRespondersFields() {
        let encoded = encode(response(200, ["Content-Type": "text/plain", "X-B": "2", "X-A": "1"], "hi"))
        #expect(encoded.text == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-B: 2\r\nX-A: 1\r\nContent-Length: 2\r\nDate: \(date)\r\n\r\nhi")
        #expect(encoded.keepAlive)
    }

    @Test func announcesClose() {
        let encoded = encode(response(201, [:], "x"), keepAlive: false)
        #expect(encoded.text == "HTTP/1.1 201 Created\r\nContent-Length: 1\r\nDate: \(date)\r\nConnection: close\r\n\r\nx")
        #expect(!encoded.keepAlive)
    }

    @Test func announcesKeepAliveToHTTP10Clients() {
        #expect(encode(response(200), http10: true).text == "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nDate: \(date)\r\nConnection: keep-alive\r\n\r\n")
        #expect(encode(response(200), keepAlive: false, http10: true).text.hasSuffix("Connection: close\r\n\r\n"))
    }

    @Test func honoursTheRespondersConnectionClose() {
        let encoded = encode(response(200, ["Connection": "Close", "X": "y"], "ok"))
        #expect(encoded.text == "HTTP/1.1 200 OK\r\nX: y\r\nContent-Length: 2\r\nDate: \(date)\r\nConnection: close\r\n\r\nok")
        #expect(!encoded.keepAlive)
    }

    @Test func sendsNoBodyForHEADButTheLengthOfTheGETBody() {
        #expect(encode(response(200, [:], "twelve bytes"), head: true).text == "HTTP/1.1 200 OK\r\nContent-Length: 12\r\nDate: \(date)\r\n\r\n")
        // A responder may answer HEAD without the body but with its length.
        #expect(encode(response(200, ["Content-Length": "99"]), head: true).text == "HTTP/1.1 200 OK\r\nContent-Length: 99\r\nDate: \(date)\r\n\r\n")
    }

    @Test func sends204And1xxWithoutBodyOrLength() {
        #expect(encode(response(204, ["Content-Length": "4"], "body")).text == "HTTP/1.1 204 No Content\r\nDate: \(date)\r\n\r\n")
        #expect(encode(response(100)).text == "HTTP/1.1 100 Continue\r\nDate: \(date)\r\n\r\n")
    }

    @Test func sends304WithoutBodyOrLength() {
        #expect(encode(response(304, [:], "body")).text == "HTTP/1.1 304 Not Modified\r\nDate: \(date)\r\n\r\n")
        #expect(encode(response(304, ["ETag": "\"v1\"", "Content-Length": "4"], "body")).text == "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nDate: \(date)\r\n\r\n")
    }

    @Test func correctsAWrongContentLengthAndDropsTransferEncoding() {
        let encoded = encode(response(200, ["content-length": "100", "Transfer-Encoding": "chunked"], "abc"))
        #expect(encoded.text == "HTTP/1.1 200 OK\r\ncontent-length: 3\r\nDate: \(date)\r\n\r\nabc")
    }

    @Test func keepsTheRespondersDate() {
        let encoded = encode(response(200, ["Date": "Mon, 01 Jan 2024 00:00:00 GMT"]))
        #expect(encoded.text == "HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\nContent-Length: 0\r\n\r\n")
    }

    @Test func neutralisesFieldsThatWouldSplitTheResponse() {
        let encoded = encode(response(200, ["X-Evil": "a\r\nInjected: yes", "Bad Name": "v"]))
        #expect(encoded.text == "HTTP/1.1 200 OK\r\nX-Evil: a  Injected: yes\r\nContent-Length: 0\r\nDate: \(date)\r\n\r\n")
    }

    @Test func usesUnknownForUnlistedStatusesAnd500ForImpossibleOnes() {
        #expect(encode(response(299)).text.hasPrefix("HTTP/1.1 299 Unknown\r\n"))
        #expect(encode(response(42)).text.hasPrefix("HTTP/1.1 500 Internal Server Error\r\n"))
    }

    @Test(arguments: [
        (200, "OK"), (201, "Created"), (204, "No Content"), (301, "Moved Permanently"), (302, "Found"),
        (304, "Not Modified"), (400, "Bad Request"), (401, "Unauthorized"), (402, "Payment Required"),
        (403, "Forbidden"), (404, "Not Found"), (405, "Method Not Allowed"), (408, "Request Timeout"),
        (409, "Conflict"), (410, "Gone"), (413, "Content Too Large"), (414, "URI Too Long"),
        (415, "Unsupported Media Type"), (422, "Unprocessable Content"), (429, "Too Many Requests"),
        (431, "Request Header Fields Too Large"), (500, "Internal Server Error"), (501, "Not Implemented"),
        (502, "Bad Gateway"), (503, "Service Unavailable"), (505, "HTTP Version Not Supported"),
    ])
    func statusLineCarriesTheReasonPhrase(status: Int, reason: String) {
        #expect(encode(response(status)).text.hasPrefix("HTTP/1.1 \(status) \(reason)\r\n"))
    }

    @Test func appendsAfterEarlierResponses() {
        var buffer: [UInt8] = []
        let context = ResponseEncoder.Context(isResponseToHEAD: false, keepAlive: true, isHTTP10: false, date: date)
        ResponseEncoder.encode(response(200, [:], "a"), context: context, into: &buffer)
        ResponseEncoder.encode(response(404, [:], "b"), context: context, into: &buffer)
        let one = "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nDate: \(date)\r\n\r\na"
        let two = "HTTP/1.1 404 Not Found\r\nContent-Length: 1\r\nDate: \(date)\r\n\r\nb"
        #expect(String(decoding: buffer, as: UTF8.self) == one + two)
    }
}
