import ArgumentParser
import Foundation
import Emulation
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

    @Option(help: "Whether repeated reads of the same list or record are answered from memory until the data changes: on or off [UNDERSTUDY_RESPONSE_CACHE] (default: on).")
    var responseCache: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical [UNDERSTUDY_LOG_LEVEL] (default: info).")
    var logLevel: String?

    /// The options resolved against the environment and defaults, or one usage error that names
    /// every unusable option and setting, the providers' settings included.
    func resolve(environment: [String: String]) throws -> (UnderstudyConfiguration, Logger.Level) {
        var settings = SettingsReader(environment)
        settings.override("UNDERSTUDY_HOST", with: host, option: "--host")
        settings.override("UNDERSTUDY_PORT", with: port, option: "--port")
        settings.override("UNDERSTUDY_DB", with: db, option: "--db")
        settings.override("UNDERSTUDY_SEED", with: seed, option: "--seed")
        settings.override("UNDERSTUDY_LOG_LEVEL", with: logLevel, option: "--log-level")
        settings.override("UNDERSTUDY_CONTROL_TOKEN", with: controlToken, option: "--control-token")
        settings.override("UNDERSTUDY_SEED_CACHE", with: seedCache, option: "--seed-cache")
        settings.override("UNDERSTUDY_RESPONSE_CACHE", with: responseCache, option: "--response-cache")

        let portNumber = settings.integer("UNDERSTUDY_PORT", in: 0...65535, default: 8080)
        let level = settings.choice("UNDERSTUDY_LOG_LEVEL", default: Logger.Level.info)
        let memoizesResponses = settings.flag("UNDERSTUDY_RESPONSE_CACHE", default: true)
        let seedDirectory: URL?
        if settings.string("UNDERSTUDY_SEED") != nil {
            seedDirectory = settings.value("UNDERSTUDY_SEED", expecting: "an existing folder") { path in
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                return exists && isDirectory.boolValue ? URL(fileURLWithPath: path) : nil
            }
        } else {
            seedDirectory = SeedLocator.defaultSeedDirectory()
            if seedDirectory == nil { settings.report("no seed/ folder found; pass --seed DIR or set UNDERSTUDY_SEED") }
        }

        var problems = settings.problems
        do {
            _ = try ProviderCatalog.providers(environment: environment)
        } catch let error as SettingsError {
            problems += error.problems
        }
        guard problems.isEmpty, let seedDirectory else { throw ValidationError(problems.joined(separator: "; ")) }

        var configuration = UnderstudyConfiguration(seedDirectory: seedDirectory, environment: environment)
        configuration.http.host = settings.string("UNDERSTUDY_HOST", default: "127.0.0.1")
        configuration.http.port = portNumber
        configuration.databasePath = settings.string("UNDERSTUDY_DB")
        configuration.controlToken = settings.string("UNDERSTUDY_CONTROL_TOKEN")
        configuration.memoizesResponses = memoizesResponses
        configuration.seedCacheDirectory = Self.seedCacheDirectory(settings.string("UNDERSTUDY_SEED_CACHE"), environment)
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
