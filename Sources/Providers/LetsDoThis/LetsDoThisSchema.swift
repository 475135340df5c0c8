/// The Let's Do This tables.
///
/// Entries (applications, participants, line items) are read-only through the API, so each
/// keeps its response body as compact JSON written once at seed time, beside the columns that
/// scope, order and filter lists. Times are also kept as integer milliseconds since the epoch
/// (`*_ms`), which is what sorting and the date filters compare.
///
/// Every paginated list reads one index in list order: (scope, sort column, id) with the other
/// date column appended, so the keyset condition, the date filters and the count are all
/// answered from the index, and a page costs the same wherever it lies in the list.
enum LetsDoThisSchema {
    static let sql = """
        CREATE TABLE IF NOT EXISTS letsdothis_organisers (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL
        ) WITHOUT ROWID;

        -- Token strings or jtis refused with 401 UNTRUSTED (spec §2.2 steps 3 and 9).
        CREATE TABLE IF NOT EXISTS letsdothis_revocations (
            value TEXT PRIMARY KEY
        ) WITHOUT ROWID;

        -- The ready-made tokens of spec §2.5, for /_understudy/credentials.
        CREATE TABLE IF NOT EXISTS letsdothis_tokens (
            seq INTEGER PRIMARY KEY,
            token TEXT NOT NULL,
            organiser_id TEXT,
            purpose TEXT NOT NULL,
            expected_status INTEGER NOT NULL
        );

        CREATE TABLE IF NOT EXISTS letsdothis_events (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            organiser_id TEXT NOT NULL REFERENCES letsdothis_organisers (id),
            name TEXT NOT NULL,
            location TEXT NOT NULL            -- EventLocation JSON
        );

        CREATE TABLE IF NOT EXISTS letsdothis_occurrences (
            id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL REFERENCES letsdothis_events (id),
            title TEXT NOT NULL,
            start_date TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS letsdothis_races (
            id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL REFERENCES letsdothis_events (id),
            name TEXT NOT NULL,
            sport_id TEXT NOT NULL,
            distance_id TEXT NOT NULL,
            distances TEXT NOT NULL,          -- JSON array
            discipline_label TEXT NOT NULL,
            course TEXT NOT NULL,             -- JSON object
            competitor_size INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS letsdothis_races_by_event ON letsdothis_races (event_id);

        -- A race's start in each occurrence it runs in (metadata `raceStartDate`).
        CREATE TABLE IF NOT EXISTS letsdothis_race_starts (
            race_id TEXT NOT NULL REFERENCES letsdothis_races (id),
            occurrence_id TEXT NOT NULL REFERENCES letsdothis_occurrences (id),
            start_date TEXT NOT NULL,
            PRIMARY KEY (race_id, occurrence_id)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS letsdothis_tickets (
            seq INTEGER PRIMARY KEY,          -- creation order, the order GET /events/{id}/tickets returns
            id TEXT NOT NULL UNIQUE,
            event_id TEXT NOT NULL REFERENCES letsdothis_events (id),
            body_head TEXT NOT NULL,          -- the Ticket JSON up to `soldCount`, which is derived
            body_tail TEXT NOT NULL           -- the members after it
        );
        CREATE INDEX IF NOT EXISTS letsdothis_tickets_by_event ON letsdothis_tickets (event_id, seq);

        CREATE TABLE IF NOT EXISTS letsdothis_partners (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            organiser_id TEXT NOT NULL,
            name TEXT NOT NULL,
            name_folded TEXT NOT NULL,        -- lower-cased name for the case-insensitive search
            description TEXT NOT NULL,
            type TEXT NOT NULL,
            external_ids TEXT NOT NULL,       -- JSON object, echoed verbatim
            contacts TEXT NOT NULL,           -- JSON array
            default_marketing TEXT NOT NULL,  -- JSON object
            specific_marketings TEXT NOT NULL,-- JSON array
            can_create_sub_partners INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            created_ms INTEGER NOT NULL,
            updated_ms INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS letsdothis_partners_by_created
            ON letsdothis_partners (organiser_id, created_ms, id, updated_ms);
        CREATE INDEX IF NOT EXISTS letsdothis_partners_by_updated
            ON letsdothis_partners (organiser_id, updated_ms, id, created_ms);
        -- Lookups by external id (GET /partners/{id}?externalId=…).
        CREATE INDEX IF NOT EXISTS letsdothis_partners_by_enthuse
            ON letsdothis_partners (organiser_id, (external_ids ->> '$.enthuse'));
        CREATE INDEX IF NOT EXISTS letsdothis_partners_by_just_giving
            ON letsdothis_partners (organiser_id, (external_ids ->> '$.justGiving'));
        CREATE INDEX IF NOT EXISTS letsdothis_partners_by_london_marathon
            ON letsdothis_partners (organiser_id, (external_ids ->> '$.londonMarathon'));

        CREATE TABLE IF NOT EXISTS letsdothis_reserved_entry_groups (
            seq INTEGER PRIMARY KEY,          -- creation order, the order an event's groups are listed in
            id TEXT NOT NULL UNIQUE,
            organiser_id TEXT NOT NULL,
            event_id TEXT NOT NULL REFERENCES letsdothis_events (id),
            partner_id TEXT,
            name TEXT NOT NULL,
            description TEXT NOT NULL,
            max_capacity TEXT NOT NULL,       -- the JSON number as sent (it may have a fraction)
            used_capacity INTEGER NOT NULL,
            tickets TEXT NOT NULL,            -- JSON array
            type TEXT NOT NULL,
            settings TEXT NOT NULL            -- JSON object
        );
        CREATE INDEX IF NOT EXISTS letsdothis_reserved_entry_groups_by_event
            ON letsdothis_reserved_entry_groups (event_id, seq);
        CREATE INDEX IF NOT EXISTS letsdothis_reserved_entry_groups_by_partner
            ON letsdothis_reserved_entry_groups (partner_id);

        CREATE TABLE IF NOT EXISTS letsdothis_applications (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            organiser_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            race_id TEXT NOT NULL,
            occurrence_id TEXT NOT NULL,
            reserved_entry_group_code TEXT,
            created_ms INTEGER NOT NULL,
            updated_ms INTEGER NOT NULL,
            body TEXT NOT NULL                -- the Application JSON without metadata keys
        );
        CREATE INDEX IF NOT EXISTS letsdothis_applications_by_created
            ON letsdothis_applications (organiser_id, created_ms, id, updated_ms);
        CREATE INDEX IF NOT EXISTS letsdothis_applications_by_updated
            ON letsdothis_applications (organiser_id, updated_ms, id, created_ms);
        CREATE INDEX IF NOT EXISTS letsdothis_applications_by_event_created
            ON letsdothis_applications (event_id, created_ms, id, updated_ms);
        CREATE INDEX IF NOT EXISTS letsdothis_applications_by_event_updated
            ON letsdothis_applications (event_id, updated_ms, id, created_ms);

        CREATE TABLE IF NOT EXISTS letsdothis_participants (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            organiser_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            race_id TEXT NOT NULL,
            occurrence_id TEXT NOT NULL,
            ticket_id TEXT NOT NULL,
            cancelled INTEGER NOT NULL,       -- newest status is CANCELLED (not counted as sold)
            reserved_entry_group_code TEXT,
            created_ms INTEGER NOT NULL,
            updated_ms INTEGER NOT NULL,
            body TEXT NOT NULL                -- the Participant JSON without metadata keys
        );
        CREATE INDEX IF NOT EXISTS letsdothis_participants_by_created
            ON letsdothis_participants (organiser_id, created_ms, id, updated_ms);
        CREATE INDEX IF NOT EXISTS letsdothis_participants_by_updated
            ON letsdothis_participants (organiser_id, updated_ms, id, created_ms);
        CREATE INDEX IF NOT EXISTS letsdothis_participants_by_race_created
            ON letsdothis_participants (race_id, created_ms, id, updated_ms);
        CREATE INDEX IF NOT EXISTS letsdothis_participants_by_race_updated
            ON letsdothis_participants (race_id, updated_ms, id, created_ms);
        CREATE INDEX IF NOT EXISTS letsdothis_participants_by_occurrence_created
            ON letsdothis_participants (race_id, occurrence_id, created_ms, id, updated_ms);
        CREATE INDEX IF NOT EXISTS letsdothis_participants_by_occurrence_updated
            ON letsdothis_participants (race_id, occurrence_id, updated_ms, id, created_ms);
        CREATE INDEX IF NOT EXISTS letsdothis_participants_by_ticket
            ON letsdothis_participants (ticket_id, cancelled);

        CREATE TABLE IF NOT EXISTS letsdothis_line_items (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            organiser_id TEXT NOT NULL,
            created_ms INTEGER NOT NULL,
            updated_ms INTEGER NOT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS letsdothis_line_items_by_created
            ON letsdothis_line_items (organiser_id, created_ms, id, updated_ms);
        CREATE INDEX IF NOT EXISTS letsdothis_line_items_by_updated
            ON letsdothis_line_items (organiser_id, updated_ms, id, created_ms);

        -- How many rows each unfiltered list scope holds, so `totalResults` of an unfiltered
        -- page is one lookup rather than a count over the whole scope. Kept by seed loading
        -- and by POST /partners (the only call that adds to a paginated collection).
        CREATE TABLE IF NOT EXISTS letsdothis_scope_counts (
            scope TEXT PRIMARY KEY,           -- e.g. "participants organiser 63a1…", "participants race 3517846101"
            count INTEGER NOT NULL
        ) WITHOUT ROWID;

        -- Claim links POST /partners/{id}/claim-link recorded (spec §6.11), oldest first.
        CREATE TABLE IF NOT EXISTS letsdothis_claim_links (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            organiser_id TEXT NOT NULL,
            partner_id TEXT NOT NULL,
            reserved_entry_id TEXT,
            email_address TEXT NOT NULL,
            url TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        """
}
