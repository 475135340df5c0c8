import Emulation

/// An order (spec §6.8): the customer, its state, and what it holds — tickets with their
/// participants, product lines, voucher purchases and flex tickets, each in its own table. The
/// client that created it (`created_by_client`) decides what `orders_read_owned` clients see.
struct OrderRecord: StoredRecord {
    enum Status: String, ColumnCodable, CaseIterable {
        case accepted = "ACCEPTED", canceled = "CANCELED", pending = "PENDING", declined = "DECLINED", open = "OPEN",
            reserved = "RESERVED"

        /// Statuses whose tickets hold seats (§7.4).
        var holdsSeats: Bool { self != .canceled && self != .declined }
        /// CANCELED and DECLINED are final.
        var isFinal: Bool { !holdsSeats }
    }

    var id = ""
    var code = ""
    var externalReference = ""
    var vendorID = ""
    var date = DateTime(seconds: 0)
    var paymentDate: DateTime?
    var expireDate: DateTime?
    var status = Status.accepted
    var lang = "en"
    var currency = "EUR"
    var email = ""
    var name = ""
    var company = ""
    var vatNumber = ""
    var phone = ""
    var street = ""
    var streetnr = ""
    var zip = ""
    var city = ""
    var country = ""
    var internalNotes = ""
    var comment = ""
    var additionalInformation: JSONValue = []
    var bookingChannel: JSONValue = []
    var cancellationDate: DateTime?
    var totalInvoice = Amount.zero
    var additionalDiscount = Amount.zero
    var redeemedCoupons: JSONValue = []
    var redeemedVouchers: JSONValue = []
    var shippingCountry = ""
    var shippingCity = ""
    var shippingZip = ""
    var shippingStreet = ""
    var shippingStreetnr = ""
    var shippingName = ""
    var saleParams = ""
    var externalOrderURL = ""
    var affiliateID = ""
    var emailNewsletterOptIn = ""
    var createdByClient = ""
    var updatedAt = DateTime(seconds: 0)

    static let table = RecordTable(
        "bookingkit_orders", of: OrderRecord.self,
        constraints: [.references("vendor_id", "bookingkit_vendors")],
        indexes: [
            "vendor_id, status", "status", "updated_at", "code", "external_reference", "date",
            // Lazy expiry (§7.4): the orders of an expiring status whose time has come.
            "status, expire_date",
        ])
}
