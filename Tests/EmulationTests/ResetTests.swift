import Emulation
import Foundation
import Testing
import TestSupport

/// A reset copies back only the rows written since the last one; whatever the writes were
/// (creates that fire triggers, deletes that cascade, counters), the data afterwards is the seed's,
/// row for row and rowid for rowid.
@Suite struct ResetTests {
    typealias Dump = [String: [[SQLiteValue]]]

    /// Every row of every table (with its rowid where it has one), by table.
    static func dump(_ world: World, tablesWithPrefix prefix: String = "") throws -> Dump {
        try world.database.read { db in
            var dump: Dump = [:]
            let tables = try db.query(
                "SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite%'")
            for table in tables {
                let name = table.string("name")!
                guard name.hasPrefix(prefix) else { continue }
                let select = table.int("wr") == 1 ? "SELECT * FROM \"\(name)\" ORDER BY 1" : "SELECT rowid, * FROM \"\(name)\" ORDER BY rowid"
                dump[name] = try db.query(select).map(\.values)
            }
            return dump
        }
    }

    static func headers(_ server: TestServer, _ provider: String) throws -> [(String, String)] {
        let credentials = try server.request("GET", "/_understudy/credentials").json
        guard case .object(let headers)? = credentials["providers"]?[provider]?["headers"] else { return [] }
        return headers.map { ($0.key, $0.value.stringValue ?? "") } + [("Content-Type", "application/json")]
    }

