import Foundation
import HTTPServer

/// Understudy's own endpoints under `/_understudy/`: health, credentials, routes, reset, the
/// request journal, the emulated clock, and each provider's mock-only endpoints.
struct ControlAPI: Sendable {
    typealias Handler = @Sendable (ControlRequest) throws -> HTTPResponse

    private let table: RouteTable<Handler>

    init() {
        let routes: [(String, String, Handler)] = [
            ("GET", "/_understudy/health", Self.health),
            ("GET", "/_understudy/credentials", Self.credentials),
            ("GET", "/_understudy/routes", Self.routes),
            ("POST", "/_understudy/reset", Self.reset),
            ("GET", "/_understudy/requests", JournalEndpoints.list),
            ("DELETE", "/_understudy/requests", JournalEndpoints.clear),
            ("GET", "/_understudy/clock", ClockEndpoints.show),
            ("PUT", "/_understudy/clock", ClockEndpoints.freeze),
            ("POST", "/_understudy/clock/advance", ClockEndpoints.advance),
            ("DELETE", "/_understudy/clock", ClockEndpoints.release),
            ("POST", "/_understudy/{provider}/reset", Self.resetProvider),
            ("GET", "/_understudy/{provider}/faults", FaultEndpoints.list),
            ("POST", "/_understudy/{provider}/faults", FaultEndpoints.arm),
            ("DELETE", "/_understudy/{provider}/faults", FaultEndpoints.clear),
        ]
        table = RouteTable(routes.map { (method: $0.0, template: RouteTemplate($0.1), entry: $0.2) }, trailingSlash: .ignored)
    }

    func respond(to request: HTTPRequest, emulator: Emulator, world: World) -> HTTPResponse {
        do {
            switch table.lookup(method: request.method, path: request.path) {
            case .matched(let match), .redirectToSlash(let match):  // control routes ignore trailing slashes
                if let name = match.parameters["provider"], emulator.provider(named: name) == nil {
                    throw ControlError.notFound("Unknown provider \(name)")
                }
                return try match.entry(
                    ControlRequest(
                        http: request, query: QueryParameters(request.query), parameters: match.parameters,
                        emulator: emulator, world: world))
            case .methodNotAllowed(let allowed):
                return Self.methodNotAllowed(request.method, allowed: allowed)
            case .notFound:
                return try providerControlRoute(request, emulator: emulator, world: world)
            }
        } catch let error as any ResponseError {
            return error.response
        } catch {
            return Self.error("Internal error: \(error)", status: 500)
        }
    }

    /// `/_understudy/{provider}/…` endpoints that the provider itself declares.
    private func providerControlRoute(_ request: HTTPRequest, emulator: Emulator, world: World) throws -> HTTPResponse {
        let rest = request.path.dropFirst("/_understudy/".count)
        let name = String(rest.prefix { $0 != "/" })
        guard let provider = emulator.provider(named: name) else {
            throw ControlError.notFound("No control endpoint \(request.method) \(request.path); see the README")
        }
        let subpath = String(rest.dropFirst(name.count))
        switch provider.controlEndpoints.lookup(method: request.method, path: subpath.isEmpty ? "/" : subpath) {
        case .matched(let match), .redirectToSlash(let match):
            let providerRequest = ProviderRequest(http: request, world: world, path: subpath, parameters: match.parameters)
            return try match.entry.handler(providerRequest)
        case .methodNotAllowed(let allowed):
            return Self.methodNotAllowed(request.method, allowed: allowed)
        case .notFound:
            throw ControlError.notFound("No control endpoint \(request.method) \(request.path); see the README")
        }
    }

    private static func methodNotAllowed(_ method: String, allowed: [String]) -> HTTPResponse {
        let methods = allowed.joined(separator: ", ")
        return error("\(method) is not supported here; use \(methods)", status: 405, headers: [("Allow", methods)])
    }

    static func error(_ message: String, status: Int, headers: [(String, String)] = []) -> HTTPResponse {
        .json(["error": .string(message)], status: status, contentType: "application/json", headers: headers)
    }

    static func ok(_ value: JSONValue, status: Int = 200) -> HTTPResponse {
        .json(value, status: status, contentType: "application/json")
    }

    // MARK: - Endpoints

    private static let health: Handler = { request in
        ok([
            "status": "ok",
            "version": .string(request.emulator.version),
            "providers": .array(request.emulator.providers.map { .string($0.name) }),
        ])
    }

    private static let credentials: Handler = { request in
        var providers = JSONObject()
        for provider in request.emulator.providers {
            let tokens = request.world.tokens.tokens(provider: provider.name)
            providers[provider.name] = try request.world.database.read { try provider.credentials($0, tokens) }
        }
        return ok(["providers": .object(providers)])
    }

    private static let routes: Handler = { request in
        let only = try request.providerFilter()
        var routes: [JSONValue] = []
        for provider in request.emulator.providers where only == nil || only?.name == provider.name {
            for listing in provider.listings {
                routes.append([
                    "provider": .string(provider.name),
                    "method": .string(listing.method),
                    "template": .string(listing.template),
                    "example": .string(listing.example.map(provider.exampleURLPath)),
                ])
            }
        }
        return ok(["routes": .array(routes)])
    }

    private static let reset: Handler = { request in
        let provider = try request.providerFilter()
        try request.world.reset(provider: provider?.name)
        return ok(["reset": .string(provider?.name ?? "all")])
    }

    /// `POST /_understudy/{provider}/reset` answers as the provider's spec proposes for its own
    /// reset endpoint: `200 {}` (GoEvent, Let's Do This) or `204` (Tito, bookingkit).
    private static let resetProvider: Handler = { request in
        let name = request.parameters["provider"]!
        guard let provider = request.emulator.provider(named: name) else {
            throw ControlError.notFound("Unknown provider \(name)")
        }
        try request.world.reset(provider: name)
        return provider.resetStatus == 204 ? .empty(status: 204) : ok([:])
    }
}
