import Emulation
import TestSupport
import Testing

/// The per-release ticket counts kept by triggers (`tito_tickets_release_counts`) always equal a
/// count of the tickets themselves: after creates, voids and deletes, and after each kind of reset.
@Suite struct ReleaseTicketCountsTests {
    /// Every (event, release, mode) row of the kept counts, and the same counted from the tickets.
    private func keptAndCounted(_ server: TestServer) throws -> (kept: [String], counted: [String]) {
        try server.world.database.read { database in
            let kept = try database.query(
                """
                SELECT event_id, release_id, test_mode, tickets, voided, free, discounted, full_price, gross
                FROM tito_tickets_release_counts WHERE tickets + voided > 0 ORDER BY event_id, release_id, test_mode
                """)
            let counted = try database.query(
                """
                SELECT event_id, release_id, test_mode, SUM(state != 'void') AS tickets, SUM(state = 'void') AS voided,
                    SUM(state != 'void' AND price = 0) AS free,
                    SUM(state != 'void' AND price > 0 AND discount_code_used IS NOT NULL) AS discounted,
                    SUM(state != 'void' AND price > 0 AND discount_code_used IS NULL) AS full_price,
                    SUM(CASE WHEN state != 'void' THEN price ELSE 0 END) AS gross
                FROM tito_tickets GROUP BY event_id, release_id, test_mode ORDER BY event_id, release_id, test_mode
                """)
            func lines(_ rows: [Row]) -> [String] {
                rows.map { row in
                    ["event_id", "release_id", "test_mode", "tickets", "voided", "free", "discounted", "full_price", "gross"]
                        .map { String(row.int($0) ?? -1) }.joined(separator: " ")
                }
            }
            return (lines(kept), lines(counted))
        }
    }

    @Test func theKeptCountsFollowEveryTicketWriteAndEveryReset() throws {
        let server = try TestServer()
        let seeded = try keptAndCounted(server)
        #expect(seeded.kept == seeded.counted)
        #expect(seeded.kept.count > 5)

        let registrations = "/biscuit-box/2018/registrations"
        let created = try server.tito(
            "POST", registrations, json: ["registration": ["line_items": [["release_id": "vip-tasting", "quantity": 3]]]])
        #expect(created.status == 201)
        #expect(try server.tito("POST", "/biscuit-box/2018/tickets/3068941/void").status == 200)
        // Deleting an event deletes its tickets (the generated event has 4,000).
        #expect(try server.tito("DELETE", "/demo/big-conf").status == 204)
        let changed = try keptAndCounted(server)
        #expect(changed.kept == changed.counted)
        #expect(changed.kept != seeded.kept)

        #expect(try server.request("POST", "/_understudy/reset?provider=tito").status == 200)
        #expect(try keptAndCounted(server).kept == seeded.kept)

        #expect(try server.tito("POST", "/biscuit-box/2018/tickets/3068941/void").status == 200)
        #expect(try server.request("POST", "/_understudy/reset").status == 200)
        #expect(try keptAndCounted(server).kept == seeded.kept)
    }
}
