import HTTPServer
import Logging

/// A provider as the emulator serves it: its routes compiled into a table, each wrapped with the
/// provider's authentication and error dialect. Built once at start-up, then immutable.
struct MountedProvider: Sendable {
    /// A route ready to answer: `label` is what `X-Understudy-Route` shows.
    struct Endpoint: Sendable {
        let label: String
        let respond: @Sendable (ProviderRequest) -> Answer
    }

    /// A handler's response, and the error behind it when the handler failed unexpectedly (a
    /// 500 the provider's dialect rendered), so the journal can show it.
    struct Answer {
        var response: HTTPResponse
        var unexpectedError: String?
    }

    /// A route as `/_understudy/routes` lists it.
    struct Listing: Sendable {
        let method: String
        let template: String
        /// The example's path below `/{provider}`: the base path and the route's example.
        let example: String?
    }

    let name: String
    let hosts: [String]
    let endpoints: RouteTable<Endpoint>
    let controlEndpoints: RouteTable<ControlRoute>
    let listings: [Listing]
    let resetStatus: Int
    let routeNotFound: @Sendable (UnmatchedRequest) -> HTTPResponse
    let errorResponse: @Sendable (_ error: any Error, _ status: Int) -> HTTPResponse
    let credentials: @Sendable (Database, [IssuedToken]) throws -> JSONValue
    let rewrite: @Sendable (inout HTTPRequest) -> HTTPResponse?
    let preflight: @Sendable (HTTPRequest) -> HTTPResponse?
    let decorate: @Sendable (inout HTTPResponse, HTTPRequest) -> Void

    private static let logger = Logger(label: "understudy.provider")

    init<P: Provider>(_ provider: P) {
        name = provider.name
        hosts = provider.hosts.map { $0.lowercased() }
        var entries: [(method: String, template: RouteTemplate, entry: Endpoint)] = []
        var listings: [Listing] = []
        for route in provider.routes {
            // A route outside the base path is mounted once, at the root; the others under the
            // base path and each alternate one, all answering as the canonical template.
            let bases = route.isOutsideBasePath ? [""] : [provider.basePath] + provider.alternateBasePaths
            let template = RouteTemplate(bases[0] + route.template)
            let endpoint = Self.endpoint(route, label: "\(route.method) \(template.text)", provider: provider)
            for base in bases {
                entries.append((route.method, RouteTemplate(base + route.template), endpoint))
                for alias in route.aliases {
                    entries.append((alias.method, RouteTemplate(base + alias.template), endpoint))
                }
            }
            listings.append(Listing(method: route.method, template: template.text, example: route.example.map { bases[0] + $0 }))
        }
        endpoints = RouteTable(entries, trailingSlash: provider.trailingSlash)
        controlEndpoints = RouteTable(
            provider.controlRoutes.map { (method: $0.method, template: RouteTemplate($0.template), entry: $0) },
            trailingSlash: .ignored)
        self.listings = listings
        resetStatus = provider.resetStatus
        routeNotFound = { provider.routeNotFound($0) }
        errorResponse = { provider.errorResponse(for: $0, status: $1) }
        credentials = { try provider.credentials(in: $0, tokens: $1) }
        rewrite = { provider.rewrite(&$0) }
        preflight = { provider.preflight($0) }
        decorate = { provider.decorate(&$0, for: $1) }
    }

    /// The route's handler behind the provider's authentication and error dialect. An error no
    /// handler turned into a response becomes the provider's 500, and is logged with the route.
    private static func endpoint<P: Provider>(_ route: Route<P.Principal>, label: String, provider: P) -> Endpoint {
        let handler = route.handler
        let isMemoized = route.isMemoized
        return Endpoint(label: label) { request in
            do {
                switch handler {
                case .authenticated(let handle):
                    let principal = try provider.authenticate(request)
                    guard isMemoized, request.world.responses.isEnabled else {
                        return Answer(response: try handle(request, principal))
                    }
                    return Answer(response: try memoizedResponse(request, label: label) { try handle($0, principal) })
                case .anonymous(let handle):
                    return Answer(response: try handle(request))
                }
            } catch let error as any ResponseError {
                return Answer(response: error.response)
            } catch let error as JSONBodyError {
                return Answer(response: provider.errorResponse(for: error, status: 400))
            } catch let error as RequestBodyError {
                return Answer(response: provider.errorResponse(for: error, status: error.status))
            } catch {
                let description = String(describing: error)
                logger.error("unexpected error answering \(label): \(description)", metadata: ["path": "\(request.http.path)"])
                return Answer(response: provider.errorResponse(for: error, status: 500), unexpectedError: description)
            }
        }
    }

    /// The answer to a memoized route: the cached one while the data and the tokens are as they
    /// were when it was made (generations read before the handler runs) and the emulated clock
    /// is inside its window, else a fresh one, made by `handle` at the instant the clock was read
    /// (`AnswerValidity`) and kept when it is a success.
    private static func memoizedResponse(
        _ request: ProviderRequest, label: String, handle: (ProviderRequest) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        let world = request.world
        let key = ResponseCache.Key(route: label, target: request.http.target, credentials: request.headers["Authorization"])
        let data = world.database.generation
        let tokens = world.tokens.generation
        let now = world.clock.now
        if let cached = world.responses.response(for: key, dataGeneration: data, tokenGeneration: tokens, now: now.millisecondsSince1970) {
            return cached
        }
        var making = request
        let validity = AnswerValidity(madeAt: now)
        making.answerValidity = validity
        let response = try handle(making)
        if (200..<300).contains(response.status) {
            world.responses.store(response, for: key, dataGeneration: data, tokenGeneration: tokens, validity: validity)
        }
        return response
    }

    /// The URL a client of Understudy uses for `example`.
    func exampleURLPath(_ example: String) -> String {
        "/\(name)\(example)"
    }
}
