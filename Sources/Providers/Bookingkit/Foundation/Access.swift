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