    /// Writes in every provider: creates that fire triggers, an update, a delete that cascades.
    static func write(_ server: TestServer, round: Int) throws {
        let tito = try headers(server, "tito")
        let goevent = try headers(server, "goevent")
        let letsdothis = try headers(server, "letsdothis")
        let eventbrite = try headers(server, "eventbrite")
        let bookingkit = try headers(server, "bookingkit")
        let statuses = [
            try server.request("POST", "/tito/v3/biscuit-box/2018/registrations", headers: tito, body: """
                {"registration": {"name": "Reset \(round)", "email": "r\(round)@example.com", "line_items": [{"release_id": 123, "quantity": 2}]}}
                """).status,
            try server.request("PATCH", "/tito/v3/demo/big-conf", headers: tito, body: #"{"event": {"title": "Changed"}}"#).status,
            try server.request("DELETE", "/tito/v3/biscuit-box/2018", headers: tito).status,
            try server.request("POST", "/goevent/developers/v1.0/tickets/create", headers: goevent, body: """
                {"eventId": "643e7b194937913299554a7d", "tickets": [{"ticket_id": "65fff7aada40be007f09ee95", "quantity": 3}],
                 "participant": {"first_name": "Re", "last_name": "Set", "email": "reset\(round)@example.com"}}
                """).status,
            try server.request("POST", "/letsdothis/v0/partners", headers: letsdothis, body: """
                {"name": "Reset partner \(round)", "contacts": [{"emailAddress": "p\(round)@example.com"}]}
                """).status,
            try server.request("POST", "/eventbrite/v3/organizations/12345/venues/", headers: eventbrite, body: """
                {"venue": {"name": "Reset hall \(round)", "address": {"city": "Portland", "country": "us"}}}
                """).status,
            try server.request("POST", "/bookingkit/v3/dates", headers: bookingkit, body: """
                {"event_id": "b589292a6b11eadff27b903f0f639065", "date": "2030-09-0\(round)T10:00:00Z", "available_slots": 5, "total_slots": 5}
                """).status,
        ]
        #expect(statuses.allSatisfy { (200..<300).contains($0) }, "write statuses \(statuses)")
    }

    @Test func aResetAfterWritesInEveryProviderGivesTheSeedRowForRow() throws {
        let seed = try Self.dump(TestServer().world)
        let server = try TestServer()
        for round in 1...3 {
            try Self.write(server, round: round)
            #expect(try Self.dump(server.world) != seed)
            let reset = try server.request("POST", "/_understudy/reset")
            #expect(reset.status == 200, "\(reset.text)")
            #expect(try Self.dump(server.world) == seed, "after round \(round)")
        }
        // A second reset with nothing written changes nothing.
        #expect(try server.request("POST", "/_understudy/reset").status == 200)
        #expect(try Self.dump(server.world) == seed)
        // The same requests after a reset create the same ids.
        let first = try server.request("POST", "/letsdothis/v0/partners", headers: Self.headers(server, "letsdothis"), body: #"{"name": "Again", "contacts": [{}]}"#)
        #expect(try server.request("POST", "/_understudy/reset").status == 200)
        let second = try server.request("POST", "/letsdothis/v0/partners", headers: Self.headers(server, "letsdothis"), body: #"{"name": "Again", "contacts": [{}]}"#)
        #expect(first.json["id"] != nil && first.json["id"] == second.json["id"])
    }

    @Test func aProviderResetRestoresThatProviderOnly() throws {
        let seed = try Self.dump(TestServer().world)
        let server = try TestServer()
        try Self.write(server, round: 1)
        let titoReset = try server.request("POST", "/_understudy/reset?provider=tito")
        #expect(titoReset.status == 200, "\(titoReset.text)")
        let afterTito = try Self.dump(server.world)
        for (table, rows) in seed {
            if table.hasPrefix("tito_") {
                #expect(afterTito[table] == rows, "\(table) is back")
            }
        }
        #expect(afterTito["goevent_participants"] != seed["goevent_participants"])
        #expect(afterTito["letsdothis_partners"] != seed["letsdothis_partners"])
        #expect(try server.request("POST", "/_understudy/goevent/reset").status == 200)
        #expect(try Self.dump(server.world, tablesWithPrefix: "goevent_") == Self.dump(TestServer().world, tablesWithPrefix: "goevent_"))
        #expect(try server.request("POST", "/_understudy/reset").status == 200)
        #expect(try Self.dump(server.world) == seed)
    }

    /// A reset copies a table WITHOUT ROWID whole whenever anything was written (the update hook
    /// does not report its rows), so such tables must stay small for a reset to stay cheap.
    @Test func tablesWithoutRowidAreSmallEnoughToCopyWhole() throws {
        let server = try TestServer()
        let sizes = try server.world.database.read { db in
            try db.query("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND wr = 1").map { table in
                let name = table.string("name")!
                return (name, try db.query("SELECT COUNT(*) AS n FROM \"\(name)\"").first?.int("n") ?? 0)
            }
        }
        #expect(sizes.count > 5)
        for (name, rows) in sizes { #expect(rows <= 100, "\(name) holds \(rows) rows") }
    }

    /// A `--db` file reopened by a new process holds writes no log saw: its first reset copies everything.
    /// Past `SeedRestore.rowByRowLimit` changed rows a reset copies the whole seed into the
    /// world's copy-on-write mapping; rows written after that are reset row by row again.
    @Test func aResetAfterManyWritesCopiesTheSeedWhole() throws {
        let server = try TestServer()
        let seed = try Self.dump(server.world)
        try server.world.database.write { db in
            try db.execute("UPDATE bookingkit_participants SET name = name || ' changed'")  // over 6,000 rows
            try db.execute("DELETE FROM letsdothis_entries")
        }
        #expect(try Self.dump(server.world) != seed)
        #expect(try server.request("POST", "/_understudy/reset").status == 200)
        #expect(try Self.dump(server.world) == seed)
        try Self.write(server, round: 3)
        #expect(try server.request("POST", "/_understudy/reset").status == 200)
        #expect(try Self.dump(server.world) == seed)
    }

    @Test func aReopenedFileIsResetWhole() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reset-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let seed = try Self.dump(TestServer().world)
        do {
            let first = try TestServer(databasePath: path)
            try Self.write(first, round: 1)
            first.stop()
        }
        let reopened = try TestServer(databasePath: path)
        #expect(try Self.dump(reopened.world) != seed)
        #expect(try reopened.request("POST", "/_understudy/reset").status == 200)
        #expect(try Self.dump(reopened.world) == seed)
    }
}
