import Emulation

/// An order (spec §9.8): what a buyer paid for one or more tickets of one event. Its costs are
/// the sums of its attendees' (`FeeSchedule` worked them out when it was placed); the
/// organization is the event's, kept here so the organization's list reads one index.
struct Order: StoredRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var organizationID: Int64 = 0
    /// `placed`, `started`, `pending`, `abandoned` or `refunded` (a fully refunded order, [I]).
    var status = "placed"
    var name = ""
    var firstName = ""
    var lastName = ""
    var email = ""
    var buyerUserID: Int64?
    var created = EpochSeconds(0)
    var changed = EpochSeconds(0)
    var currency = "USD"
    /// Minor units: the price after any discount, and what Eventbrite and the payment processor took.
    var basePrice: Int64 = 0
    var eventbriteFee: Int64 = 0
    var paymentFee: Int64 = 0
    var tax: Int64 = 0
    var discountID: Int64?
    /// The code the buyer entered, shown as `promo_code` (only when one was used).
    var promoCode: String?
    var discountAmount: Int64?
    var discountType: String?
    /// When a `started` or `pending` order runs out of time (`time_remaining`, `ORDER_EXPIRED`).
    var expiresAt: EpochSeconds?
    /// The status of a refund request on the order (`pending`, `completed`, …), if there is one.
    var refundRequestStatus: String?

    static let table = RecordTable(
        "eventbrite_orders", of: Order.self, constraints: [.references("event_id", "eventbrite_events")],
        indexes: ["event_id, id, status, changed", "organization_id, id, status, changed", "buyer_user_id, id", "discount_id, status"])

    /// Orders that count as "pending or completed" for the event rules (§10.3); refunded and
    /// abandoned ones do not.
    static let blocksEventRemoval = "status IN ('placed', 'pending', 'started')"

    /// The `status` filter of order lists (§8.16): `active` orders attend, `inactive` ones were
    /// refunded; `all_not_deleted` is both of those, `both` every order whatever its state.
    static let statusFilters: [String: String] = [
        "active": "o.status = 'placed'",
        "inactive": "o.status = 'refunded'",
        "all_not_deleted": "o.status IN ('placed', 'refunded')",
        "both": "1",
    ]

    var gross: Int64 { basePrice + eventbriteFee + paymentFee + tax }
}

extension Order {
    static let eventExpansion = ExpansionReference("event", from: "event_id") { Event.presenter }
    static let attendeesExpansion = ExpansionReference("attendees", by: "order_id", orderBy: "a.id") { Attendee.presenter }

    static let presenter: Presenter = Presenter(
        type: "order",
        view: RecordView(table, [
            .derived("costs") { row, _, json in OrderCosts(row: row).write(to: &json) },
            .derived("resource_uri") { row, context, json in context.writeResourceURI("orders/", id: row.integer("id"), to: &json) },
            .id("id"),
            .column("changed", format: EventbriteFormats.utc),
            .column("created", format: EventbriteFormats.utc),
            .column("name"),
            .column("first_name"),
            .column("last_name"),
            .column("email"),
            .column("status"),
            .derived("time_remaining") { row, context, json in
                guard let expires = row.optionalInteger("expires_at"), ["started", "pending"].contains(row.string("status")) else {
                    return json.null()
                }
                json.int(max(0, expires - context.now))
            },
            .id("event_id"),
            .column("promo_code").when { row, _ in !row.isNull("promo_code") },
            .expansion(eventExpansion),
            .expansion(attendeesExpansion),
            // Merchandise and concierge services are not sold through the mock.
            .expansion("merchandise") { _, _, json in json.value(.array([])) },
            .expansion("concierge") { _, _, json in json.null() },
            .expansion("refund_requests") { row, _, json in writeRefundRequest(row, to: &json) },
            .expansion("survey") { row, context, json in
                try SurveyQuestion.writeSurvey(ofOrder: row.integer("id"), eventID: row.integer("event_id"), context, to: &json)
            },
            .expansion("survey_responses") { row, context, json in
                try Attendee.writeSurveyResponses(where: "order_id = ?", row.integer("id"), in: context.database, to: &json)
            },
            .expansion("answers") { row, context, json in
                try Attendee.writeAnswers(where: "order_id = ?", row.integer("id"), in: context.database, to: &json)
            },
            .expansion("ticket_buyer_settings") { row, context, json in
                try OrderTicketBuyerSettings.write(
                    orderID: row.integer("id"), eventID: row.integer("event_id"), status: row.string("status"), in: context.database,
                    to: &json)
            },
            .expansion("contact_list_preferences") { _, _, json in
                json.value(["_type": "order_contact_list_preferences", "has_contact_list": false, "has_opted_in": false])
            },
        ]),
        alias: "o", references: [eventExpansion, attendeesExpansion])

    /// The refund request of an order (§9.8), or `null` when none was made.
    private static func writeRefundRequest(_ row: ViewRow, to json: inout JSONBuilder) {
        guard let status = row.optionalString("refund_request_status") else { return json.null() }
        let processed = status == "completed"
        json.object { json in
            json.field("from_email", row.string("email"))
            json.field("from_name", row.string("name"))
            json.field("status", status)
            json.field("message", "")
            json.field("reason", "other")
            json.field("last_message", "")
            json.field("last_reason", "other")
            json.field("items", array: { json in
                json.object { json in
                    json.field("event_id", String(row.integer("event_id")))
                    json.field("order_id", String(row.integer("id")))
                    json.field("item_type", "order")
                    json.field("quantity_requested", 1)
                    if processed { json.field("quantity_processed", 1) }
                    json.field("refund_reason_code", "other")
                    json.field("status", processed ? "processed" : "pending")
                }
            })
        }
    }
}

/// An order's `costs` (§9.8): the default five amounts, the display amounts, the discount when
/// one applied, and empty component lists (the mock's fees have no components beyond the two).
struct OrderCosts {
    let currency: String
    let basePrice, eventbriteFee, paymentFee, tax: Int64
    let discountAmount: Int64?
    let discountType: String?

    init(row: ViewRow) {
        currency = row.string("currency")
        basePrice = row.integer("base_price")
        eventbriteFee = row.integer("eventbrite_fee")
        paymentFee = row.integer("payment_fee")
        tax = row.integer("tax")
        discountAmount = row.optionalInteger("discount_amount")
        discountType = row.optionalString("discount_type")
    }

    private func money(_ value: Int64) -> Money { Money(currency: currency, value: value) }

    func write(to json: inout JSONBuilder) {
        json.object { json in
            json.field("base_price", money(basePrice))
            json.field("display_price", money(basePrice))
            json.field("display_fee", money(eventbriteFee + paymentFee + tax))
            json.field("gross", money(basePrice + eventbriteFee + paymentFee + tax))
            json.field("eventbrite_fee", money(eventbriteFee))
            json.field("payment_fee", money(paymentFee))
            json.field("tax", money(tax))
            if tax != 0 {
                json.key("display_tax")
                json.object { json in
                    json.field("name", "Tax")
                    json.field("tax", money(tax))
                }
            }
            json.field("price_before_discount", money(basePrice + (discountAmount ?? 0)))
            if let discountAmount {
                json.field("discount_amount", money(discountAmount))
                json.field("discount_type", discountType)
            }
            json.field("fee_components", .array([]))
            json.field("tax_components", .array([]))
            json.field("shipping_components", .array([]))
            json.field("has_gts_tax", false)
            json.field("tax_name", .null)
        }
    }
}
