import Emulation
import Foundation
import Testing
import TestSupport

/// The control API under /_understudy/, exercised over HTTP against a real server.
@Suite struct ControlAPITests {
    static let token = [("Authorization", "Bearer goevent-test-token")]
    static let gala = "643e7b194937913299554a7d"
    static let galaVIP = "65fff7aada40be007f09ee95"

    /// The VIP stock of the "Gala Solidaire" event, read through the GoEvent API.
    static func galaVIPQuantity(_ server: TestServer) throws -> Int64? {
        let response = try server.request("GET", "/goevent/developers/v1.0/tickets?eventId=\(gala)", headers: token)
        return response.json["tickets"]?.arrayValue?.first { $0["id"] == .string(galaVIP) }?["quantity"]?.intValue
    }

    static func buyVIP(_ server: TestServer, quantity: Int) throws -> TestResponse {
        try server.request(
            "POST", "/goevent/developers/v1.0/tickets/create", headers: token,
            json: ["eventId": .string(gala), "tickets": [["ticket_id": .string(galaVIP), "quantity": .int(quantity)]]])
    }

    @Test func healthListsVersionAndProviders() throws {
        let server = try TestServer()
        let response = try server.request("GET", "/_understudy/health")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json")
        #expect(response.json["status"] == "ok")
        #expect(response.json["version"]?.stringValue?.isEmpty == false)
        #expect(response.json["providers"]?.arrayValue?.contains("goevent") == true)
    }

    @Test func credentialsGiveReadyToUseHeaders() throws {
        let server = try TestServer()
        let response = try server.request("GET", "/_understudy/credentials")
        #expect(response.status == 200)
        let headers = response.json["providers"]?["goevent"]?["headers"]
        #expect(headers?["Authorization"] == "Bearer goevent-test-token")
    }

