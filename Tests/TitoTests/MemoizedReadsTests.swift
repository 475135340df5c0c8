import Emulation
import TestSupport
import Testing

/// The tickets list, a ticket, the registrations list, a registration, the releases list and a
/// release are memoized (`ResponseCache`): a repeated read is answered from memory; a write, the
/// clock reaching an instant at which a release's `expired`, `upcoming` or `allocatable` flips,
/// or the clock moving back before the answer was made, makes the next read render again.
@Suite struct MemoizedReadsTests {
    static let tickets = "/biscuit-box/2018/tickets"
    static let johnsTicket = "ti_dhlR2CSzh59ZLht5ELPkxjg"
    static let releases = "/biscuit-box/2018/releases"
    static let coffeeBrewing = releases + "/coffee-brewing"
    static let registration = "/biscuit-box/2018/registrations/3509401"

    /// John's ticket's release (Coffee Brewing) as the tickets list embeds it.
    private func releaseInList(_ server: TestServer) throws -> JSONValue? {
        let page = try server.tito("GET", Self.tickets)
        #expect(page.status == 200)
        return page.json["tickets"]?.arrayValue?.first { $0["slug"] == .string(Self.johnsTicket) }?["release"]
    }

    /// John's ticket's release as the ticket embeds it.
    private func releaseInTicket(_ server: TestServer) throws -> JSONValue? {
        let ticket = try server.tito("GET", Self.tickets + "/" + Self.johnsTicket)
        #expect(ticket.status == 200)
        return ticket.json["ticket"]?["release"]
    }

    /// The clock-dependent flags of an embedded release.
    private func flags(_ release: JSONValue?) -> [JSONValue?] {
        [release?["expired"], release?["upcoming"], release?["allocatable"]]
    }

    /// Coffee Brewing's `expired`, `upcoming` and `allocatable` are `expected` in the tickets
    /// list and in John's ticket.
    private func expectFlags(
        _ server: TestServer, _ expected: [JSONValue?], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(flags(try releaseInList(server)) == expected, sourceLocation: sourceLocation)
        #expect(flags(try releaseInTicket(server)) == expected, sourceLocation: sourceLocation)
    }

    /// Sets Coffee Brewing's `start_at` or `end_at`.
    private func schedule(_ server: TestServer, _ field: String, _ instant: String) throws {
        let response = try server.tito("PATCH", Self.coffeeBrewing, json: ["release": [field: .string(instant)]])
        #expect(response.status == 200)
    }

