import Emulation
import Foundation
import Synchronization
import TestSupport
import Testing

/// A provider whose memoized reads say how many times their handlers ran: `/window` reads the
/// clock and states the instants its answer changes at that the query names (`changes_at`, each
/// in milliseconds since 1970), `/plain` does neither.
struct ClockedTestProvider: Provider {
    final class RunCounter: Sendable {
        let value = Atomic<Int>(0)
    }

    let name = "clocked"
    let basePath = "/api"
    let hosts: [String] = []
    let runs = RunCounter()

    var schema: String { "CREATE TABLE clocked_notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);" }

    func loadSeed(from seed: SeedDirectory, into database: Database) throws {}

    var routes: [Route<Void>] {
        [
            Route("GET", "/window") { request, _ in
                let run = runs.value.add(1, ordering: .relaxed).newValue
                for text in request.query.values(for: "changes_at") {
                    guard let instant = Int64(text) else { return .json(["error": "changes_at"], status: 400) }
                    request.answerChanges(at: instant)
                }
                let now = request.now.millisecondsSince1970
                // A handler that takes a while still reads the instant its answer is made at.
                if let pause = request.query["pause_ms"].flatMap(UInt32.init) { usleep(min(pause, 50) * 1000) }
                return .json(["run": .int(run), "now": .int(Int(now)), "now_again": .int(Int(request.now.millisecondsSince1970))])
            }.memoized(),
            Route("GET", "/plain") { _, _ in .json(["run": .int(runs.value.add(1, ordering: .relaxed).newValue)]) }.memoized(),
            Route("POST", "/notes") { request, _ in
                try request.write { try $0.run("INSERT INTO clocked_notes (text) VALUES ('note')") }
                return .json([:], status: 201)
            },
        ]
    }

    func authenticate(_ request: ProviderRequest) throws {}

    func routeNotFound(_ request: UnmatchedRequest) -> HTTPResponse { .json(["error": "notFound"], status: 404) }

    func errorResponse(for error: any Error, status: Int) -> HTTPResponse { .json(["error": .string("\(error)")], status: status) }

    func credentials(in database: Database, tokens: [IssuedToken]) throws -> JSONValue { [:] }
}

/// A memoized answer that states when the emulated clock changes it is reused only while the
/// clock is between the instant it was made and that one (`AnswerValidity`).
@Suite struct ClockAwareResponseCacheTests {
    /// 2030-01-01T00:00:00Z.
    static let start: Int64 = 1_893_456_000_000

