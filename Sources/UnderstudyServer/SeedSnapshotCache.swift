import Emulation
import Foundation
import Synchronization

/// Seed snapshots already built in this process, by seed folder and environment, so that a
/// second server (a test suite starts hundreds) copies pages instead of re-parsing and
/// re-generating the seed. A snapshot is read-only after it is built, so sharing it is safe.
enum SeedSnapshotCache {
    private struct Key: Hashable {
        let seedPath: String
        let environment: [String: String]
    }

    private static let snapshots = Mutex<[Key: SeedSnapshot]>([:])

    static func snapshot(
        providers: [any Provider], seedRoot: URL, environment: [String: String]
    ) throws -> SeedSnapshot {
        let key = Key(seedPath: seedRoot.standardizedFileURL.path, environment: environment)
        if let cached = snapshots.withLock({ $0[key] }) { return cached }
        // Built outside the lock: two servers racing both build one, and the first one stored wins.
        let built = try SeedSnapshot(providers: providers, seedRoot: seedRoot)
        return snapshots.withLock { cache in
            if let winner = cache[key] { return winner }
            cache[key] = built
            return built
        }
    }
}
