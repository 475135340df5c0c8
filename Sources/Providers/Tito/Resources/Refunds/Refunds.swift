import Emulation

/// Refunds: the table, the seed and F1–F2 (R7 creates them).
enum Refunds: TitoResourceGroup {
    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_refunds (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES tito_events (id),
            registration_id INTEGER NOT NULL REFERENCES tito_registrations (id),
            amount INTEGER NOT NULL,
            manual INTEGER,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS tito_refunds_by_event ON tito_refunds (event_id, created_at, id);
        CREATE INDEX IF NOT EXISTS tito_refunds_by_registration ON tito_refunds (registration_id, id);
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "refunds.json", key: "refunds") {
            let created = try record.requiredMilliseconds("created_at")
            try database.run(
                """
                INSERT INTO tito_refunds (id, event_id, registration_id, amount, manual, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                try record.id(), try record.id("event_id"), try record.id("registration_id"), try record.cents("amount") ?? 0,
                record.optionalBool("manual"), created, created)
        }
        try Identifiers.start("refunds", at: 123_457, in: database)
    }

    static var routes: [Route<TitoPrincipal>] { RefundEndpoints.routes }
}
