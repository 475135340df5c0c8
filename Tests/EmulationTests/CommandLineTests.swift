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
        for option in ["--host", "--port", "--db", "--seed", "UNDERSTUDY_HOST", "UNDERSTUDY_PORT", "UNDERSTUDY_DB", "UNDERSTUDY_SEED"] {
            #expect(outcome.output.contains(option), "help should mention \(option)")
        }
    }

    @Test(arguments: [
        (["--port", "70000"], [:]),
        (["--port", "eighty"], [:]),
        (["--no-such-flag"], [:]),
        (["--seed", "/nonexistent/seed"], [:]),
        ([], ["UNDERSTUDY_PORT": "-1"]),
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

    @Test func startsPrintsItsAddressAndStopsCleanlyOnSIGTERM() throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["--port", "0", "--seed", TestServer.seedDirectory.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // The startup line arrives as soon as the server listens.
        var line = ""
        let deadline = Date().addingTimeInterval(20)
        while !line.contains("\n") && Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += String(decoding: chunk, as: UTF8.self)
        }
        let pattern = #/understudy listening on http://127\.0\.0\.1:(\d+) \(providers: (.+)\)/#
        let match = try #require(line.firstMatch(of: pattern), "startup line: \(line)")
        #expect(match.2.contains("goevent"))
        let port = try #require(Int(match.1))

        let health = try TestHTTPClient.send(port: port, method: "GET", target: "/_understudy/health")
        #expect(health.status == 200)

        process.terminate()  // SIGTERM
        let stopDeadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < stopDeadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(!process.isRunning)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }
}
