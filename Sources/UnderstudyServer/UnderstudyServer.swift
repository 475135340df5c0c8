import Emulation
import Foundation
import HTTPServer
import Logging

/// Understudy assembled: the seed snapshot, the world, the emulator and the HTTP server.
public final class UnderstudyServer: Sendable {
    public static let version = "0.1.0"

    public let emulator: Emulator
    private let server: HTTPServer
    /// Writes a seed built by this process to the disk cache, once the server is up.
    private let storeSeed: (@Sendable () -> Void)?
    /// Entered while the seed is being written; shutdown waits for it, so a short run still
    /// leaves a whole cache file for the next start.
    private let storingSeed = DispatchGroup()
    /// Longer than a write of the seed takes; a stuck disk must not hold up shutdown for good.
    private static let seedStoreWait = 5.0

    /// Reads the providers' settings, loads the seed and opens the database; throws
    /// `SettingsError`, `SeedError` or `SQLiteError` with a clear message.
    public init(configuration: UnderstudyConfiguration, logger: Logger = Logger(label: "understudy")) throws {
        let providers = try ProviderCatalog.providers(environment: configuration.environment)
        let (seed, storeSeed) = try SeedSnapshotCache.snapshot(
            providers: providers, seedRoot: configuration.seedDirectory, environment: configuration.environment,
            diskCache: configuration.seedCacheDirectory.map(SeedDiskCache.init(directory:)))
        self.storeSeed = storeSeed
        let location: Database.Location = configuration.databasePath.map { .file(path: $0) } ?? .memory
        let world = try World(seed: seed, location: location, memoizesResponses: configuration.memoizesResponses)
        emulator = Emulator(
            providers: providers, world: world, version: Self.version,
            controlAccess: ControlAccess(token: configuration.controlToken))
        server = HTTPServer(configuration: configuration.http, responder: emulator, logger: logger)
    }

    /// Builds the seed and writes it to `configuration.seedCacheDirectory` (for an image or a CI
    /// cache to ship, so its servers start from the file); returns the file written.
    public static func writeSeedCache(configuration: UnderstudyConfiguration) throws -> URL {
        guard let directory = configuration.seedCacheDirectory else { throw SeedCacheError.noFolder }
        let providers = try ProviderCatalog.providers(environment: configuration.environment)
        let cache = SeedDiskCache(directory: directory)
        let file = try cache.file(providers: providers, seedRoot: configuration.seedDirectory, environment: configuration.environment)
        try cache.store(SeedSnapshot(providers: providers, seedRoot: configuration.seedDirectory), as: file)
        return file
    }

    public enum SeedCacheError: Error, CustomStringConvertible {
        case noFolder
        public var description: String { "no seed cache folder: pass --seed-cache DIR or set UNDERSTUDY_SEED_CACHE" }
    }

    /// Starts listening; returns the bound port.
    public func start() throws -> Int {
        let port = try server.start()
        if let storeSeed {
            storingSeed.enter()
            Thread.detachNewThread { [storingSeed] in
                storeSeed()
                storingSeed.leave()
            }
        }
        return port
    }

    public var port: Int { server.port }

    public var providerNames: [String] { emulator.providerNames }

    /// Stops accepting, finishes in-flight requests, then returns.
    public func shutdown(gracePeriod: Double = 5) {
        server.shutdown(gracePeriod: gracePeriod)
        _ = storingSeed.wait(timeout: .now() + Self.seedStoreWait)
    }

    /// Blocks until the server has stopped and a seed being written to the cache is complete.
    public func waitUntilStopped() {
        server.waitUntilStopped()
        _ = storingSeed.wait(timeout: .now() + Self.seedStoreWait)
    }
}
