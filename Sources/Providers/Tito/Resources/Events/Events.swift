import Emulation

/// Events: the table, the seed, and the endpoints E1–E9 and X2.
enum Events: TitoResourceGroup {
    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_events (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES tito_accounts (id),
            slug TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT,
            banner_url TEXT,
            currency TEXT NOT NULL,
            default_locale TEXT NOT NULL,
            locales TEXT NOT NULL,
            live INTEGER NOT NULL,
            test_mode INTEGER NOT NULL,
            location TEXT,
            private INTEGER NOT NULL,
            start_date TEXT,
            end_date TEXT,
            start_time TEXT,
            end_time TEXT,
            timezone TEXT NOT NULL,
            archived INTEGER NOT NULL,
            email_address TEXT,
            metadata TEXT,
            security_token TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (account_id, slug)
        );
        CREATE INDEX IF NOT EXISTS tito_events_by_list ON tito_events (account_id, archived, start_date, id);
        CREATE TABLE IF NOT EXISTS tito_event_duplications (
            event_id INTEGER PRIMARY KEY REFERENCES tito_events (id),
            status TEXT NOT NULL,
            copy_event_id INTEGER,
            title TEXT,
            slug TEXT,
            requested_at INTEGER NOT NULL
        );
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "events.json", key: "events") {
            let created = try record.requiredMilliseconds("created_at")
            var draft = EventDraft(accountID: try record.id("account_id"), now: created)
            draft.id = try record.id()
            draft.slug = try record.requiredText("slug")
            draft.title = try record.requiredText("title")
            draft.description = record.text("description")
            draft.bannerURL = record.text("banner_url")
            draft.currency = record.text("currency") ?? "USD"
            draft.live = record.bool("live", default: false)
            draft.testMode = record.bool("test_mode", default: true)
            draft.location = record.text("location")
            draft.isPrivate = record.bool("private", default: false)
            draft.startDate = record.text("start_date")
            draft.endDate = record.text("end_date")
            draft.startTime = record.text("start_time")
            draft.endTime = record.text("end_time")
            draft.archived = record.bool("archived", default: false)
            draft.emailAddress = record.text("email_address")
            draft.metadata = record.jsonText("metadata")
            draft.securityToken = record.text("security_token")
            draft.updatedAt = try record.milliseconds("updated_at", default: created) ?? created
            try draft.insert(into: database)
        }
        for record in try SeedRecord.all(seed, "events.json", key: "duplications") {
            try database.run(
                "INSERT INTO tito_event_duplications (event_id, status, copy_event_id, title, slug, requested_at) VALUES (?, ?, ?, ?, ?, ?)",
                try record.id("event_id"), try record.requiredText("status"), record.int("copy_event_id"),
                record.text("title"), record.text("slug"), try record.requiredMilliseconds("requested_at"))
        }
        try Identifiers.start("events", at: 1_058_592, in: database)
    }

    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/events", example: "/events", EventLists.acrossAccounts),
        Route("GET", "/{account_slug}/events", example: "/biscuit-box/events", EventLists.upcoming),
        Route("GET", "/{account_slug}/events/past", example: "/biscuit-box/events/past", EventLists.past),
        Route("GET", "/{account_slug}/events/archived", example: "/biscuit-box/events/archived", EventLists.archived),
        Route("POST", "/{account_slug}/events", EventWrites.create),
        Route("GET", "/{account_slug}/{event_slug}", example: "/biscuit-box/2018", EventWrites.show),
        Route("PATCH", "/{account_slug}/{event_slug}", EventWrites.update),
        Route("DELETE", "/{account_slug}/{event_slug}", EventWrites.delete),
        Route("POST", "/{account_slug}/{event_slug}/duplication", EventDuplication.start),
        Route("GET", "/{account_slug}/{event_slug}/duplication", example: "/demo/sample-event/duplication", EventDuplication.status),
    ]
}
