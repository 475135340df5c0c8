import Foundation

/// The seed state, loaded once per process: an in-memory database that worlds copy from when
/// they start or reset, so a reset is a page copy rather than a re-parse of the seed files.
public final class SeedSnapshot: Sendable {
    let database: SerializedDatabase
    /// Every table, for resets that copy only what changed.
    let tables: [SeedTable]
    /// Identifies the schema the snapshot was built with; a file database built with another is re-seeded.
    public let schemaVersion: Int32

    /// Builds the snapshot: the framework tables, then each provider's schema and seed.
    public init(providers: [any Provider], seedRoot: URL) throws {
        let connection = try Database(.memory)
        let schema = ([FrameworkSchema.sql] + providers.map(\.schema)).joined(separator: "\n")
        schemaVersion = SeedSnapshot.fingerprint(schema)
        try connection.execute(schema)
        try connection.execute("PRAGMA user_version = \(schemaVersion)")
        for provider in providers {
            let directory = SeedDirectory(url: seedRoot.appendingPathComponent(provider.name, isDirectory: true))
            try connection.transaction { try provider.loadSeed(from: directory, into: connection) }
        }
        tables = try SeedTable.all(in: connection)
        database = SerializedDatabase(connection)
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
