import Emulation
import Foundation
import UnderstudyServer

/// A whole Understudy on 127.0.0.1 and a free port, with its own in-memory world, for one test.
public final class TestServer: Sendable {
    public let server: UnderstudyServer
    public let port: Int

    /// The repository's `seed/` folder, found from this file's location.
    public static let seedDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seed")

    public init(databasePath: String? = nil, environment: [String: String] = [:], configure: (inout UnderstudyConfiguration) -> Void = { _ in }) throws {
        var configuration = UnderstudyConfiguration(seedDirectory: Self.seedDirectory, environment: environment)
        configuration.http.port = 0
        configuration.databasePath = databasePath
        configure(&configuration)
        server = try UnderstudyServer(configuration: configuration)
        port = try server.start()
    }

    deinit { server.shutdown(gracePeriod: 1) }

    public func stop() { server.shutdown(gracePeriod: 1) }

    /// The world the server's requests act on.
    public var world: World { server.emulator.world }

    /// Sends one request; `json` bodies go with `Content-Type: application/json`.
    public func request(
        _ method: String, _ target: String, headers: [(String, String)] = [], json: JSONValue? = nil, body: String? = nil
    ) throws -> TestResponse {
        var headers = headers
        var bytes: [UInt8]? = body.map { Array($0.utf8) }
        if let json {
            bytes = JSONWriter.encode(json)
            if !headers.contains(where: { $0.0.lowercased() == "content-type" }) {
                headers.append(("Content-Type", "application/json"))
            }
        }
        return try TestHTTPClient.send(port: port, method: method, target: target, headers: headers, body: bytes)
    }
}

extension TestResponse {
    /// The body parsed as JSON (`.null` when it is not JSON, so assertions fail readably).
    public var json: JSONValue {
        (try? JSONParser.parse(body)) ?? .null
    }
}
