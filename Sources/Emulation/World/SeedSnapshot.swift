import Foundation

/// The seed state, loaded once per process: a database that worlds copy from when they start
/// or reset, so a reset is a page copy rather than a re-parse of the seed files. It is built in
/// memory from the seed files, or opened read-only from a copy an earlier process wrote.
public final class SeedSnapshot: Sendable {
    let database: SerializedDatabase
    /// Every table, for resets that copy only what changed.
    let tables: [SeedTable]
    /// Identifies the schema the snapshot was built with; a file database built with another is re-seeded.
    public let schemaVersion: Int32

    /// Builds the snapshot: the framework tables, then each provider's schema and seed.
    public convenience init(providers: [any Provider], seedRoot: URL) throws {
        let connection = try Database(.memory)
        let schema = Self.schema(of: providers)
        let version = Self.fingerprint(schema)
        // Nothing is rolled back while the snapshot is built: a failure discards it whole.
        try connection.execute("PRAGMA journal_mode = OFF")
        try connection.execute(schema)
        try connection.execute("PRAGMA user_version = \(version)")
        for provider in providers {
            let directory = SeedDirectory(url: seedRoot.appendingPathComponent(provider.name, isDirectory: true))
            try connection.transaction { try provider.loadSeed(from: directory, into: connection) }
        }
        try self.init(connection: connection, schemaVersion: version)
    }

    private init(connection: Database, schemaVersion: Int32) throws {
        self.schemaVersion = schemaVersion
        tables = try SeedTable.all(in: connection)
        database = SerializedDatabase(connection)
    }

    /// The snapshot an earlier process wrote to `path` with `write(to:)`, or nil when there is
    /// none or it was built with another schema.
    public static func cached(at path: String, providers: [any Provider]) -> SeedSnapshot? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let version = fingerprint(schema(of: providers))
        do {
            let connection = try Database(.immutableFile(path: path))
            guard try connection.query("PRAGMA user_version").first?.int("user_version") == Int(version) else { return nil }
            // Pages are read once per world (a page copy) and a few per reset: a small cache will do.
            try connection.execute("PRAGMA cache_size = -256")
            return try SeedSnapshot(connection: connection, schemaVersion: version)
        } catch {
            return nil
        }
    }

    /// Writes the snapshot to `path` for later processes: to a temporary file first, renamed
    /// into place once complete, so a reader never sees half a file.
    public func write(to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            try database.read { try $0.write(copyTo: temporary) }
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
