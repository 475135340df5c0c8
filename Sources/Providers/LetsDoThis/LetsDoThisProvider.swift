import Emulation

/// Let's Do This's organiser API v0 (https://api.letsdothis.com/v0), as specified in
/// specs/letsdothis.md.
public struct LetsDoThisProvider: Provider {
    public let name = "letsdothis"
    public let basePath = "/v0"
    public let hosts = ["api.letsdothis.com"]
    public let trailingSlash = TrailingSlashPolicy.exact

    public init(environment: [String: String]) {}

    public var schema: String { "" }

    public func loadSeed(from seed: SeedDirectory, into database: Database) throws {}

    public var routes: [Route<String>] { [] }

    public func authenticate(_ request: ProviderRequest) throws -> String { "" }

    public func routeNotFound(method: String, path: String, allowedMethods: [String]) -> HTTPResponse {
        .json(["message": .string("Route \(method):\(path) not found"), "error": "Not Found", "statusCode": 404], status: 404)
    }

    public func errorResponse(for error: any Error, status: Int) -> HTTPResponse {
        .json(["statusCode": .int(Int64(status)), "error": "Internal Server Error", "message": "An internal server error occurred"], status: status)
    }

    public func credentials(in database: Database) throws -> JSONValue { ["headers": [:]] }
}
