import Foundation

/// A `Database` shared between request threads: each `read` or `write` has the connection to
/// itself for the duration of the call, and no longer (never across network I/O).
public final class SerializedDatabase: @unchecked Sendable {
    // Invariant: `database` is only touched while `lock` is held.
    private let lock = NSLock()
    private let database: Database

    public init(_ database: Database) {
        self.database = database
    }

    /// Runs `body` with the connection; use for reads.
    public func read<T>(_ body: (Database) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(database)
    }

    /// Runs `body` in one transaction: all of its writes land, or none do.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try database.transaction { try body(database) }
    }
}