    /// A server where Coffee Brewing's `field` is `instant` and the clock is frozen at `now`,
    /// after the tickets list and John's ticket were read (and kept) showing `expected` flags.
    private func scheduledServer(
        _ field: String, at instant: String, frozenAt now: String, showing expected: [JSONValue?],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> TestServer {
        let server = try TestServer()
        try schedule(server, field, instant)
        try server.freezeClock(at: now)
        try expectFlags(server, expected, sourceLocation: sourceLocation)
        #expect(server.world.responses.count == 2, sourceLocation: sourceLocation)
        return server
    }

    @Test func aRepeatedReadAnswersTheSameBytesFromTheCache() throws {
        let server = try TestServer()
        let reads = [
            Self.tickets, "/demo/big-conf/tickets?page[size]=100", Self.tickets + "/" + Self.johnsTicket,
            "/biscuit-box/2018/registrations", Self.registration, Self.releases, Self.releases + "?view=extended",
            Self.coffeeBrewing,
        ]
        for path in reads {
            let first = try server.tito("GET", path)
            let second = try server.tito("GET", path)
            #expect(first.status == 200)
            #expect(second.status == 200)
            #expect(second.body == first.body)
            #expect(second.header("X-Understudy-Route") == first.header("X-Understudy-Route"))
        }
        #expect(server.world.responses.count == reads.count)
        // Authentication still runs for every read.
        #expect(try server.tito("GET", Self.tickets, token: "not-a-token").status == 401)
    }

    @Test func aWriteShowsInTheNextRead() throws {
        let server = try TestServer()
        #expect(try server.tito("GET", Self.tickets).ids("tickets") == [3068942, 3068941, 3068931])
        #expect(try server.tito("GET", Self.tickets + "/3068941").json["ticket"]?["state"] == "complete")
        let registrations = try server.tito("GET", "/biscuit-box/2018/registrations")
        #expect(server.world.responses.count == 3)
        #expect(try server.tito("POST", Self.tickets + "/3068941/void").status == 200)
        #expect(try server.tito("GET", Self.tickets).ids("tickets") == [3068942, 3068931])
        #expect(try server.tito("GET", Self.tickets + "/3068941").json["ticket"]?["state"] == "void")
        // The void ticket's registration lists it void now.
        #expect(try server.tito("GET", "/biscuit-box/2018/registrations").body != registrations.body)
    }

    @Test func reachingAReleasesEndMakesItExpiredInTheNextRead() throws {
        let server = try scheduledServer(
            "end_at", at: "2030-01-01T01:00:00Z", frozenAt: "2030-01-01T00:00:00Z", showing: [false, false, true])
        let before = try server.tito("GET", Self.tickets).body
        try server.advanceClock(seconds: 3599.999)
        #expect(try server.tito("GET", Self.tickets).body == before)
        try server.advanceClock(seconds: 0.001)
        try expectFlags(server, [true, false, false])
    }

    @Test func reachingAReleasesStartEndsItsUpcomingInTheNextRead() throws {
        let server = try scheduledServer(
            "start_at", at: "2030-01-01T01:00:00Z", frozenAt: "2030-01-01T00:00:00Z", showing: [false, true, false])
        try server.advanceClock(seconds: 3600)
        try expectFlags(server, [false, false, true])
    }

    @Test func movingTheClockBackRendersAgain() throws {
        // Past the end, no flag flips ahead: the answer holds from now on, not before.
        let server = try scheduledServer(
            "end_at", at: "2030-01-01T01:00:00Z", frozenAt: "2030-01-01T02:00:00Z", showing: [true, false, false])
        try server.advanceClock(seconds: 86_400)
        try expectFlags(server, [true, false, false])
        try server.freezeClock(at: "2030-01-01T00:59:59.999Z")
        try expectFlags(server, [false, false, true])
    }

    @Test func aReleaseWriteShowsInTheNextReleaseAndRegistrationReads() throws {
        let server = try TestServer()
        let reads = [Self.releases, Self.coffeeBrewing, Self.registration]
        let before = try reads.map { try server.tito("GET", $0).body }
        #expect(server.world.responses.count == reads.count)
        let renamed = try server.tito("PATCH", Self.coffeeBrewing, json: ["release": ["title": "Pour-over"]])
        #expect(renamed.status == 200)
        let list = try server.tito("GET", Self.releases)
        #expect(list.json["releases"]?.arrayValue?.first { $0["slug"] == "coffee-brewing" }?["title"] == "Pour-over")
        #expect(try server.tito("GET", Self.coffeeBrewing).json["release"]?["title"] == "Pour-over")
        // The registration's line item names the release by its title.
        let registration = try server.tito("GET", Self.registration)
        #expect(registration.json["registration"]?["line_items"]?.arrayValue?.contains { $0["title"] == "Pour-over" } == true)
        #expect(zip(before, [list.body, try server.tito("GET", Self.coffeeBrewing).body, registration.body]).allSatisfy { $0 != $1 })
    }

    /// Coffee Brewing's `expired` in the releases list and in its own read.
    private func coffeeBrewingExpired(_ server: TestServer) throws -> [JSONValue?] {
        let list = try server.tito("GET", Self.releases)
        #expect(list.status == 200)
        let release = try server.tito("GET", Self.coffeeBrewing)
        #expect(release.status == 200)
        return [
            list.json["releases"]?.arrayValue?.first { $0["slug"] == "coffee-brewing" }?["expired"],
            release.json["release"]?["expired"],
        ]
    }

    @Test func passingAReleasesEndFlipsExpiredInTheReleasesReadsAndMovingBackRendersAgain() throws {
        let server = try TestServer()
        try schedule(server, "end_at", "2030-01-01T01:00:00Z")
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
        #expect(try coffeeBrewingExpired(server) == [false, false])
        #expect(server.world.responses.count == 2)
        let before = try server.tito("GET", Self.releases).body
        try server.advanceClock(seconds: 3599.999)
        #expect(try server.tito("GET", Self.releases).body == before)
        try server.advanceClock(seconds: 0.001)
        #expect(try coffeeBrewingExpired(server) == [true, true])
        try server.freezeClock(at: "2030-01-01T00:59:59.999Z")
        #expect(try coffeeBrewingExpired(server) == [false, false])
        #expect(try server.tito("GET", Self.releases).body == before)
    }

    /// The same steps against a server with the cache and one without give the same bytes.
    @Test func withTheCacheOffEveryReadAnswersAsWithIt() throws {
        let cached = try TestServer()
        let uncached = try TestServer { $0.memoizesResponses = false }
        #expect(!uncached.world.responses.isEnabled)
        let reads = [
            Self.tickets, Self.tickets + "/" + Self.johnsTicket, "/biscuit-box/2018/registrations", Self.registration, Self.releases,
            Self.coffeeBrewing,
        ]
        let steps: [(TestServer) throws -> Void] = [
            // Frozen first, so both servers stamp the writes alike.
            { try $0.freezeClock(at: "2030-01-01T00:00:00Z") },
            { try self.schedule($0, "end_at", "2030-01-01T01:00:00Z") },
            { _ = try $0.tito("POST", Self.tickets + "/3068941/void") },
            { try $0.advanceClock(seconds: 3600) },
            { try $0.advanceClock(seconds: -1) },
        ]
        for step in steps {
            try step(cached)
            try step(uncached)
            for path in reads {
                let expected = try uncached.tito("GET", path)
                #expect(expected.status == 200)
                #expect(try cached.tito("GET", path).body == expected.body)
                #expect(try uncached.tito("GET", path).body == expected.body)
            }
        }
        #expect(uncached.world.responses.count == 0)
    }
}
