import Testing
@testable import HTTPServer

@Suite("HTTPHeaders, HTTPDate, HTTPRequest")
struct HTTPModelTests {
    @Test func headersLookUpCaseInsensitivelyAndKeepOrderAndDuplicates() {
        var headers = HTTPHeaders([("Set-Cookie", "a=1"), ("Content-Type", "text/plain"), ("set-cookie", "b=2")])
        #expect(headers["SET-COOKIE"] == "a=1")
        #expect(headers.values(for: "Set-Cookie") == ["a=1", "b=2"])
        #expect(headers.contains("content-type"))
        #expect(!headers.contains("content"))
        #expect(headers.count == 3)
        headers.add("X-New", "1")
        #expect(headers.map(\.name) == ["Set-Cookie", "Content-Type", "set-cookie", "X-New"])
    }

    @Test func setReplacesAllValuesAtThePositionOfTheFirst() {
        var headers: HTTPHeaders = ["A": "1", "B": "2", "a": "3", "C": "4"]
        headers.set("a", "new")
        #expect(headers.map { "\($0.name)=\($0.value)" } == ["a=new", "B=2", "C=4"])
        headers.set("D", "5")
        #expect(headers.map(\.name) == ["a", "B", "C", "D"])
        headers.remove("b")
        #expect(headers.map(\.name) == ["a", "C", "D"])
        #expect(headers["B"] == nil)
    }

    @Test func formatsIMFFixdate() {
        #expect(HTTPDate.imfFixdate(epochSeconds: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.imfFixdate(epochSeconds: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.imfFixdate(epochSeconds: 1_709_251_199) == "Thu, 29 Feb 2024 23:59:59 GMT")
        var cache = HTTPDateCache()
        #expect(isIMFFixdate(cache.current()))
    }

    @Test func requestInitSplitsPathAndQuery() {
        let request = HTTPRequest(method: "GET", target: "/a/b%20c?x=1")
        #expect(request.path == "/a/b%20c")
        #expect(request.query == "x=1")
        #expect(request.version == .http1_1)
        #expect(HTTPRequest(method: "GET", target: "/?").query == "")
        #expect(HTTPVersion.http1_0.description == "HTTP/1.0")
    }
}
