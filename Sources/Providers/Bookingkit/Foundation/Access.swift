import Emulation

/// What an endpoint asks of the client beyond a valid token (spec §2.4, §2.5): one of some
/// scopes, and for some endpoints a vendor client. Checked in the spec's order: client type
/// (401), then scope (403).
struct Access: Sendable {
    /// Any one of these scopes.
    let scopes: [String]
    var vendorOnly = false

    static let calendarRead = Access(scopes: ["calendar_read"])
    static let calendarWrite = Access(scopes: ["calendar_write"])
    static let inventoryWrite = Access(scopes: ["inventory_write"])
    static let ordersRead = Access(scopes: ["orders_read_owned", "orders_read_all"])
    static let ordersWrite = Access(scopes: ["orders_write_owned", "orders_write_all"])

    /// The same, for vendor clients only ("only available when authenticated as a vendor API").
    var vendorsOnly: Access {
        var access = self
        access.vendorOnly = true
        return access
    }

    func check(_ client: BookingkitClient, enforcingScopes: Bool) throws {
        if vendorOnly && !client.isVendor { throw BookingkitError.unauthorized }
        if enforcingScopes && !scopes.contains(where: client.holds) { throw OAuthFailure.insufficientScope(scopes) }
    }
}

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
