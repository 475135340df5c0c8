import Foundation
import HTTPServer

/// How to run Understudy: where to listen, where state lives, where the seed data is.
public struct UnderstudyConfiguration: Sendable {
    public var http = HTTPServerConfiguration()
    /// A file to keep state in across restarts; nil keeps it in memory.
    public var databasePath: String?
    /// The folder holding `seed/{provider}/…`.
    public var seedDirectory: URL
    /// Where built seed snapshots are kept between processes (see `SeedDiskCache`); nil builds
    /// the seed in every process and writes nothing.
    public var seedCacheDirectory: URL?
    /// When set, every control request but `health` must carry it; when nil, only loopback and
    /// private-network clients may use the control API.
    public var controlToken: String?
    /// Whether memoized read routes reuse their answers until the data changes (`ResponseCache`).
    public var memoizesResponses = true
    /// Provider settings read from the environment (e.g. `GOEVENT_AUTH_MODE`).
    public var environment: [String: String]

    public init(seedDirectory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.seedDirectory = seedDirectory
        self.environment = environment
    }
}
