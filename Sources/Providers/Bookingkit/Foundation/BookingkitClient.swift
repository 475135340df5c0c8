import Emulation

/// The OAuth client a request's token was issued to (spec §2.4), as handlers see it: vendor
/// clients act for exactly one vendor, marketplace (reseller) clients for the vendors they are
/// connected to; `scopes` are the token's.
public struct BookingkitClient: Sendable {
    enum Kind: String, ColumnCodable {
        case vendor, marketplace
    }

    let clientID: String
    let kind: Kind
    let vendorIDs: [String]
    let scopes: Set<String>
    /// `booking_channel.name` of the orders it creates, and a ThirdParty payment's `name`.
    let displayName: String
    /// `booking_channel.id` of the orders it creates.
    let publicID: String
    /// The percentage events show as `commission`: 0 for vendor clients (§7.5).
    let commission: Int64

    var isVendor: Bool { kind == .vendor }

    func holds(_ scope: String) -> Bool { scopes.contains(scope) }

    func sees(vendor: String) -> Bool { vendorIDs.contains(vendor) }

    /// A condition on a vendor id column: the rows of the vendors this client sees.
    func vendorCondition(_ column: String) -> SQLFilter {
        var filter = SQLFilter()
        filter.add(column, in: vendorIDs)
        return filter
    }

    /// Marketplace clients holding only `orders_read_owned` see the orders they created (§2.4).
    var seesOnlyOwnOrders: Bool { !isVendor && !holds("orders_read_all") }
}
