import ArgumentParser
import Foundation
import Logging
import UnderstudyServer

/// `understudy`: serves every emulated API with its seed data.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "understudy",
        abstract: "Serve emulations of the Let's Do This, GoEvent, Tito, Eventbrite and bookingkit APIs.",
        discussion: """
            Each option can also be set by the environment variable in brackets; the option wins.
            Provider URLs are http://HOST:PORT/{provider}{real base path}, for example
            http://127.0.0.1:8080/goevent/developers/v1.0/events. The control API lives under
            /_understudy/ (health, credentials, routes, reset, requests, clock).
            """
    )

    @Option(help: "Address to listen on [UNDERSTUDY_HOST] (default: 127.0.0.1; 0.0.0.0 for all interfaces).")
    var host: String?

    @Option(help: "Port to listen on [UNDERSTUDY_PORT] (default: 8080; 0 picks a free port).")
    var port: String?

    @Option(help: "SQLite file that keeps state across restarts [UNDERSTUDY_DB] (default: in memory).")
    var db: String?

    @Option(help: "Folder of seed data [UNDERSTUDY_SEED] (default: the project's seed/ folder).")
    var seed: String?

    @Option(help: "Folder that keeps the built seed between runs, so later starts skip building it [UNDERSTUDY_SEED_CACHE] (default: $XDG_CACHE_HOME/understudy or ~/.cache/understudy; 'off' for none).")
    var seedCache: String?

    @Flag(help: "Build the seed, write it to the seed cache folder, print the file's path and exit (for images and CI caches).")
    var writeSeedCache = false

    @Option(help: "Token every control API request but health must carry, as 'Authorization: Bearer TOKEN' or 'X-Understudy-Control-Token: TOKEN' [UNDERSTUDY_CONTROL_TOKEN] (default: none; then only loopback and private-network clients may use the control API).")
    var controlToken: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical [UNDERSTUDY_LOG_LEVEL] (default: info).")
    var logLevel: String?

    /// The options resolved against the environment and defaults, or a usage error.
    func resolve(environment: [String: String]) throws -> (UnderstudyConfiguration, Logger.Level) {
        func setting(_ option: String?, _ variable: String) -> String? {
            if let option { return option }
            if let value = environment[variable], !value.isEmpty { return value }
            return nil
        }
        let portText = setting(port, "UNDERSTUDY_PORT") ?? "8080"
        guard let portNumber = Int(portText), (0...65535).contains(portNumber) else {
            throw ValidationError("port must be a number from 0 to 65535, not '\(portText)'")
        }
        let levelText = setting(logLevel, "UNDERSTUDY_LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: levelText.lowercased()) else {
            throw ValidationError("unknown log level '\(levelText)'")
        }
        let seedDirectory: URL
        if let path = setting(seed, "UNDERSTUDY_SEED") {
            seedDirectory = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("seed folder '\(path)' does not exist or is not a folder")
            }
        } else if let found = SeedLocator.defaultSeedDirectory() {
            seedDirectory = found
        } else {
            throw ValidationError("no seed/ folder found; pass --seed DIR or set UNDERSTUDY_SEED")
        }
        var configuration = UnderstudyConfiguration(seedDirectory: seedDirectory, environment: environment)
        configuration.http.host = setting(host, "UNDERSTUDY_HOST") ?? "127.0.0.1"
        configuration.http.port = portNumber
        configuration.databasePath = setting(db, "UNDERSTUDY_DB")
        configuration.controlToken = setting(controlToken, "UNDERSTUDY_CONTROL_TOKEN")
        configuration.seedCacheDirectory = Self.seedCacheDirectory(setting(seedCache, "UNDERSTUDY_SEED_CACHE"), environment)
        return (configuration, level)
    }

    /// The seed cache folder: the one given, none for `off`, else the user's cache folder.
    static func seedCacheDirectory(_ given: String?, _ environment: [String: String]) -> URL? {
        if let given { return given == "off" ? nil : URL(fileURLWithPath: given, isDirectory: true) }
        if let cacheHome = environment["XDG_CACHE_HOME"], !cacheHome.isEmpty {
            return URL(fileURLWithPath: cacheHome, isDirectory: true).appendingPathComponent("understudy")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache/understudy")
    }
}
