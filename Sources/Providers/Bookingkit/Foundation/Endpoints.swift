import Emulation

/// The handler of an authenticated `/v3` endpoint.
typealias EndpointHandler = @Sendable (ProviderRequest, BookingkitClient) throws -> HTTPResponse

/// Builds the provider's routes: each checks `Access`, then settles reservations that have
/// expired (§7.4) before the handler reads or writes anything.
struct Endpoints: Sendable {
    let settings: BookingkitSettings

    func route(_ method: String, _ template: String, example: String? = nil, _ access: Access, _ handler: @escaping EndpointHandler)
        -> Route<BookingkitClient>
    {
        let enforcesScopes = settings.enforceScopes
        let route = Route<BookingkitClient>(method, template, example: example) { request, client in
            try access.check(client, enforcingScopes: enforcesScopes)
            try ReservationRules.expireDue(now: DateTime(request.now), in: request.world.database)
            return try handler(request, client)
        }
        // PUT is accepted wherever PATCH is (§1, §10 D2).
        return method == "PATCH" ? route.alias("PUT") : route
    }
}
