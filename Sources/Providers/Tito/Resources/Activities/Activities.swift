import Emulation

/// Activities: the table and seed (the endpoints A1–A6 build on them).
enum Activities: TitoResourceGroup {
    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_activities (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES tito_events (id),
            name TEXT NOT NULL,
            capacity INTEGER,
            date TEXT,
            description TEXT,
            start_time TEXT,
            end_time TEXT,
            private INTEGER NOT NULL DEFAULT 1,
            show_to_attendee INTEGER NOT NULL DEFAULT 1,
            release_ids TEXT NOT NULL DEFAULT '[]',
            question_ids TEXT NOT NULL DEFAULT '[]',
            venue_id INTEGER,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS tito_activities_by_event ON tito_activities (event_id, id);
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "activities.json", key: "activities") {
            try database.run(
                """
                INSERT INTO tito_activities (id, event_id, name, capacity, date, description, start_time, end_time, private,
                    show_to_attendee, release_ids, question_ids, venue_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                try record.id(), try record.id("event_id"), try record.requiredText("name"), record.int("capacity"),
                record.text("date"), record.text("description"), record.text("start_time"), record.text("end_time"),
                record.bool("private", default: true), record.bool("show_to_attendee", default: true),
                record.jsonText("release_ids") ?? "[]", record.jsonText("question_ids") ?? "[]", record.int("venue_id"),
                try record.requiredMilliseconds("created_at"), try record.requiredMilliseconds("updated_at"))
        }
        try Identifiers.start("activities", at: 1_019_152, in: database)
    }

    /// Copies the activities of a duplicated event (E8) with their releases and questions
    /// pointing at the copies; venues are not copied, so the venue is dropped.
    static func duplicate(_ copy: inout EventCopy, in database: Database) throws {
        try ActivityDraft.copyAll(&copy, as: "activities", read: { ActivityDraft(ActivityRecord(row: $0)) }, in: database) {
            activity, copy, _ in
            activity.releaseIDs = copy.remap("releases", activity.releaseIDs)
            activity.questionIDs = copy.remap("questions", activity.questionIDs)
            activity.venueID = nil
        }
    }

    static func releaseDeleted(_ releaseID: Int64, event eventID: Int64, in database: Database) throws {
        try database.removeID(releaseID, fromList: "release_ids", of: "tito_activities", event: eventID)
    }
}
