import Emulation

/// A registration as stored (spec §12.11); `paid`, `quantities`, receipts and totals are derived.
struct RegistrationRecord {
    let id: Int64
    let eventID: Int64
    let slug: String
    let reference: String
    let name: String?
    let email: String?
    let phoneNumber: String?
    let companyName: String?
    let state: String
    let registrationType: String
    let testMode: Bool
    let total: Int64
    let receiptPaid: Bool
    let refunded: Bool
    let source: String?
    let discountCode: String?
    let paymentReference: String?
    let paymentProvider: String?
    let metadata: String?
    let billingAddress: String?
    let ipAddress: String?
    let locale: String
    let consentedAt: Int64?
    let receiptID: Int64
    let receiptNumber: String
    let lineItems: [LineItem]
    let createdAt: Int64
    let updatedAt: Int64
    let completedAt: Int64?
    let expiresAt: Int64

    /// One line of the order, as stored in the `line_items` column.
    struct LineItem {
        let id: Int64
        let releaseID: Int64
        let quantity: Int64
        /// Unit price after discount, in hundredths.
        let price: Int64

        init(id: Int64, releaseID: Int64, quantity: Int64, price: Int64) {
            self.id = id
            self.releaseID = releaseID
            self.quantity = quantity
            self.price = price
        }

        init?(_ value: JSONValue) {
            guard let id = value["id"]?.intValue, let releaseID = value["release_id"]?.intValue else { return nil }
            self.id = id
            self.releaseID = releaseID
            quantity = value["quantity"]?.intValue ?? 1
            price = value["price"].flatMap(TitoFormats.cents) ?? 0
        }

        var json: JSONValue {
            ["id": .int(id), "release_id": .int(releaseID), "quantity": .int(quantity), "price": .string(TitoFormats.money(cents: price))]
        }
    }

    init(row: Row) {
        id = Int64(row.int("id") ?? 0)
        eventID = Int64(row.int("event_id") ?? 0)
        slug = row.string("slug") ?? ""
        reference = row.string("reference") ?? ""
        name = row.string("name")
        email = row.string("email")
        phoneNumber = row.string("phone_number")
        companyName = row.string("company_name")
        state = row.string("state") ?? "complete"
        registrationType = row.string("registration_type") ?? "manual"
        testMode = row.bool("test_mode") ?? false
        total = Int64(row.int("total") ?? 0)
        receiptPaid = row.bool("receipt_paid") ?? false
        refunded = row.bool("refunded") ?? false
        source = row.string("source")
        discountCode = row.string("discount_code")
        paymentReference = row.string("payment_reference")
        paymentProvider = row.string("payment_provider")
        metadata = row.string("metadata")
        billingAddress = row.string("billing_address")
        ipAddress = row.string("ip_address")
        locale = row.string("locale") ?? "en"
        consentedAt = row.int("consented_at").map(Int64.init)
        receiptID = Int64(row.int("receipt_id") ?? 0)
        receiptNumber = row.string("receipt_number") ?? ""
        lineItems = JSONColumn.value(row.string("line_items")).arrayValue?.compactMap(LineItem.init) ?? []
        createdAt = Int64(row.int("created_at") ?? 0)
        updatedAt = Int64(row.int("updated_at") ?? 0)
        completedAt = row.int("completed_at").map(Int64.init)
        expiresAt = Int64(row.int("expires_at") ?? 0)
    }

    /// The registration of the scope's event by slug or id, if the token's mode sees it.
    static func find(_ slugOrID: String, scope: EventScope, in database: Database) throws -> RegistrationRecord? {
        guard let row = try SlugOrID.row(
            slugOrID, select: "SELECT * FROM tito_registrations", parent: "event_id", scope.event.id, in: database)
        else { return nil }
        let registration = RegistrationRecord(row: row)
        return scope.isVisible(testMode: registration.testMode) ? registration : nil
    }

    static func find(id: Int64, in database: Database) throws -> RegistrationRecord? {
        try database.queryOne("SELECT * FROM tito_registrations WHERE id = ?", id).map(RegistrationRecord.init(row:))
    }

    static func all(ids: [Int64], in database: Database) throws -> [Int64: RegistrationRecord] {
        guard !ids.isEmpty else { return [:] }
        var filter = SQLFilter()
        filter.add("id", in: Array(Set(ids)))
        var registrations: [Int64: RegistrationRecord] = [:]
        for row in try database.query("SELECT * FROM tito_registrations WHERE \(filter.clause)", arguments: filter.arguments) {
            let registration = RegistrationRecord(row: row)
            registrations[registration.id] = registration
        }
        return registrations
    }

    var paid: Bool { total > 0 }
}
