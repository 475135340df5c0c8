import Emulation
import TestSupport
import Testing

/// Which requests reach a GoEvent route: the URL prefix, the real host name, Express's 404 page
/// for everything else (spec §4.2), and the `X-Understudy-Route` header.
@Suite struct RoutingTests {
    /// Express's default 404 document for `method` and `path`.
    static func expressNotFoundPage(_ method: String, _ path: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Error</title>
        </head>
        <body>
        <pre>Cannot \(method) \(path)</pre>
        </body>
        </html>

        """
    }

    @Test func anUnknownPathGetsExpresssHTMLPageWithoutAuthentication() throws {
        let server = try TestServer()
        for token in [nil, Seed.token] {
            let response = try server.goEvent("GET", "/events/507f1f77bcf86cd799439011?page=2", token: token)
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(response.header("X-Understudy-Route") == nil)
            #expect(response.header("Content-Security-Policy") == "default-src 'none'")
            #expect(response.header("X-Content-Type-Options") == "nosniff")
            #expect(response.text == Self.expressNotFoundPage("GET", "/developers/v1.0/events/507f1f77bcf86cd799439011"))
        }
    }

    @Test func aKnownPathWithAnotherMethodIsAlsoNotFound() throws {
        let server = try TestServer()
        let expectations: [(method: String, path: String)] = [
            ("DELETE", "/events"), ("POST", "/events"), ("PUT", "/event/\(Seed.festivalEventID)"),
            ("GET", "/tickets/create"), ("PATCH", "/participants"),
        ]
        for (method, path) in expectations {
            let response = try server.goEvent(method, path)
            #expect(response.status == 404, "\(method) \(path)")
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(response.header("X-Understudy-Route") == nil)
            #expect(response.text == Self.expressNotFoundPage(method, "/developers/v1.0" + path), "\(method) \(path)")
        }
    }

    @Test func endpointsTheDocsOnlyNameAreNotFound() throws {
        let server = try TestServer()
        for (method, path) in [("POST", "/events"), ("POST", "/event"), ("POST", "/prices"), ("GET", "/event/")] {
            let response = try server.goEvent(method, path)
            #expect(response.status == 404, "\(method) \(path)")
            #expect(response.header("Content-Type") == "text/html; charset=utf-8", "\(method) \(path)")
        }
    }

    @Test func thePathInThePageIsEncodedAndEscapedAsExpressDoes() throws {
        let server = try TestServer()
        let response = try server.goEvent("GET", "/it's&more/%3Cb%3E/100%")
        #expect(response.status == 404)
        #expect(response.text == Self.expressNotFoundPage("GET", "/developers/v1.0/it&#39;s&amp;more/%3Cb%3E/100%25"))
    }

    @Test func matchedRoutesNameThemselves() throws {
        let server = try TestServer()
        let expectations: [(method: String, path: String, route: String)] = [
            ("GET", "/events", "GET /developers/v1.0/events"),
            ("GET", "/event/\(Seed.jazzEventID)", "GET /developers/v1.0/event/{id}"),
            ("GET", "/event/nope", "GET /developers/v1.0/event/{id}"),
            ("GET", "/tickets?eventId=\(Seed.jazzEventID)", "GET /developers/v1.0/tickets"),
            ("POST", "/tickets/create", "POST /developers/v1.0/tickets/create"),
            ("GET", "/participants?eventId=\(Seed.jazzEventID)", "GET /developers/v1.0/participants"),
        ]
        for (method, path, route) in expectations {
            let response = try server.goEvent(method, path, json: method == "POST" ? [:] : nil)
            #expect(response.header("X-Understudy-Route") == route, "\(method) \(path)")
        }
        // Refused requests went through the route too.
        let unauthorised = try server.goEvent("GET", "/events", token: nil)
        #expect(unauthorised.header("X-Understudy-Route") == "GET /developers/v1.0/events")
    }

    @Test func aTrailingSlashIsIgnoredAsExpressDoes() throws {
        let server = try TestServer()
        let response = try server.goEvent("GET", "/events/?limit=1")
        #expect(response.status == 200)
        #expect(response.ids("events") == [Seed.jazzEventID])
    }

    @Test func theRealHostNameRoutesTheUnprefixedPath() throws {
        let server = try TestServer()
        for host in ["cloud.goevent.live", "CLOUD.goevent.live:443"] {
            let response = try server.request(
                "GET", "/developers/v1.0/event/\(Seed.festivalEventID)",
                headers: [("Host", host), ("Authorization", "Bearer \(Seed.token)")])
            #expect(response.status == 200, "Host: \(host)")
            #expect(response.header("X-Understudy-Route") == "GET /developers/v1.0/event/{id}")
            #expect(response.json["event"]?["name"] == "Festival Électro Lyon")
        }
        let unknown = try server.request("GET", "/events", headers: [("Host", "cloud.goevent.live")])
        #expect(unknown.status == 404)
        #expect(unknown.text == Self.expressNotFoundPage("GET", "/events"))
    }
}
