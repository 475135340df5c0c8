import Emulation

/// Releases (ticket types): the table, the seed and the endpoints L1–L12.
enum Releases: TitoResourceGroup {
    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_releases (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES tito_events (id),
            slug TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT,
            position INTEGER NOT NULL,
            archived INTEGER NOT NULL DEFAULT 0,
            off_sale INTEGER NOT NULL DEFAULT 0,
            secret INTEGER NOT NULL DEFAULT 0,
            quantity INTEGER,
            price INTEGER,
            pricing_type TEXT NOT NULL DEFAULT 'free',
            start_at INTEGER,
            end_at INTEGER,
            lock_changes INTEGER,
            require_email INTEGER NOT NULL DEFAULT 0,
            require_name INTEGER NOT NULL DEFAULT 0,
            waiting_list_enabled_during_sold_out INTEGER NOT NULL DEFAULT 0,
            success_message TEXT,
            question_ids TEXT NOT NULL DEFAULT '[]',
            metadata TEXT,
            attributes TEXT NOT NULL DEFAULT '{}',
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (event_id, slug)
        );
        CREATE INDEX IF NOT EXISTS tito_releases_by_position ON tito_releases (event_id, position, id);
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "releases.json", key: "releases") {
            var attributes = JSONObject()
            for (key, _) in ReleaseRecord.attributeDefaults where record[key] != nil {
                attributes[key] = record[key]
            }
            try database.run(
                """
                INSERT INTO tito_releases (id, event_id, slug, title, description, position, archived, off_sale, secret,
                    quantity, price, pricing_type, start_at, end_at, lock_changes, require_email, require_name,
                    waiting_list_enabled_during_sold_out, success_message, question_ids, metadata, attributes,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                try record.id(), try record.id("event_id"), try record.requiredText("slug"), try record.requiredText("title"),
                record.text("description"), record.int("position") ?? 0, record.bool("archived", default: false),
                record.bool("off_sale", default: false), record.bool("secret", default: false), record.int("quantity"),
                try record.cents("price"), record.text("pricing_type") ?? "free", try record.milliseconds("start_at"),
                try record.milliseconds("end_at"), record.optionalBool("lock_changes"),
                record.bool("require_email", default: false), record.bool("require_name", default: false),
                record.bool("waiting_list_enabled_during_sold_out", default: false), record.text("success_message"),
                record.jsonText("question_ids") ?? "[]", record.jsonText("metadata"), JSONColumn.text(.object(attributes)),
                try record.requiredMilliseconds("created_at"), try record.requiredMilliseconds("updated_at"))
        }
        try Identifiers.start("releases", at: 1_105_528, in: database)
    }

    static var routes: [Route<TitoPrincipal>] { ReleaseEndpoints.routes }

    /// Copies every release (spec §11.2 E8): new ids, same slugs, counters reset by having no tickets.
    static func duplicate(_ copy: inout EventCopy, in database: Database) throws {
        for row in try database.query("SELECT id, question_ids FROM tito_releases WHERE event_id = ? ORDER BY id", copy.sourceEventID) {
            let original = Int64(row.int("id") ?? 0)
            let id = try Identifiers.next("releases", in: database)
            try database.run(
                """
                INSERT INTO tito_releases (id, event_id, slug, title, description, position, archived, off_sale, secret,
                    quantity, price, pricing_type, start_at, end_at, lock_changes, require_email, require_name,
                    waiting_list_enabled_during_sold_out, success_message, question_ids, metadata, attributes,
                    created_at, updated_at)
                SELECT ?, ?, slug, title, description, position, archived, off_sale, secret, quantity, price, pricing_type,
                    start_at, end_at, lock_changes, require_email, require_name, waiting_list_enabled_during_sold_out,
                    success_message, ?, metadata, attributes, ?, ? FROM tito_releases WHERE id = ?
                """, id, copy.copyEventID,
                JSONColumn.text(ids: copy.remap("questions", JSONColumn.ids(row.string("question_ids")))),
                copy.now, copy.now, original)
            copy.record("releases", original: original, copy: id)
        }
    }
}
