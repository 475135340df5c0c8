import Emulation

/// Registrations (orders): the table, the seed (with the generated bulk event) and R1–R8.
enum Registrations: TitoResourceGroup {
    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_registrations (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES tito_events (id),
            slug TEXT NOT NULL UNIQUE,
            reference TEXT NOT NULL,
            name TEXT,
            email TEXT,
            phone_number TEXT,
            company_name TEXT,
            state TEXT NOT NULL,
            registration_type TEXT NOT NULL,
            test_mode INTEGER NOT NULL,
            total INTEGER NOT NULL DEFAULT 0,
            receipt_paid INTEGER NOT NULL,
            refunded INTEGER NOT NULL DEFAULT 0,
            source TEXT,
            discount_code TEXT,
            payment_reference TEXT,
            payment_provider TEXT,
            metadata TEXT,
            billing_address TEXT,
            ip_address TEXT,
            locale TEXT NOT NULL DEFAULT 'en',
            consented_at INTEGER,
            notify INTEGER NOT NULL DEFAULT 0,
            receipt_id INTEGER NOT NULL,
            receipt_number TEXT NOT NULL,
            line_items TEXT NOT NULL DEFAULT '[]',
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            completed_at INTEGER,
            expires_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS tito_registrations_by_created ON tito_registrations (event_id, test_mode, created_at, id);
        CREATE INDEX IF NOT EXISTS tito_registrations_by_created_any_mode ON tito_registrations (event_id, created_at, id);
        CREATE INDEX IF NOT EXISTS tito_registrations_by_reference ON tito_registrations (event_id, reference);
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "registrations.json", key: "registrations") {
            let created = try record.requiredMilliseconds("created_at")
            try RegistrationRow(
                id: try record.id(), eventID: try record.id("event_id"), slug: try record.requiredText("slug"),
                reference: try record.requiredText("reference"), name: record.text("name"), email: record.text("email"),
                phoneNumber: record.text("phone_number"), companyName: record.text("company_name"),
                state: record.text("state") ?? "complete", registrationType: record.text("registration_type") ?? "manual",
                testMode: record.bool("test_mode", default: false), total: try record.cents("total") ?? 0,
                receiptPaid: record.bool("receipt_paid", default: true), refunded: record.bool("refunded", default: false),
                source: record.text("source"), discountCode: record.text("discount_code"),
                paymentReference: record.text("payment_reference"), paymentProvider: record.text("payment_provider"),
                metadata: record.jsonText("metadata"), billingAddress: record.jsonText("billing_address"),
                ipAddress: record.text("ip_address"), locale: record.text("locale") ?? "en",
                consentedAt: try record.milliseconds("consented_at"), receiptID: try record.id("receipt_id"),
                receiptNumber: try record.requiredText("receipt_number"), lineItems: record.jsonText("line_items") ?? "[]",
                createdAt: created, updatedAt: try record.milliseconds("updated_at", default: created) ?? created,
                completedAt: try record.milliseconds("completed_at", default: created),
                expiresAt: try record.milliseconds("expires_at", default: created + 15 * 60 * 1000) ?? created
            ).insert(into: database)
        }
        try Identifiers.start("registrations", at: 3_509_398, in: database)
        try Identifiers.start("line_items", at: 3_800_661, in: database)
        try Identifiers.start("receipts", at: 1000, in: database)
        try Identifiers.start("billing_addresses", at: 1, in: database)
    }

    static var routes: [Route<TitoPrincipal>] { RegistrationEndpoints.routes }
}

/// The stored columns of a registration, for inserts (seed, bulk data, R3, T3).
struct RegistrationRow {
    var id: Int64
    var eventID: Int64
    var slug: String
    var reference: String
    var name: String?
    var email: String?
    var phoneNumber: String?
    var companyName: String?
    var state: String
    var registrationType: String
    var testMode: Bool
    var total: Int64
    var receiptPaid: Bool
    var refunded: Bool
    var source: String?
    var discountCode: String?
    var paymentReference: String?
    var paymentProvider: String?
    var metadata: String?
    var billingAddress: String?
    var ipAddress: String?
    var locale: String
    var consentedAt: Int64?
    var receiptID: Int64
    var receiptNumber: String
    var lineItems: String
    var createdAt: Int64
    var updatedAt: Int64
    var completedAt: Int64?
    var expiresAt: Int64

    static let insertSQL = """
        INSERT INTO tito_registrations (id, event_id, slug, reference, name, email, phone_number, company_name, state,
            registration_type, test_mode, total, receipt_paid, refunded, source, discount_code, payment_reference,
            payment_provider, metadata, billing_address, ip_address, locale, consented_at, receipt_id, receipt_number,
            line_items, created_at, updated_at, completed_at, expires_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    func insert(into database: Database) throws {
        try database.run(
            Self.insertSQL, id, eventID, slug, reference, name, email, phoneNumber, companyName, state, registrationType,
            testMode, total, receiptPaid, refunded, source, discountCode, paymentReference, paymentProvider, metadata,
            billingAddress, ipAddress, locale, consentedAt, receiptID, receiptNumber, lineItems, createdAt, updatedAt,
            completedAt, expiresAt)
    }
}
