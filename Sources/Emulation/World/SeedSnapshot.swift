import Dispatch
import Foundation
import Synchronization

/// The seed state, loaded once per process: a database image that every world maps
/// copy-on-write when it starts, and that resets copy changed rows back from. It is built in
/// memory from the seed files, or mapped from a copy an earlier process wrote.
public final class SeedSnapshot: Sendable {
    /// The seed's database file bytes, which worlds map (`Database(copyOnWriteOf:)`).
    let image: DatabaseImage
    /// The image read-only, for resets.
    let database: SerializedDatabase
    /// Every table, for resets that copy only what changed.
    let tables: [SeedTable]
    /// Identifies the schema the snapshot was built with; a file database built with another is re-seeded.
    public let schemaVersion: Int32
    /// The tokens each world starts with (`Provider.initialTokens`).
    let tokens: [IssuedToken]

    /// Builds the snapshot: the framework tables, then each provider's schema and seed.
    ///
    /// Providers are loaded in parallel, each into a database of its own (their tables and
    /// counters never overlap), and the smaller ones are then copied into the largest: on two
    /// cores a start waits for the largest seed rather than for all of them in turn.
    public convenience init(providers: [any Provider], seedRoot: URL) throws {
        let schema = Self.schema(of: providers)
        let version = Self.fingerprint(schema)
        let loaded = Mutex<[Int: Result<LoadedSeed, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: providers.count) { index in
            let provider = providers[index]
            let result = Result { () throws -> LoadedSeed in
                let connection = try Database(.sharedMemory(name: "understudy-seed-\(getpid())-\(Self.nextSerial())"))
                let readIndexes = try Self.prepare(connection, schema: schema)
                let directory = SeedDirectory(url: seedRoot.appendingPathComponent(provider.name, isDirectory: true))
                try connection.transaction { try provider.loadSeed(from: directory, into: connection) }
                // Every database gets every index back (those of the other providers' empty tables
                // cost nothing), so the copies below find the same indexes on both sides.
                for sql in readIndexes { try connection.execute(sql) }
                let tokens = try provider.initialTokens(from: directory, database: connection)
                return LoadedSeed(database: connection, pages: try connection.pageCount(), tokens: tokens)
            }
            loaded.withLock { $0[index] = result }
        }
        let seeds = try loaded.withLock { results in try providers.indices.map { try results[$0]!.get() } }
        let largest = seeds.indices.max { seeds[$0].pages < seeds[$1].pages }!
        let connection = seeds[largest].database
        for index in providers.indices where index != largest {
            try Self.copy(provider: providers[index].name, from: seeds[index].database, into: connection)
        }
        try connection.execute("PRAGMA user_version = \(version)")
        // The loading databases are freed once their bytes are in the image.
        try self.init(image: DatabaseImage(copying: connection), schemaVersion: version, tokens: seeds.flatMap(\.tokens))
    }

    /// One provider's seed, loaded into a database of its own.
    private struct LoadedSeed: @unchecked Sendable {  // handed from the loading thread to the builder, then used by it alone
        let database: Database
        let pages: Int
        let tokens: [IssuedToken]
    }

    /// Creates the schema in an empty database for a seed to be loaded into. Indexes that only
    /// speed up reads are dropped, to be built once the rows are in (one sort each instead of a
    /// b-tree insert per row; unique ones stay, for the conflicts they decide); returns them.
    private static func prepare(_ connection: Database, schema: String) throws -> [String] {
        // Nothing is rolled back while a snapshot is built: a failure discards it whole.
        try connection.execute("PRAGMA journal_mode = OFF")
        try connection.execute(schema)
        let readIndexes = try connection.query(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'")
        for index in readIndexes { try connection.execute("DROP INDEX \"\(index.string("name") ?? "")\"") }
        return readIndexes.compactMap { $0.string("sql") }
    }

    /// Copies one provider's tables and counters from the database its seed was loaded into.
    /// Both have the same tables and indexes, so SQLite copies records and index entries without
    /// re-encoding them; triggers are off, as the tables they maintain are copied too.
    private static func copy(provider: String, from source: Database, into destination: Database) throws {
        guard case .sharedMemory(let name) = source.location else { return }
        try destination.execute("ATTACH DATABASE '\(Database.sharedMemoryURI(name))' AS loaded")
        defer { try? destination.execute("DETACH DATABASE loaded") }
        try destination.withTriggersAndForeignKeysOff {
            try destination.transaction(deferred: true) {
                for table in try destination.tableNames(withPrefix: provider + "_") {
                    try destination.execute("INSERT INTO main.\"\(table)\" SELECT * FROM loaded.\"\(table)\"")
                }
                try destination.execute("INSERT INTO main.understudy_sequences SELECT * FROM loaded.understudy_sequences")
            }
        }
    }

    /// Makes each loading database's shared-memory name unique within the process.
    private static let serial = Atomic<Int>(0)
    private static func nextSerial() -> Int { serial.add(1, ordering: .relaxed).newValue }

    private init(image: DatabaseImage, connection: Database? = nil, schemaVersion: Int32, tokens: [IssuedToken]) throws {
        let connection = try connection ?? Database(reading: image)
        self.image = image
        self.schemaVersion = schemaVersion
        self.tokens = tokens
        tables = try SeedTable.all(in: connection)
        database = SerializedDatabase(connection)
    }

    /// The snapshot an earlier process wrote to `path` with `write(to:)`, or nil when there is
    /// none. The path names the code and seed it was built from (`SeedDiskCache`), so its schema
    /// version is taken as written, not worked out again. Tokens are not kept in the file:
    /// providers read them again from the seed folder and the opened snapshot.
    public static func cached(at path: String, providers: [any Provider], seedRoot: URL) -> SeedSnapshot? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let image = try DatabaseImage(file: path)
            let connection = try Database(reading: image)
            guard let stored = try connection.query("PRAGMA user_version").first?.int("user_version"), stored != 0 else { return nil }
            let version = Int32(truncatingIfNeeded: stored)
            let tokens = try providers.flatMap { provider in
                try provider.initialTokens(
                    from: SeedDirectory(url: seedRoot.appendingPathComponent(provider.name, isDirectory: true)),
                    database: connection)
            }
            return try SeedSnapshot(image: image, connection: connection, schemaVersion: version, tokens: tokens)
        } catch {
            return nil
        }
    }

    /// Writes the snapshot to `path` for later processes: to a temporary file first, renamed
    /// into place once complete, so a reader never sees half a file (and a process mapping the
    /// file it replaces keeps the old one).
    public func write(to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        do {
            try image.write(to: temporary)
            guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// The schema every world has: the framework's tables, then each provider's.
    public static func schema(of providers: [any Provider]) -> String {
        ([FrameworkSchema.sql] + providers.map(\.schema)).joined(separator: "\n")
    }

    /// A stable 31-bit hash of the schema text (FNV-1a), so it fits `PRAGMA user_version`.
    private static func fingerprint(_ text: String) -> Int32 {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return Int32(bitPattern: hash & 0x7FFF_FFFF)
    }
}
