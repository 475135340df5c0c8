import Foundation
import Synchronization

/// The seed state, loaded once per process: an in-memory database that worlds copy from when
/// they start or reset, so a reset is a page copy rather than a re-parse of the seed files.
public final class SeedSnapshot: Sendable {
    /// Name under which worlds `ATTACH` the snapshot (shared-cache in-memory database).
    let attachName: String
    let database: SerializedDatabase
    /// Identifies the schema the snapshot was built with; a file database built with another is re-seeded.
    public let schemaVersion: Int32
    /// The tokens each world starts with (`Provider.initialTokens`).
    let tokens: [IssuedToken]

    /// Builds the snapshot: the framework tables, then each provider's schema and seed.
    public init(providers: [any Provider], seedRoot: URL) throws {
        attachName = "understudy-seed-\(getpid())-\(SeedSnapshot.nextSerial())"
        let connection = try Database(.sharedMemory(name: attachName))
        let schema = ([FrameworkSchema.sql] + providers.map(\.schema)).joined(separator: "\n")
        schemaVersion = SeedSnapshot.fingerprint(schema)
        try connection.execute(schema)
        try connection.execute("PRAGMA user_version = \(schemaVersion)")
        var tokens: [IssuedToken] = []
        for provider in providers {
            let directory = SeedDirectory(url: seedRoot.appendingPathComponent(provider.name, isDirectory: true))
            try connection.transaction { try provider.loadSeed(from: directory, into: connection) }
            tokens += try provider.initialTokens(from: directory, database: connection)
        }
        self.tokens = tokens
        database = SerializedDatabase(connection)
    }

    /// Makes the snapshot readable from `connection` as the schema `seed` (for per-provider resets).
    func attach(to connection: Database) throws {
        try connection.execute("ATTACH DATABASE '\(Database.sharedMemoryURI(attachName))' AS seed")
    }

    func detach(from connection: Database) throws {
        try connection.execute("DETACH DATABASE seed")
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

    /// Makes each snapshot's shared-memory name unique within the process.
    private static let serial = Atomic<Int>(0)
    private static func nextSerial() -> Int { serial.add(1, ordering: .relaxed).newValue }
}
