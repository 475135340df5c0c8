import Emulation

/// Tickets: the table, the seed and T1–T6.
enum Tickets: TitoResourceGroup {
    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_tickets (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES tito_events (id),
            registration_id INTEGER NOT NULL REFERENCES tito_registrations (id),
            release_id INTEGER NOT NULL REFERENCES tito_releases (id),
            slug TEXT NOT NULL UNIQUE,
            reference TEXT NOT NULL,
            number INTEGER,
            first_name TEXT,
            last_name TEXT,
            email TEXT,
            phone_number TEXT,
            company_name TEXT,
            price INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL,
            test_mode INTEGER NOT NULL,
            discount_code_used TEXT,
            tags TEXT,
            metadata TEXT,
            upgrade_ids TEXT NOT NULL DEFAULT '[]',
            consented_at INTEGER,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS tito_tickets_by_created ON tito_tickets (event_id, test_mode, created_at, id);
        CREATE INDEX IF NOT EXISTS tito_tickets_by_created_any_mode ON tito_tickets (event_id, created_at, id);
        CREATE INDEX IF NOT EXISTS tito_tickets_by_release ON tito_tickets
            (event_id, release_id, test_mode, state, price, discount_code_used);
        CREATE INDEX IF NOT EXISTS tito_tickets_by_registration ON tito_tickets (registration_id, id);
        CREATE INDEX IF NOT EXISTS tito_tickets_by_number ON tito_tickets (event_id, number);
        """ + ReleaseTicketCounts.schema

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "tickets.json", key: "tickets") {
            let created = try record.requiredMilliseconds("created_at")
            try TicketRow(
                id: try record.id(), eventID: try record.id("event_id"), registrationID: try record.id("registration_id"),
                releaseID: try record.id("release_id"), slug: try record.requiredText("slug"),
                reference: try record.requiredText("reference"), number: record.int("number"),
                firstName: record.text("first_name"), lastName: record.text("last_name"), email: record.text("email"),
                phoneNumber: record.text("phone_number"), companyName: record.text("company_name"),
                price: try record.cents("price") ?? 0, state: record.text("state") ?? "complete",
                testMode: record.bool("test_mode", default: false), discountCodeUsed: record.text("discount_code_used"),
                tags: record.text("tags"), metadata: record.jsonText("metadata"),
                upgradeIDs: record.jsonText("upgrade_ids") ?? "[]", consentedAt: try record.milliseconds("consented_at"),
                createdAt: created, updatedAt: try record.milliseconds("updated_at", default: created) ?? created
            ).insert(into: database)
        }
        try BulkData.generate(into: database)
        try Identifiers.start("tickets", at: 3_068_932, in: database)
    }

    static var routes: [Route<TitoPrincipal>] { TicketEndpoints.routes }
}

/// The stored columns of a ticket, for inserts (seed, bulk data, R3, T3).
struct TicketRow {
    var id: Int64
    var eventID: Int64
    var registrationID: Int64
    var releaseID: Int64
    var slug: String
    var reference: String
    var number: Int64?
    var firstName: String?
    var lastName: String?
    var email: String?
    var phoneNumber: String?
    var companyName: String?
    var price: Int64
    var state: String
    var testMode: Bool
    var discountCodeUsed: String?
    var tags: String?
    var metadata: String?
    var upgradeIDs: String
    var consentedAt: Int64?
    var createdAt: Int64
    var updatedAt: Int64

    static let insertSQL = """
        INSERT INTO tito_tickets (id, event_id, registration_id, release_id, slug, reference, number, first_name,
            last_name, email, phone_number, company_name, price, state, test_mode, discount_code_used, tags, metadata,
            upgrade_ids, consented_at, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    func insert(into database: Database) throws {
        try database.run(
            Self.insertSQL, id, eventID, registrationID, releaseID, slug, reference, number, firstName, lastName, email,
            phoneNumber, companyName, price, state, testMode, discountCodeUsed, tags, metadata, upgradeIDs, consentedAt,
            createdAt, updatedAt)
    }
}
