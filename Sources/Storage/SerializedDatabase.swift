import Foundation
import Synchronization

/// A `Database` shared between request threads: each `read` or `write` has the connection to
/// itself for the duration of the call, and no longer (never across network I/O).
public final class SerializedDatabase: @unchecked Sendable {
    // Invariant: `database` and `changesSeen` are only touched while `lock` is held.
    private let lock = NSLock()
    private let database: Database
    private var changesSeen: Int64
    private let generationCounter = Atomic<UInt64>(0)

    public init(_ database: Database) {
        self.database = database
        changesSeen = database.totalChanges
    }

    /// A number that changes whenever the data may have: after any call that changed a row, and
    /// after `noteReplaced()`. Equal generations mean equal data (what a memoized read relies on).
    public var generation: UInt64 { generationCounter.load(ordering: .acquiring) }

    /// Runs `body` with the connection; use for reads.
    public func read<T>(_ body: (Database) throws -> T) rethrows -> T {
        lock.lock()
        defer {
            noteChanges()
            lock.unlock()
        }
        return try body(database)
    }

    /// Runs `body` in one transaction: all of its writes land, or none do.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        lock.lock()
        defer {
            noteChanges()
            lock.unlock()
        }
        return try database.transaction { try body(database) }
    }

    /// Says the data changed in a way row counts do not see (a page copy of another database).
    public func noteReplaced() {
        generationCounter.add(1, ordering: .releasing)
    }

    /// Moves the generation on if the call that just ended changed rows. Called with the lock held.
    private func noteChanges() {
        let changes = database.totalChanges
        guard changes != changesSeen else { return }
        changesSeen = changes
        generationCounter.add(1, ordering: .releasing)
    }
}
