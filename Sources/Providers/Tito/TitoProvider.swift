import Emulation

/// Tito's Admin API v3 (https://api.tito.io/v3), as specified in specs/tito.md.
public struct TitoProvider: Provider {
    public let name = "tito"
    public let basePath = "/v3"
    public let hosts = ["api.tito.io"]

    public init(environment: [String: String]) {}

    public var schema: String { "" }

    public func loadSeed(from seed: SeedDirectory, into database: Database) throws {}

    public var routes: [Route<String>] { [] }

    public func authenticate(_ request: ProviderRequest) throws -> String { "" }

    public func routeNotFound(_ request: UnmatchedRequest) -> HTTPResponse {
        .json(["status": 404, "error": "Not Found"], status: 404)
    }

    public func errorResponse(for error: any Error, status: Int) -> HTTPResponse {
        .json(["status": .int(Int64(status)), "error": "Internal Server Error"], status: status)
    }

    public func credentials(in database: Database) throws -> JSONValue { ["headers": [:]] }
}
