import Emulation

/// Questions: the table and seed (the endpoints Q1–Q5 build on them).
enum Questions: TitoResourceGroup {
    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_questions (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES tito_events (id),
            slug TEXT NOT NULL,
            title TEXT NOT NULL,
            field_type TEXT NOT NULL,
            description TEXT,
            include_free_text_field INTEGER NOT NULL DEFAULT 0,
            options TEXT NOT NULL DEFAULT '[]',
            options_free_text_field TEXT,
            required INTEGER,
            position INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (event_id, slug)
        );
        CREATE INDEX IF NOT EXISTS tito_questions_by_event ON tito_questions (event_id, position, id);
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "questions.json", key: "questions") {
            try database.run(
                """
                INSERT INTO tito_questions (id, event_id, slug, title, field_type, description, include_free_text_field,
                    options, options_free_text_field, required, position, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                try record.id(), try record.id("event_id"), try record.requiredText("slug"), try record.requiredText("title"),
                record.text("field_type") ?? "Text", record.text("description"),
                record.bool("include_free_text_field", default: false), record.jsonText("options") ?? "[]",
                record.text("options_free_text_field"), record.optionalBool("required"), record.int("position") ?? 0,
                try record.requiredMilliseconds("created_at"), try record.requiredMilliseconds("updated_at"))
        }
        try Identifiers.start("questions", at: 1_041_932, in: database)
    }

    static func duplicate(_ copy: inout EventCopy, in database: Database) throws {
        for row in try database.query("SELECT id FROM tito_questions WHERE event_id = ? ORDER BY id", copy.sourceEventID) {
            let original = Int64(row.int("id") ?? 0)
            let id = try Identifiers.next("questions", in: database)
            try database.run(
                """
                INSERT INTO tito_questions (id, event_id, slug, title, field_type, description, include_free_text_field,
                    options, options_free_text_field, required, position, created_at, updated_at)
                SELECT ?, ?, slug, title, field_type, description, include_free_text_field, options,
                    options_free_text_field, required, position, ?, ? FROM tito_questions WHERE id = ?
                """, id, copy.copyEventID, copy.now, copy.now, original)
            copy.record("questions", original: original, copy: id)
        }
    }
}
