/// The GoEvent tables. Every list the API serves is read through an index in the order it is
/// returned, so a page costs an index range, never a scan of the whole table. Child columns of
/// foreign keys are indexed too: a reset deletes parent rows, and SQLite then looks up children.
enum GoEventSchema {
    static let sql = """
        CREATE TABLE IF NOT EXISTS goevent_users (
            seq INTEGER PRIMARY KEY,          -- seed order; the first user is the default demo user
            id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS goevent_events (
            seq INTEGER PRIMARY KEY,          -- creation order, the order lists return
            id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            slug TEXT NOT NULL UNIQUE,
            date_start TEXT NOT NULL,
            date_end TEXT NOT NULL,
            location TEXT,
            publish INTEGER NOT NULL,
            cover_image_id TEXT
        );

        -- Keyed by user, then event creation order: GET /events reads one user's range in order.
        CREATE TABLE IF NOT EXISTS goevent_event_admins (
            user_id TEXT NOT NULL,
            event_seq INTEGER NOT NULL REFERENCES goevent_events (seq),
            PRIMARY KEY (user_id, event_seq)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS goevent_event_admins_by_event ON goevent_event_admins (event_seq);

        CREATE TABLE IF NOT EXISTS goevent_tickets (
            seq INTEGER PRIMARY KEY,          -- creation order
            id TEXT NOT NULL UNIQUE,
            event_id TEXT NOT NULL REFERENCES goevent_events (id),
            name TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK (quantity >= 0),  -- remaining stock
            enabled INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS goevent_tickets_by_event ON goevent_tickets (event_id, seq);

        CREATE TABLE IF NOT EXISTS goevent_participants (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            owner_user_id TEXT NOT NULL,
            last_name TEXT NOT NULL,
            first_name TEXT NOT NULL,
            email TEXT NOT NULL,
            phone TEXT,
            address TEXT,
            confirmed INTEGER NOT NULL,
            created TEXT NOT NULL             -- ISO 8601 with milliseconds and Z, so text order is time order
        );

        -- Which events a participant is linked to. `created` is copied from the participant (it
        -- never changes) so the key itself serves GET /participants' order: created, then id.
        CREATE TABLE IF NOT EXISTS goevent_participant_events (
            event_id TEXT NOT NULL REFERENCES goevent_events (id),
            created TEXT NOT NULL,
            participant_id TEXT NOT NULL REFERENCES goevent_participants (id),
            PRIMARY KEY (event_id, created, participant_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS goevent_participant_events_by_participant
            ON goevent_participant_events (participant_id);

        -- Tickets issued by POST /tickets/create, for GET /_understudy/goevent/issued-tickets.
        CREATE TABLE IF NOT EXISTS goevent_issued_tickets (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            event_id TEXT NOT NULL REFERENCES goevent_events (id),
            ticket_id TEXT NOT NULL REFERENCES goevent_tickets (id),
            participant_id TEXT REFERENCES goevent_participants (id),
            quantity INTEGER NOT NULL,
            url TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS goevent_issued_tickets_by_event ON goevent_issued_tickets (event_id);
        CREATE INDEX IF NOT EXISTS goevent_issued_tickets_by_ticket ON goevent_issued_tickets (ticket_id);
        CREATE INDEX IF NOT EXISTS goevent_issued_tickets_by_participant ON goevent_issued_tickets (participant_id);
        """
}
