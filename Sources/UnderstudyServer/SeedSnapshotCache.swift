import Emulation
import Foundation
import Synchronization

/// Seed snapshots already built in this process, by seed folder and environment, so that a
/// second server (a test suite starts hundreds) maps the same image instead of re-parsing and
/// re-generating the seed. A snapshot is read-only after it is built, so sharing it is safe.
/// With a cache folder, a snapshot an earlier process built is opened from disk, and one built
/// here is written there once the server is up.
enum SeedSnapshotCache {
    private struct Key: Hashable {
        let seedPath: String
        let environment: [String: String]
    }

    private static let snapshots = Mutex<[Key: SeedSnapshot]>([:])

    /// The snapshot, and a task that stores it on disk when it was built here (to run once the
    /// server is up: a start should not wait for a copy it does not need).
    static func snapshot(
        providers: [any Provider], seedRoot: URL, environment: [String: String], diskCache: SeedDiskCache?
    ) throws -> (SeedSnapshot, store: (@Sendable () -> Void)?) {
        let key = Key(seedPath: seedRoot.standardizedFileURL.path, environment: environment)
        if let cached = snapshots.withLock({ $0[key] }) { return (cached, nil) }
        let file = diskCache.flatMap { try? $0.file(providers: providers, seedRoot: seedRoot, environment: environment) }
        if let file, let stored = SeedSnapshot.cached(at: file.path, providers: providers, seedRoot: seedRoot) {
            return (remember(stored, as: key), nil)
        }
        let built = try remember(SeedSnapshot(providers: providers, seedRoot: seedRoot), as: key)
        guard let diskCache, let file else { return (built, nil) }
        return (built, { try? diskCache.store(built, as: file) })
    }

    /// Built outside the lock: two servers racing both build one, and the first one stored wins.
    private static func remember(_ built: SeedSnapshot, as key: Key) -> SeedSnapshot {
        return snapshots.withLock { cache in
            if let winner = cache[key] { return winner }
            cache[key] = built
            return built
        }
    }
}
