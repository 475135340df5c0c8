import Emulation

/// A registration (an order) as stored (spec §12.11); its line items are `LineItem`s, its
/// refunds `Refund`s. `paid`, `quantities`, the receipt and the totals are derived.
struct Registration: ModeScopedRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var slug = ""
    var reference = ""
    var name: String?
    var email: String?
    var phoneNumber: String?
    var companyName: String?
    var state = "complete"
    var registrationType = "manual"
    var testMode = false
    var total: Int64 = 0
    var receiptPaid = true
    var refunded = false
    var source: String?
    var discountCode: String?
    var paymentReference: String?
    var paymentProvider: String?
    var metadata: JSONValue?
    var billingAddress: JSONValue?
    var ipAddress: String?
    var locale = "en"
    var consentedAt: Int64?
    var receiptID: Int64 = 0
    var receiptNumber = ""
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0
    var completedAt: Int64?
    var expiresAt: Int64 = 0
    /// Its line items' quantities summed per release, in line-item order, as pairs of release
    /// id and quantity (`[release, quantity, release, quantity…]`): `quantities` and
    /// `tickets_count` without reading the line items. Line items are written once, with their
    /// registration, which sums them then (`count(_:)`).
    var releaseQuantities: [Int64] = []

    static let table = RecordTable(
        "tito_registrations", of: Registration.self, constraints: [.references("event_id", "tito_events"), .unique(["slug"])],
        indexes: ["event_id, test_mode, created_at, id", "event_id, created_at, id", "event_id, reference"])

    /// Per event and mode, how many registrations there are and how many are cancelled: the
    /// list's totals without a scan of the event's registrations.
    static let counts = RowCounts(
        "tito_registrations", suffix: "counts", groupedBy: ["event_id", "test_mode"],
        counts: [.init("registrations") { _ in "1" }, .init("cancelled") { "\($0).state = 'cancelled'" }])

    /// A seed that leaves them out was completed when it was created and held its tickets for
    /// the usual 15 minutes.
    mutating func completeSeed() {
        if updatedAt == 0 { updatedAt = createdAt }
        if completedAt == nil { completedAt = createdAt }
        if expiresAt == 0 { expiresAt = createdAt + 15 * 60 * 1000 }
    }

    /// Sums the quantities of `lines`, its line items, per release in their order.
    mutating func count(_ lines: [LineItem]) {
        var sums: [(release: Int64, quantity: Int64)] = []
        for line in lines {
            if let index = sums.firstIndex(where: { $0.release == line.releaseID }) {
                sums[index].quantity += line.quantity
            } else {
                sums.append((line.releaseID, line.quantity))
            }
        }
        releaseQuantities = sums.flatMap { [$0.release, $0.quantity] }
    }

    static let pathParameter = "registration_slug"
    static let resource = "registrations"
}

/// One line of an order: a quantity of a release at a unit price after discount.
struct LineItem: TitoRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var registrationID: Int64 = 0
    var releaseID: Int64 = 0
    var quantity: Int64 = 1
    /// Unit price in hundredths.
    var price: Int64 = 0

    static let table = RecordTable(
        "tito_line_items", of: LineItem.self,
        constraints: [.references("event_id", "tito_events"), .references("registration_id", "tito_registrations")],
        indexes: ["registration_id, id"])
}

/// A refund of a registration (spec §12.12).
struct Refund: TitoRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var registrationID: Int64 = 0
    var amount: Int64 = 0
    var manual: Bool?
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    static let table = RecordTable(
        "tito_refunds", of: Refund.self,
        constraints: [.references("event_id", "tito_events"), .references("registration_id", "tito_registrations")],
        indexes: ["event_id, created_at, id", "registration_id, id"])

    mutating func completeSeed() {
        if updatedAt == 0 { updatedAt = createdAt }
    }
}