    @Test func routesListEveryEndpointWithAWorkingExample() throws {
        let server = try TestServer()
        let response = try server.request("GET", "/_understudy/routes?provider=goevent")
        #expect(response.status == 200)
        let routes = response.json["routes"]?.arrayValue ?? []
        let templates = routes.compactMap { route -> String? in
            guard let method = route["method"]?.stringValue, let template = route["template"]?.stringValue else { return nil }
            return "\(method) \(template)"
        }
        #expect(
            Set(templates)
                == [
                    "GET /developers/v1.0/events", "GET /developers/v1.0/event/{id}", "GET /developers/v1.0/tickets",
                    "POST /developers/v1.0/tickets/create", "GET /developers/v1.0/participants",
                ])
        for route in routes where route["method"] == "GET" {
            let example = try #require(route["example"]?.stringValue)
            #expect(example.hasPrefix("/goevent/developers/v1.0/"))
            let answer = try server.request("GET", example, headers: Self.token)
            #expect(answer.status == 200, "\(example)")
            #expect(answer.header("X-Understudy-Route") == "GET \(route["template"]?.stringValue ?? "")")
        }
        #expect(try server.request("GET", "/_understudy/routes?provider=nope").status == 404)
    }

    @Test func resetRestoresTheSeedForAllOrOneProvider() throws {
        let server = try TestServer()
        #expect(try Self.galaVIPQuantity(server) == 100)
        #expect(try Self.buyVIP(server, quantity: 3).status == 200)
        #expect(try Self.galaVIPQuantity(server) == 97)

        let all = try server.request("POST", "/_understudy/reset")
        #expect(all.status == 200)
        #expect(all.json["reset"] == "all")
        #expect(try Self.galaVIPQuantity(server) == 100)

        #expect(try Self.buyVIP(server, quantity: 5).status == 200)
        let one = try server.request("POST", "/_understudy/reset?provider=goevent")
        #expect(one.status == 200)
        #expect(one.json["reset"] == "goevent")
        #expect(try Self.galaVIPQuantity(server) == 100)

        #expect(try Self.buyVIP(server, quantity: 1).status == 200)
        let own = try server.request("POST", "/_understudy/goevent/reset")
        #expect(own.status == 200)
        #expect(own.json == [:])
        #expect(try Self.galaVIPQuantity(server) == 100)

        #expect(try server.request("POST", "/_understudy/reset?provider=nope").status == 404)
    }

    @Test func resetIsFastEnoughToRunBetweenEveryTest() throws {
        let server = try TestServer()
        let start = Date()
        for _ in 0..<20 { #expect(try server.request("POST", "/_understudy/reset").status == 200) }
        #expect(Date().timeIntervalSince(start) < 2, "20 resets should take milliseconds each")
    }

    @Test func journalRecordsProviderRequestsNewestFirstWithFilters() throws {
        let server = try TestServer()
        _ = try server.request("GET", "/goevent/developers/v1.0/events?page=2", headers: Self.token)
        _ = try server.request("GET", "/goevent/developers/v1.0/nowhere")
        _ = try Self.buyVIP(server, quantity: 1)

        let all = try server.request("GET", "/_understudy/requests")
        #expect(all.status == 200)
        let entries = all.json["requests"]?.arrayValue ?? []
        #expect(entries.count == 3)
        #expect(entries.first?["method"] == "POST")
        #expect(entries.first?["route"] == "POST /developers/v1.0/tickets/create")
        #expect(entries.first?["body"]?.stringValue?.contains(Self.galaVIP) == true)
        #expect(entries.first?["headers"]?["Authorization"] == "Bearer goevent-test-token")
        #expect(entries[1]["status"] == 404)
        #expect(entries[1]["route"] == .null)
        #expect(entries[2]["query"] == "page=2")
        #expect(entries[2]["provider"] == "goevent")
        #expect(entries[2]["path"] == "/goevent/developers/v1.0/events")

        let filtered = try server.request("GET", "/_understudy/requests?method=get&path=/goevent/developers/v1.0/events")
        #expect(filtered.json["requests"]?.arrayValue?.count == 1)
        let prefixed = try server.request("GET", "/_understudy/requests?path=/goevent/developers/v1.0/*&limit=2")
        #expect(prefixed.json["requests"]?.arrayValue?.count == 2)
        #expect(try server.request("GET", "/_understudy/requests?limit=0").status == 400)

        #expect(try server.request("DELETE", "/_understudy/requests").status == 204)
        #expect(try server.request("GET", "/_understudy/requests").json["requests"] == [])
    }

    @Test func clockFreezesAdvancesAndReleases() throws {
        let server = try TestServer()
        let initial = try server.request("GET", "/_understudy/clock")
        #expect(initial.json["frozen"] == false)

        let frozen = try server.request("PUT", "/_understudy/clock", json: ["now": "2025-08-01T00:00:00Z"])
        #expect(frozen.status == 200)
        #expect(frozen.json["now"] == "2025-08-01T00:00:00.000Z")
        #expect(frozen.json["frozen"] == true)

        let advanced = try server.request("POST", "/_understudy/clock/advance", json: ["seconds": 90])
        #expect(advanced.json["now"] == "2025-08-01T00:01:30.000Z")

        // Timestamps the provider writes follow the emulated clock.
        let created = try server.request(
            "POST", "/goevent/developers/v1.0/tickets/create", headers: Self.token,
            json: [
                "eventId": .string(Self.gala), "tickets": [["ticket_id": .string(Self.galaVIP), "quantity": 1]],
                "participant": ["first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com"],
            ])
        #expect(created.status == 200)
        let participants = try server.request(
            "GET", "/goevent/developers/v1.0/participants?eventId=\(Self.gala)", headers: Self.token)
        #expect(participants.json["participants"]?.arrayValue?.last?["created"] == "2025-08-01T00:01:30.000Z")

        let released = try server.request("DELETE", "/_understudy/clock")
        #expect(released.json["frozen"] == false)
        let now = Timestamp.parse(released.json["now"]?.stringValue ?? "") ?? .distantPast
        #expect(abs(now.timeIntervalSinceNow) < 60)

        #expect(try server.request("PUT", "/_understudy/clock", json: ["now": "tomorrow"]).status == 400)
        #expect(try server.request("PUT", "/_understudy/clock", body: "{not json").status == 400)
        #expect(try server.request("POST", "/_understudy/clock/advance", json: ["seconds": "ten"]).status == 400)
        // Timestamps have four-digit years: the clock cannot be sent past them.
        #expect(try server.request("POST", "/_understudy/clock/advance", json: ["seconds": 1e308]).status == 400)
        #expect(try server.request("PUT", "/_understudy/clock", json: ["now": "0000-06-01T00:00:00Z"]).status == 400)
        #expect(try server.request("GET", "/_understudy/clock").json["frozen"] == false)
    }

    @Test func faultsAnswerInTheProviderDialectThenExpire() throws {
        let server = try TestServer()
        let armed = try server.request(
            "POST", "/_understudy/goevent/faults",
            json: ["method": "GET", "path": "/developers/v1.0/events", "status": 503, "times": 1])
        #expect(armed.status == 201)
        #expect(try server.request("GET", "/_understudy/goevent/faults").json["faults"]?.arrayValue?.count == 1)

        let failed = try server.request("GET", "/goevent/developers/v1.0/events", headers: Self.token)
        #expect(failed.status == 503)
        #expect(failed.json == ["success": false, "message": "Internal server error"])
        #expect(failed.header("X-Understudy-Route") == "GET /developers/v1.0/events")

        #expect(try server.request("GET", "/goevent/developers/v1.0/events", headers: Self.token).status == 200)
        #expect(try server.request("POST", "/_understudy/goevent/faults", json: ["status": 200]).status == 400)
        #expect(try server.request("POST", "/_understudy/goevent/faults", json: ["status": "503"]).status == 400)
        #expect(try server.request("POST", "/_understudy/goevent/faults", json: ["times": 0]).status == 400)
        #expect(try server.request("DELETE", "/_understudy/goevent/faults").status == 204)
    }

    @Test func unknownPathsGetClearErrors() throws {
        let server = try TestServer()
        let control = try server.request("GET", "/_understudy/nothing-here")
        #expect(control.status == 404)
        #expect(control.json["error"]?.stringValue?.isEmpty == false)
        let wrongMethod = try server.request("POST", "/_understudy/health")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.header("Allow") == "GET")
        let outside = try server.request("GET", "/not-a-provider/v1/things")
        #expect(outside.status == 404)
        #expect(outside.header("X-Understudy-Route") == nil)
    }

    @Test func hostHeaderRoutesToTheProviderUnprefixed() throws {
        let server = try TestServer()
        let response = try server.request(
            "GET", "/developers/v1.0/events", headers: Self.token + [("Host", "cloud.goevent.live:443")])
        #expect(response.status == 200)
        #expect(response.header("X-Understudy-Route") == "GET /developers/v1.0/events")
    }
}
