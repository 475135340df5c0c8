import Emulation

/// What an order body may say about a participant (spec §5.5 ParticipantCreate, and the update
/// fields of E36). Read-only members (`vat`, `entry_units`, `cancellation_date`…) are ignored.
struct ParticipantInput {
    var id: String?
    var status: ParticipantRecord.Status?
    var name: String?
    var email: String?
    var phone: String?
    var comment: String?
    /// The `price_id` when it is an integer; a string such as `"e1f2g3h4i5j6k7l8m9n0"` is "unknown" (§5.5).
    var priceID: Int64?
    var sentPriceID = false
    var priceValue: Amount?
    var priceTitle: String?
    var code: String?
    var checkedIn: DateTime?

    /// A participant the server books itself (a redemption), with nothing from a body.
    static let empty = ParticipantInput()

    private init() {}

    init(_ fields: BodyFields) throws {
        id = try fields.string("id").flatMap { $0.isEmpty ? nil : $0 }
        status = try fields.oneOf("status", ["ACCEPTED", "CANCELED"]).flatMap(ParticipantRecord.Status.init(rawValue:))
        name = try fields.string("name")
        email = try fields.string("email")
        phone = try fields.string("phone")
        comment = try fields.string("comment")
        if let value = fields.object["price_id"], value != .null {
            sentPriceID = true
            switch value {
            case .int(let number): priceID = number
            case .string(let text): priceID = Int64(text)
            case .double: priceID = value.intValue
            default: throw fields.wrongType("price_id", "integer")
            }
        }
        priceValue = try fields.amount("price_value")
        priceTitle = try fields.string("price_title")
        code = try fields.string("code").flatMap { $0.isEmpty ? nil : $0 }
        checkedIn = try fields.dateTime("checked_in")
    }
}

/// What an order body may say about a ticket (spec §5.5 TicketCreate, and E36's ticket edits).
struct TicketInput {
    var id: String?
    /// `date_id`, or the deprecated `event_date_id` when `date_id` is absent.
    var dateID: String?
    var status: TicketRecord.Status?
    var comment: String?
    var participants: [ParticipantInput]?
    let fields: BodyFields

    static let statuses = ["ACCEPTED", "CANCELED", "PENDING", "OPEN", "RESERVED"]

    init(_ fields: BodyFields) throws {
        self.fields = fields
        id = try fields.string("id").flatMap { $0.isEmpty ? nil : $0 }
        let dateID = try fields.string("date_id").flatMap { $0.isEmpty ? nil : $0 }
        let eventDateID = try fields.string("event_date_id").flatMap { $0.isEmpty ? nil : $0 }
        self.dateID = dateID ?? eventDateID
        status = try fields.oneOf("status", Self.statuses).flatMap(TicketRecord.Status.init(rawValue:))
        comment = try fields.string("comment")
        participants = try fields.objects("participants")?.map(ParticipantInput.init)
    }
}

/// A product line of an order body.
struct ProductLineInput {
    let productID: String
    let amount: Int64?
    let status: String?
    let title: String?
    let price: Amount?

    init(_ fields: BodyFields, requireAmount: Bool) throws {
        productID = try fields.requiredString("product_id")
        amount = requireAmount ? try fields.requiredInteger("amount", minimum: 1) : try fields.integer("amount", minimum: 1)
        status = try fields.oneOf("status", ["ACCEPTED", "CANCELED"])
        title = try fields.string("title")
        price = try fields.amount("price")
    }
}

/// A voucher purchase of an order body: `{status?, voucher: {value, currency, code?}}`, the
/// voucher as an object or a one-element array (§9.4).
struct VoucherOrderInput {
    let id: String?
    let status: String?
    let value: Amount?
    let currency: String?
    let code: String?

    init(_ fields: BodyFields, requireVoucher: Bool) throws {
        id = try fields.string("id").flatMap { $0.isEmpty ? nil : $0 }
        status = try fields.oneOf("status", ["ACCEPTED", "CANCELED"])
        if let voucher = try fields.nestedObject("voucher", unwrapsSingle: true) {
            value = try voucher.requiredAmount("value")
            currency = try voucher.code("currency", length: 3)
            code = try voucher.string("code").flatMap { $0.isEmpty ? nil : $0 }
        } else if requireVoucher {
            throw fields.required("voucher")
        } else {
            (value, currency, code) = (nil, nil, nil)
        }
    }
}

/// A flex ticket purchase of an order body: `{flexOffer: {id, price_category_id}, status?}`.
struct FlexTicketInput {
    let offerID: String
    let priceCategoryID: Int64
    let status: String?

    init(_ fields: BodyFields) throws {
        guard let offer = try fields.nestedObject("flexOffer", unwrapsSingle: true) else { throw fields.required("flexOffer") }
        offerID = try offer.requiredString("id")
        priceCategoryID = try offer.requiredInteger("price_category_id", lenient: true)
        status = try fields.oneOf("status", ["ACCEPTED", "CANCELED"])
    }
}

/// The customer and order fields common to create and update (spec §5.5), applied to a record.
enum OrderFields {
    static var plainStrings: [(key: String, path: WritableKeyPath<OrderRecord, String>)] { [
        ("external_reference", \.externalReference), ("company", \.company), ("vat_number", \.vatNumber), ("phone", \.phone),
        ("street", \.street), ("streetnr", \.streetnr), ("zip", \.zip), ("city", \.city), ("country", \.country),
        ("internal_notes", \.internalNotes), ("comment", \.comment), ("shipping_country", \.shippingCountry),
        ("shipping_city", \.shippingCity), ("shipping_zip", \.shippingZip), ("shipping_street", \.shippingStreet),
        ("shipping_streetnr", \.shippingStreetnr), ("shipping_name", \.shippingName), ("sale_params", \.saleParams),
        ("external_order_url", \.externalOrderURL), ("affiliate_id", \.affiliateID),
    ] }

    /// Sets every optional customer field the body sends.
    static func apply(_ fields: BodyFields, to order: inout OrderRecord) throws {
        for (key, path) in plainStrings {
            if let text = try fields.string(key) { order[keyPath: path] = text }
        }
        if let lang = try fields.code("lang", length: 2) { order.lang = lang }
        if let email = try fields.email("email") { order.email = email }
        if let name = try fields.minimumLength("name", 2) { order.name = name }
        if let discount = try fields.amount("additional_discount") {
            guard discount.hundredths >= 0 else {
                throw BookingkitError.invalidProperty("The property \"additional_discount\" must be greater than or equal to 0")
            }
            order.additionalDiscount = discount
        }
        if let optIn = try fields.oneOf("email_newsletter_opt_in", ["1", ""]) { order.emailNewsletterOptIn = optIn }
        if let cancellation = try fields.dateTime("cancellation_date") { order.cancellationDate = cancellation }
    }
}
