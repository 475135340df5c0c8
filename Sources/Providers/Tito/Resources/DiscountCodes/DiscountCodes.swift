import Emulation

/// Discount codes: the table and seed (the endpoints D1–D5 build on them; registrations apply them).
enum DiscountCodes: TitoResourceGroup {
    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_discount_codes (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES tito_events (id),
            code TEXT NOT NULL,
            type TEXT NOT NULL,
            value INTEGER NOT NULL,
            start_at INTEGER,
            end_at INTEGER,
            max_quantity_per_release INTEGER,
            min_quantity_per_release INTEGER,
            only_show_attached INTEGER,
            quantity INTEGER,
            release_ids TEXT NOT NULL DEFAULT '[]',
            reveal_secret INTEGER,
            source TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS tito_discount_codes_by_event ON tito_discount_codes (event_id, id);
        CREATE INDEX IF NOT EXISTS tito_discount_codes_by_code ON tito_discount_codes (event_id, code COLLATE NOCASE);
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "discount_codes.json", key: "discount_codes") {
            try database.run(
                """
                INSERT INTO tito_discount_codes (id, event_id, code, type, value, start_at, end_at, max_quantity_per_release,
                    min_quantity_per_release, only_show_attached, quantity, release_ids, reveal_secret, source, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                try record.id(), try record.id("event_id"), try record.requiredText("code"), try record.requiredText("type"),
                try record.cents("value") ?? 0, try record.milliseconds("start_at"), try record.milliseconds("end_at"),
                record.int("max_quantity_per_release"), record.int("min_quantity_per_release"),
                record.optionalBool("only_show_attached"), record.int("quantity"), record.jsonText("release_ids") ?? "[]",
                record.optionalBool("reveal_secret"), record.text("source"),
                try record.requiredMilliseconds("created_at"), try record.requiredMilliseconds("updated_at"))
        }
        try Identifiers.start("discount_codes", at: 5_319_079, in: database)
    }

    static func duplicate(_ copy: inout EventCopy, in database: Database) throws {
        for row in try database.query("SELECT id, release_ids FROM tito_discount_codes WHERE event_id = ? ORDER BY id", copy.sourceEventID) {
            let id = try Identifiers.next("discount_codes", in: database)
            try database.run(
                """
                INSERT INTO tito_discount_codes (id, event_id, code, type, value, start_at, end_at, max_quantity_per_release,
                    min_quantity_per_release, only_show_attached, quantity, release_ids, reveal_secret, source, created_at, updated_at)
                SELECT ?, ?, code, type, value, start_at, end_at, max_quantity_per_release, min_quantity_per_release,
                    only_show_attached, quantity, ?, reveal_secret, source, ?, ? FROM tito_discount_codes WHERE id = ?
                """, id, copy.copyEventID,
                JSONColumn.text(ids: copy.remap("releases", JSONColumn.ids(row.string("release_ids")))),
                copy.now, copy.now, Int64(row.int("id") ?? 0))
            copy.record("discount_codes", original: Int64(row.int("id") ?? 0), copy: id)
        }
    }

    static func releaseDeleted(_ releaseID: Int64, event eventID: Int64, in database: Database) throws {
        try database.removeID(releaseID, fromList: "release_ids", of: "tito_discount_codes", event: eventID)
    }
}
