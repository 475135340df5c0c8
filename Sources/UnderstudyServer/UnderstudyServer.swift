import Emulation
import Foundation
import HTTPServer
import Logging

/// Understudy assembled: the seed snapshot, the world, the emulator and the HTTP server.
public final class UnderstudyServer: Sendable {
    public static let version = "0.1.0"

    public let emulator: Emulator
    private let server: HTTPServer

    /// Reads the providers' settings, loads the seed and opens the database; throws
    /// `SettingsError`, `SeedError` or `SQLiteError` with a clear message.
    public init(configuration: UnderstudyConfiguration, logger: Logger = Logger(label: "understudy")) throws {
        let providers = try ProviderCatalog.providers(environment: configuration.environment)
        let seed = try SeedSnapshotCache.snapshot(
            providers: providers, seedRoot: configuration.seedDirectory, environment: configuration.environment)
        let location: Database.Location = configuration.databasePath.map { .file(path: $0) } ?? .memory
        let world = try World(seed: seed, location: location)
        emulator = Emulator(providers: providers, world: world, version: Self.version)
        server = HTTPServer(configuration: configuration.http, responder: emulator, logger: logger)
    }

    /// Starts listening; returns the bound port.
    public func start() throws -> Int { try server.start() }

    public var port: Int { server.port }

    public var providerNames: [String] { emulator.providerNames }

    /// Stops accepting, finishes in-flight requests, then returns.
    public func shutdown(gracePeriod: Double = 5) { server.shutdown(gracePeriod: gracePeriod) }

    public func waitUntilStopped() { server.waitUntilStopped() }
}
