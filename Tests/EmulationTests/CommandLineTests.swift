import Emulation
import Foundation
import Testing
import TestSupport

/// The `understudy` executable as a user runs it.
@Suite struct CommandLineTests {
    /// The executable SwiftPM built beside the test bundle.
    static let executable: URL = {
        let buildDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [buildDirectory, buildDirectory.deletingLastPathComponent()].map { $0.appendingPathComponent("understudy") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    struct Outcome {
        let status: Int32
        let output: String
        let errors: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { mine, _ in mine }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            output: String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
            errors: String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test func helpDocumentsEveryOptionAndExitsZero() throws {
        let outcome = try Self.run(["--help"])
        #expect(outcome.status == 0)
        for option in [
            "--host", "--port", "--db", "--seed", "--control-token", "--response-cache", "UNDERSTUDY_HOST", "UNDERSTUDY_PORT",
            "UNDERSTUDY_DB", "UNDERSTUDY_SEED", "UNDERSTUDY_CONTROL_TOKEN", "UNDERSTUDY_RESPONSE_CACHE",
        ] {
            #expect(outcome.output.contains(option), "help should mention \(option)")
        }
    }

    @Test(arguments: [
        (["--port", "70000"], [:]),
        (["--port", "eighty"], [:]),
        (["--no-such-flag"], [:]),
        (["--seed", "/nonexistent/seed"], [:]),
        ([], ["UNDERSTUDY_PORT": "-1"]),
        (["--response-cache", "sometimes"], [:]),
    ] as [([String], [String: String])])
    func badOptionsPrintOneErrorLineAndExitTwo(arguments: [String], environment: [String: String]) throws {
        let outcome = try Self.run(arguments, environment: environment)
        #expect(outcome.status == 2)
        let lines = outcome.errors.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(outcome.errors)")
        #expect(lines.first?.hasPrefix("understudy: error: ") == true)
        #expect(outcome.output.isEmpty)
    }

    @Test func everyUnusableSettingIsNamedInOneLineAndExitsTwo() throws {
        let outcome = try Self.run(
            ["--port", "eighty", "--seed", TestServer.seedDirectory.path],
            environment: [
                "UNDERSTUDY_LOG_LEVEL": "chatty", "GOEVENT_AUTH_MODE": "lenient", "LDT_BULK_PARTICIPANTS": "lots",
                "TITO_ACCEPT_ANY_TOKEN": "maybe", "TITO_TOKENS": "[{\"token\": 5}]",
            ])
        #expect(outcome.status == 2)
        let lines = outcome.errors.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(outcome.errors)")
        let line = String(lines.first ?? "")
        #expect(line.hasPrefix("understudy: error: "))
        for name in ["--port", "UNDERSTUDY_LOG_LEVEL", "GOEVENT_AUTH_MODE", "LDT_BULK_PARTICIPANTS", "TITO_ACCEPT_ANY_TOKEN", "TITO_TOKENS"] {
            #expect(line.contains(name), "\(name) missing from: \(line)")
        }
        #expect(outcome.output.isEmpty)
    }

    @Test func unreadableSeedDataExitsTwo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bad-seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("goevent"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Self.run(["--seed", folder.path, "--port", "0"])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("seed file"))
    }

    /// Starts the executable on a free port and returns it with the port its startup line names.
    static func startServer(
        environment: [String: String] = [:], executable: URL = CommandLineTests.executable
    ) throws -> (process: Process, port: Int, providers: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--port", "0", "--seed", TestServer.seedDirectory.path]
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { mine, _ in mine }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()

        // The startup line arrives as soon as the server listens.
        var line = ""
        let deadline = Date().addingTimeInterval(20)
        while !line.contains("\n") && Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += String(decoding: chunk, as: UTF8.self)
        }
        let pattern = #/understudy listening on http://127\.0\.0\.1:(\d+) \(providers: (.+)\)/#
        guard let match = line.firstMatch(of: pattern), let port = Int(match.1) else {
            if process.isRunning { process.terminate() }
            throw StartupError(line: line)
        }
        return (process, port, String(match.2))
    }

    struct StartupError: Error, CustomStringConvertible {
        let line: String
        var description: String { "no startup line: \(line.debugDescription)" }
    }

    @Test func startsPrintsItsAddressAndStopsCleanlyOnSIGTERM() throws {
        let (process, port, providers) = try Self.startServer()
        defer { if process.isRunning { process.terminate() } }
        #expect(providers.contains("goevent"))

        let health = try TestHTTPClient.send(port: port, method: "GET", target: "/_understudy/health")
        #expect(health.status == 200)

        process.terminate()  // SIGTERM
        let stopDeadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < stopDeadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(!process.isRunning)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    /// A SIGTERM that arrives while the server is still loading its seed is not lost and does
    /// not kill it mid-start: the server starts, then stops cleanly with status 0.
    @Test func aSIGTERMDuringStartUpStopsTheServerCleanly() throws {
        for delay in [0.0, 0.005, 0.02] {
            let process = Process()
            process.executableURL = Self.executable
            process.arguments = ["--port", "0", "--seed", TestServer.seedDirectory.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            process.terminate()  // SIGTERM
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            #expect(process.terminationReason == .exit, "SIGTERM after \(delay) s")
            #expect(process.terminationStatus == 0, "SIGTERM after \(delay) s")
        }
    }

    /// The first start writes the built seed to the cache folder; the next one opens it instead
    /// of building (and so writes nothing), also under the loader settings a profiler adds; a
    /// damaged cache file is built and written anew.
    @Test func theBuiltSeedIsCachedOnDiskBetweenStarts() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("seed-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        func cacheFiles() -> [URL] {
            ((try? FileManager.default.contentsOfDirectory(at: cache, includingPropertiesForKeys: nil)) ?? [])
                .filter { $0.pathExtension == "sqlite" }
        }
        func inode(_ url: URL) -> Int? {
            (try? FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber]) as? Int
        }
        func isDatabase(_ url: URL) -> Bool {
            (try? Data(contentsOf: url).prefix(15)) == Data("SQLite format 3".utf8)
        }
        /// Starts a server, waits (10 s at most) until the cache holds a database, reads a page, stops it.
        func serveAndStop(_ environment: [String: String] = [:], executable: URL = Self.executable) throws -> JSONValue {
            let (process, port, _) = try Self.startServer(
                environment: environment.merging(["UNDERSTUDY_SEED_CACHE": cache.path]) { $1 }, executable: executable)
            defer { process.terminate(); process.waitUntilExit() }
            let deadline = Date().addingTimeInterval(10)
            while !cacheFiles().contains(where: isDatabase) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            let events = try TestHTTPClient.send(
                port: port, method: "GET", target: "/tito/v3/demo/big-conf/registrations?page[size]=3",
                headers: [("Authorization", "Token token=tito-mock-live-token-ab1C")])
            #expect(events.status == 200)
            return events.json
        }

        let built = try serveAndStop()
        let file = try #require(cacheFiles().first)
        #expect(cacheFiles().count == 1)
        let written = inode(file)
        #expect(try serveAndStop() == built)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(inode(file) == written, "a start with a cached seed rewrote it")
        #expect(try serveAndStop(["GLIBCXX_FORCE_NEW": "1", "VALGRIND_LAUNCHER": "/usr/bin/valgrind"]) == built)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(cacheFiles().count == 1 && inode(file) == written, "loader settings named another cache file")
        // The cache is named by the build (its build ID), not by where the executable lies or when it was written.
        let copy = cache.appendingPathComponent("copy/understudy")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.executable, to: copy)
        #expect(try serveAndStop(executable: copy) == built)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(cacheFiles().count == 1 && inode(file) == written, "a copy of the same build named another cache file")

        try Data("not a database".utf8).write(to: file)
        #expect(try serveAndStop() == built)
        #expect(isDatabase(file), "a damaged cache file was not replaced")
    }

    @Test func theControlTokenComesFromTheEnvironment() throws {
        let (process, port, _) = try Self.startServer(environment: ["UNDERSTUDY_CONTROL_TOKEN": "s3cret"])
        defer { if process.isRunning { process.terminate() } }
        #expect(try TestHTTPClient.send(port: port, method: "GET", target: "/_understudy/health").status == 200)
        #expect(try TestHTTPClient.send(port: port, method: "GET", target: "/_understudy/credentials").status == 401)
        let authorised = try TestHTTPClient.send(
            port: port, method: "GET", target: "/_understudy/credentials", headers: [("Authorization", "Bearer s3cret")])
        #expect(authorised.status == 200)
    }
}
