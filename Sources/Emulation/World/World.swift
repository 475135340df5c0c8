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
    /// Answers of memoized routes, reused until the data or the tokens change or the clock leaves their window.
    public let responses: ResponseCache
    private let seed: SeedSnapshot

    /// Opens (or creates) the world's database at `location`, filled from `seed` unless it is a
    /// file that already holds data of the same schema. An in-memory world is the seed's image
    /// mapped copy-on-write: it starts without a copy, and takes memory only for what it writes.
    public init(
        seed: SeedSnapshot, location: Database.Location, journalCapacity: Int = 1000, memoizesResponses: Bool = true
    ) throws {
        self.seed = seed
        let connection: Database
        var reopened = false
        if location == .memory {
            connection = try Database(copyOnWriteOf: seed.image)
        } else {
            connection = try Database(location)
            reopened = try World.holdsData(connection, schemaVersion: seed.schemaVersion)
            if !reopened { try seed.database.read { try connection.restore(from: $0) } }
        }
        // From here on every written row is logged, so a reset copies back only those; a
        // reopened file holds writes made before, so its first reset copies everything.
        connection.startChangeLog().isIncomplete = reopened
        database = SerializedDatabase(connection)
        clock = EmulatedClock()
        journal = RequestJournal(capacity: journalCapacity)
        faults = FaultTable()
        tokens = TokenStore(seed.tokens)
        oauth = OAuthState()
        rateLimits = RateLimiter()
        responses = ResponseCache(enabled: memoizesResponses)
    }

    /// Puts the data of one provider (or of all, when `provider` is nil) back to the seed state.
    /// The clock, journal and faults are left alone: they have their own control endpoints.
    /// Tokens go back as `TokenStore.reset` says, and rate limits to the providers' defaults.
    public func reset(provider: String? = nil) throws {
        tokens.reset(provider: provider)
        rateLimits.reset(provider: provider)
        try database.read { try SeedRestore(seed: seed, database: $0).run(provider: provider) }
        database.noteReplaced()  // a page copy changes rows without counting them
    }

    /// Whether a database already holds a world built with this schema (a reopened `--db` file).
    private static func holdsData(_ connection: Database, schemaVersion: Int32) throws -> Bool {
        guard case .file = connection.location else { return false }
        let version = try connection.query("PRAGMA user_version").first?.int("user_version") ?? 0
        return version == Int(schemaVersion)
    }
}
