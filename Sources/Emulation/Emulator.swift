import Foundation
import HTTPServer

/// The responder behind the HTTP server: sends `/_understudy/…` to the control API and every
/// other request to its provider, by path prefix (`/tito/v3/…`) or by `Host` (`api.tito.io`).
public final class Emulator: HTTPResponder {
    let providers: [MountedProvider]
    private let providersByName: [String: MountedProvider]
    private let providersByHost: [String: MountedProvider]
    private let control: ControlAPI
    /// Who may call the control API.
    let controlAccess: ControlAccess
    /// The world every request acts on.
    public let world: World
    public let version: String

    public init(providers: [any Provider], world: World, version: String, controlAccess: ControlAccess = ControlAccess(token: nil)) {
        let mounted = providers.map { MountedProvider($0) }
        self.providers = mounted
        providersByName = Dictionary(uniqueKeysWithValues: mounted.map { ($0.name, $0) })
        var byHost: [String: MountedProvider] = [:]
        for provider in mounted {
            for host in provider.hosts { byHost[host] = provider }
        }
        providersByHost = byHost
        self.world = world
        self.version = version
        self.controlAccess = controlAccess
        control = ControlAPI()
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        if request.path == "/_understudy" || request.path.hasPrefix("/_understudy/") {
            return control.respond(to: request, emulator: self, world: world)
        }
        if let host = request.headers["Host"], let provider = providersByHost[Self.hostName(host)] {
            return serve(request, by: provider, realPath: request.path)
        }
        if let (provider, realPath) = providerByPrefix(request.path) {
            return serve(request, by: provider, realPath: realPath)
        }
        return ControlAPI.error("No emulated provider at \(request.path); see GET /_understudy/routes", status: 404)
    }

    func provider(named name: String) -> MountedProvider? { providersByName[name] }

    /// The served providers' names, in catalog order.
    public var providerNames: [String] { providers.map(\.name) }

    private func providerByPrefix(_ path: String) -> (MountedProvider, String)? {
        guard path.hasPrefix("/") else { return nil }
        let rest = path.dropFirst()
        let name = rest.prefix { $0 != "/" }
        guard let provider = providersByName[String(name)] else { return nil }
        let realPath = String(rest.dropFirst(name.count))
        return (provider, realPath.isEmpty ? "/" : realPath)
    }

    private func serve(_ received: HTTPRequest, by provider: MountedProvider, realPath: String) -> HTTPResponse {
        var request = received
        var answer = MountedProvider.Answer(response: HTTPResponse(status: 500))
        var routeLabel: String?
        if let refusal = provider.rewrite(&request) {
            answer.response = refusal
        } else if request.method == "OPTIONS", let preflight = provider.preflight(request) {
            answer.response = preflight
        } else {
            switch provider.endpoints.lookup(method: request.method, path: realPath) {
            case .matched(let match):
                routeLabel = match.entry.label
                answer = respond(request, by: provider, realPath: realPath, match: match)
                answer.response.headers.add("X-Understudy-Route", match.entry.label)
            case .redirectToSlash(let match):
                routeLabel = match.entry.label
                guard case .redirectReads(let redirect) = provider.endpoints.trailingSlash else { break }
                answer.response = redirect(received.path + "/" + (received.query.isEmpty ? "" : "?" + received.query))
                answer.response.headers.add("X-Understudy-Route", match.entry.label)
            case .methodNotAllowed(let allowed):
                answer.response = provider.routeNotFound(
                    UnmatchedRequest(http: request, world: world, path: realPath, allowedMethods: allowed))
            case .notFound:
                answer.response = provider.routeNotFound(
                    UnmatchedRequest(http: request, world: world, path: realPath, allowedMethods: []))
            }
        }
        provider.decorate(&answer.response, request)
        world.journal.record(
            time: world.clock.now, method: received.method, path: received.path, query: received.query,
            headers: received.headers.map { (name: $0.name, value: $0.value) }, body: received.body,
            status: answer.response.status, provider: provider.name, route: routeLabel, error: answer.unexpectedError,
            client: received.clientAddress?.description)
        return answer.response
    }

    /// A matched route's answer, or the provider's rendering of an armed fault.
    private func respond(
        _ request: HTTPRequest, by provider: MountedProvider, realPath: String, match: RouteTable<MountedProvider.Endpoint>.Match
    ) -> MountedProvider.Answer {
        if let fault = world.faults.take(provider: provider.name, method: request.method, path: realPath) {
            let injected = InjectedFault(status: fault.status, error: fault.error)
            return MountedProvider.Answer(response: provider.errorResponse(injected, fault.status))
        }
        let providerRequest = ProviderRequest(http: request, world: world, path: realPath, parameters: match.parameters)
        var answer = match.entry.respond(providerRequest)
        providerRequest.responseHeaders.apply(to: &answer.response)
        return answer
    }

    /// The host name of a `Host` header value, lower-cased, without port.
    private static func hostName(_ value: String) -> String {
        var host = Substring(value.lowercased())
        if host.hasPrefix("[") {  // IPv6 literal: [::1]:8080
            return String(host.prefix { $0 != "]" }) + "]"
        }
        if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
        return String(host)
    }
}

/// The error an armed fault stands for; providers render it in their dialect.
public struct InjectedFault: Error, Sendable {
    public let status: Int
    /// The provider's name for the error, when the fault gave one (`Fault.error`).
    public let error: String?
}
