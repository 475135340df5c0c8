import HTTPServer

/// A provider as the emulator serves it: its routes compiled into a table, each wrapped with the
/// provider's authentication and error dialect. Built once at start-up, then immutable.
struct MountedProvider: Sendable {
    /// A route ready to answer: `label` is what `X-Understudy-Route` shows.
    struct Endpoint: Sendable {
        let label: String
        let respond: @Sendable (ProviderRequest) -> HTTPResponse
    }

    /// A route as `/_understudy/routes` lists it.
    struct Listing: Sendable {
        let method: String
        let template: String
        let example: String?
    }

    let name: String
    let basePath: String
    let hosts: [String]
    let endpoints: RouteTable<Endpoint>
    let controlEndpoints: RouteTable<ControlRoute>
    let listings: [Listing]
    let routeNotFound: @Sendable (UnmatchedRequest) -> HTTPResponse
    let errorResponse: @Sendable (_ error: any Error, _ status: Int) -> HTTPResponse
    let credentials: @Sendable (Database, [IssuedToken]) throws -> JSONValue

    init<P: Provider>(_ provider: P) {
        name = provider.name
        basePath = provider.basePath
        hosts = provider.hosts.map { $0.lowercased() }
        var entries: [(method: String, template: RouteTemplate, entry: Endpoint)] = []
        var listings: [Listing] = []
        for route in provider.routes {
            let template = RouteTemplate(provider.basePath + route.template)
            let label = "\(route.method) \(template.text)"
            let handler = route.handler
            let endpoint = Endpoint(label: label) { request in
                do {
                    switch handler {
                    case .authenticated(let handle):
                        return try handle(request, try provider.authenticate(request))
                    case .anonymous(let handle):
                        return try handle(request)
                    }
                } catch let error as any ResponseError {
                    return error.response
                } catch let error as JSONBodyError {
                    return provider.errorResponse(for: error, status: 400)
                } catch {
                    return provider.errorResponse(for: error, status: 500)
                }
            }
            entries.append((route.method, template, endpoint))
            for alias in route.aliases {
                entries.append((alias.method, RouteTemplate(provider.basePath + alias.template), endpoint))
            }
            listings.append(Listing(method: route.method, template: template.text, example: route.example))
        }
        endpoints = RouteTable(entries, trailingSlash: provider.trailingSlash)
        controlEndpoints = RouteTable(
            provider.controlRoutes.map { (method: $0.method, template: RouteTemplate($0.template), entry: $0) },
            trailingSlash: .ignored)
        self.listings = listings
        routeNotFound = { provider.routeNotFound($0) }
        errorResponse = { provider.errorResponse(for: $0, status: $1) }
        credentials = { try provider.credentials(in: $0, tokens: $1) }
    }

    /// The URL a client of Understudy uses for `example`.
    func exampleURLPath(_ example: String) -> String {
        "/\(name)\(basePath)\(example)"
    }
}
