import Foundation

/// The whole emulated state one client sees: data, clock, request journal, armed faults,
/// accepted tokens and rate-limit windows.
/// Requests are handed a world; nothing provider-related lives in globals, so several
/// isolated worlds can share one process (each a copy of the same seed snapshot).
public final class World: Sendable {
    public let database: SerializedDatabase
    public let clock: EmulatedClock
    public let journal: RequestJournal
    public let faults: FaultTable
    /// Every token the providers accept; tokens are credentials, not data, so a reset keeps most (`TokenStore.reset`).
    public let tokens: TokenStore
    /// OAuth codes, credential counters and switches; like tokens, a reset leaves them alone.
    public let oauth: OAuthState
    /// Per-token request budgets; a reset puts each provider's default back.
    public let rateLimits: RateLimiter
    private let seed: SeedSnapshot

    /// Opens (or creates) the world's database at `location`, filled from `seed` unless it is a
    /// file that already holds data of the same schema.
    public init(seed: SeedSnapshot, location: Database.Location, journalCapacity: Int = 1000) throws {
        self.seed = seed
        let connection = try Database(location)
        if try !World.holdsData(connection, schemaVersion: seed.schemaVersion) {
            try seed.database.read { try connection.restore(from: $0) }
        }
        database = SerializedDatabase(connection)
        clock = EmulatedClock()
        journal = RequestJournal(capacity: journalCapacity)
        faults = FaultTable()
        tokens = TokenStore(seed.tokens)
        oauth = OAuthState()
        rateLimits = RateLimiter()
    }

    /// Puts the data of one provider (or of all, when `provider` is nil) back to the seed state.
    /// The clock, journal and faults are left alone: they have their own control endpoints.
    /// Tokens go back as `TokenStore.reset` says, and rate limits to the providers' defaults.
    public func reset(provider: String? = nil) throws {
        tokens.reset(provider: provider)
        rateLimits.reset(provider: provider)
        guard let provider else {
            try database.read { db in try seed.database.read { try db.restore(from: $0) } }
            return
        }
        try database.read { db in
            // The snapshot is attached only for the copy: it is shared by every world of the
            // process, and an attached shared-cache database takes part in each transaction.
            try seed.attach(to: db)
            defer { try? seed.detach(from: db) }
            // Deferred, so the snapshot is only read-locked and other worlds can copy from it too.
            try db.transaction(deferred: true) {
                // Tables are refilled one by one; foreign keys hold again once all are back.
                try db.execute("PRAGMA defer_foreign_keys = ON")
                for table in try db.tableNames(withPrefix: provider + "_") {
                    // `WHERE true` turns off SQLite's transfer optimisation for INSERT … SELECT *, which
                    // fills a parent table without the foreign-key bookkeeping: the deferred check then
                    // still counts the children orphaned by the DELETE and the COMMIT fails.
                    try db.execute(
                        "DELETE FROM main.\"\(table)\"; INSERT INTO main.\"\(table)\" SELECT * FROM seed.\"\(table)\" WHERE true")
                }
                let counters = provider + ".%"
                try db.run("DELETE FROM main.understudy_sequences WHERE name LIKE ?", counters)
                try db.run(
                    "INSERT INTO main.understudy_sequences SELECT * FROM seed.understudy_sequences WHERE name LIKE ?",
                    counters)
            }
        }
    }

    /// Whether a database already holds a world built with this schema (a reopened `--db` file).
    private static func holdsData(_ connection: Database, schemaVersion: Int32) throws -> Bool {
        guard case .file = connection.location else { return false }
        let version = try connection.query("PRAGMA user_version").first?.int("user_version") ?? 0
        return version == Int(schemaVersion)
    }
}