    /// A server whose clock is frozen at `start`.
    private func server(memoizes: Bool = true) throws -> KitTestServer {
        let server = try KitTestServer([ClockedTestProvider()], memoizesResponses: memoizes)
        try control(server, "PUT", "/_understudy/clock", #"{"now": "2030-01-01T00:00:00Z"}"#)
        return server
    }

    private func control(_ server: KitTestServer, _ method: String, _ path: String, _ body: String) throws {
        let response = try server.request(method, path, headers: [("Content-Type", "application/json")], body: Array(body.utf8))
        #expect(response.status == 200)
    }

    private func advance(_ server: KitTestServer, milliseconds: Int64) throws {
        try control(server, "POST", "/_understudy/clock/advance", #"{"seconds": \#(Double(milliseconds) / 1000)}"#)
    }

    /// The read's `run` and `now`, after checking it succeeded.
    private func read(_ server: KitTestServer, _ query: String = "", path: String = "/window") throws -> (run: Int64?, now: Int64?, body: [UInt8]) {
        let response = try server.request("GET", "/clocked/api" + path + query)
        #expect(response.status == 200)
        return (response.json["run"]?.intValue, response.json["now"]?.intValue, response.body)
    }

    @Test func anAnswerIsReusedUntilTheClockReachesTheInstantItChangesAt() throws {
        let server = try server()
        let query = "?changes_at=\(Self.start + 60_000)"
        let first = try read(server, query)
        #expect(first.run == 1)
        #expect(first.now == Self.start)
        #expect(server.world.responses.count == 1)
        #expect(try read(server, query).body == first.body)
        try advance(server, milliseconds: 59_999)
        #expect(try read(server, query).body == first.body)
        try advance(server, milliseconds: 1)
        let after = try read(server, query)
        #expect(after.run == 2)
        #expect(after.now == Self.start + 60_000)
        // Made at the instant it said it changes at: its window is empty, so it is not kept.
        #expect(try read(server, query).run == 3)
    }

    @Test func movingTheClockBackRunsTheHandlerAgain() throws {
        let server = try server()
        let query = "?changes_at=\(Self.start + 60_000)"
        #expect(try read(server, query).run == 1)
        try advance(server, milliseconds: -1)
        let earlier = try read(server, query)
        #expect(earlier.run == 2)
        #expect(earlier.now == Self.start - 1)
        // Back inside the window of the answer made a millisecond earlier.
        try advance(server, milliseconds: 1)
        #expect(try read(server, query).body == earlier.body)
    }

    @Test func theEarliestStatedInstantEndsTheWindow() throws {
        let server = try server()
        let query = "?changes_at=\(Self.start + 60_000)&changes_at=\(Self.start + 1_000)&changes_at=\(Self.start + 5_000)"
        #expect(try read(server, query).run == 1)
        try advance(server, milliseconds: 999)
        #expect(try read(server, query).run == 1)
        try advance(server, milliseconds: 1)
        #expect(try read(server, query).run == 2)
    }

    @Test func anAnswerMadeWithoutTheClockHoldsWhateverTheClockDoesUntilAWrite() throws {
        let server = try server()
        let first = try read(server, path: "/plain")
        #expect(first.run == 1)
        try advance(server, milliseconds: 365 * 86_400_000)
        #expect(try read(server, path: "/plain").body == first.body)
        try advance(server, milliseconds: -2 * 365 * 86_400_000)
        #expect(try read(server, path: "/plain").body == first.body)
        try control(server, "DELETE", "/_understudy/clock", "")
        #expect(try read(server, path: "/plain").body == first.body)
        #expect(try server.request("POST", "/clocked/api/notes").status == 201)
        #expect(try read(server, path: "/plain").run == 2)
    }

    @Test func anAnswerThatReadTheClockButStatesNoInstantHoldsFromItsInstantOn() throws {
        let server = try server()
        let first = try read(server)
        #expect(first.run == 1)
        try advance(server, milliseconds: 365 * 86_400_000)
        #expect(try read(server).body == first.body)
        try advance(server, milliseconds: -365 * 86_400_000 - 1)
        let earlier = try read(server)
        #expect(earlier.run == 2)
        #expect(earlier.now == Self.start - 1)
    }

    @Test func aWriteEndsAWindowEarly() throws {
        let server = try server()
        let query = "?changes_at=\(Self.start + 60_000)"
        #expect(try read(server, query).run == 1)
        #expect(try server.request("POST", "/clocked/api/notes").status == 201)
        #expect(try read(server, query).run == 2)
        #expect(try read(server, query).run == 2)
    }

    @Test func theHandlerReadsOneInstantWhileTheClockRuns() throws {
        let server = try server()
        try control(server, "DELETE", "/_understudy/clock", "")
        let response = try server.request("GET", "/clocked/api/window?pause_ms=5&changes_at=\(Int64.max - 1)")
        #expect(response.status == 200)
        #expect(response.json["now"] != nil)
        #expect(response.json["now_again"] == response.json["now"])
    }

    @Test func withTheCacheOffEveryReadRunsTheHandler() throws {
        let server = try server(memoizes: false)
        let query = "?changes_at=\(Self.start + 60_000)"
        #expect(try read(server, query).run == 1)
        #expect(try read(server, query).run == 2)
        #expect(try read(server).run == 3)
        #expect(server.world.responses.count == 0)
    }
}
