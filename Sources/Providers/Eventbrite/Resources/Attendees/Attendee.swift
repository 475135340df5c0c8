import Emulation

/// An attendee (spec §9.13): one ticket of an order. The order's status is kept on the attendee
/// too (`order_status`), so that the lists, the sold counts of ticket classes, tiers and holds,
/// and the reports each read one index of this table.
struct Attendee: StoredRecord {
    /// An answer to a custom question (§9.13), with the question's text as it was asked.
    struct Answer: Codable, Sendable, Equatable {
        var questionID = ""
        var question = ""
        /// `text`, `url`, `email`, `date`, `number`, `address` or `dropdown`.
        var type = "text"
        /// The text written, or the choices picked (joined by ` | `).
        var answer = ""
        /// The choices picked, for a question answered from choices: what their
        /// `quantity_sold` counts (`QuestionChoices.sales`).
        var choiceIDs: [Int64]?
    }

    /// A postal address of the profile (the venue address's fields).
    struct PostalAddress: Codable, Sendable, Equatable {
        var address1: String?
        var address2: String?
        var city: String?
        var region: String?
        var postalCode: String?
        var country: String?

        enum CodingKeys: String, CodingKey {
            case address1 = "address_1", address2 = "address_2", city, region, postalCode = "postal_code", country
        }
    }

    /// `home`, `ship`, `work` and `bill`; unset ones are left out, as real payloads show `{}`.
    struct Addresses: Codable, Sendable, Equatable {
        var home: PostalAddress?
        var ship: PostalAddress?
        var work: PostalAddress?
        var bill: PostalAddress?
    }

    var id: Int64 = 0
    var eventID: Int64 = 0
    var organizationID: Int64 = 0
    var orderID: Int64 = 0
    var ticketClassID: Int64 = 0
    var ticketClassName = ""
    /// `T<ticket class>`, or `T<ticket class>-D<discount>` when bought with a discount.
    var variantID: String?
    /// `Attending`, `Checked In`, `Not Attending` or `Deleted`.
    var status = "Attending"
    var orderStatus = "placed"
    var checkedIn = false
    var cancelled = false
    var refunded = false
    var created = EpochSeconds(0)
    var changed = EpochSeconds(0)
    var name = ""
    var firstName = ""
    var lastName = ""
    var email = ""
    var prefix: String?
    var suffix: String?
    var age: Int64?
    var jobTitle: String?
    var company: String?
    var website: String?
    var blog: String?
    var gender: String?
    var birthDate: String?
    var cellPhone: String?
    var workPhone: String?
    var addresses = Addresses()
    var barcode = ""
    /// `unused`, `used` or `refunded`.
    var barcodeStatus = "unused"
    /// 0 not validated, 1 by scanner, 2 by name lookup.
    var checkinType: Int64 = 0
    var isPrinted = false
    var affiliate: String?
    var guestlistID: String?
    var invitedBy: String?
    var teamID: Int64?
    var teamJoined: EpochSeconds?
    var deliveryMethod = "electronic"
    var currency = "USD"
    var basePrice: Int64 = 0
    var eventbriteFee: Int64 = 0
    var paymentFee: Int64 = 0
    var tax: Int64 = 0
    var answers: [Answer] = []
    /// The hold (`I…`) the ticket was sold from, if any.
    var holdID: String?

    static let table = RecordTable(
        "eventbrite_attendees", of: Attendee.self,
        constraints: [.references("event_id", "eventbrite_events"), .references("order_id", "eventbrite_orders")],
        indexes: [
            "event_id, id, status, order_status, changed", "organization_id, id, status, changed", "order_id, id", "team_id, id",
            "event_id, ticket_class_id, order_status, status, hold_id",
            // The attendees of an event who answered questions, which choice counts read.
            "event_id, json_array_length(answers)",
        ])

    /// Tickets that count as sold (§10.2): placed orders, attendees neither refunded nor deleted.
    static let isSold = "order_status = 'placed' AND status IN ('Attending', 'Checked In')"
    /// Tickets being bought right now: their order is started or pending.
    static let isPending = "order_status IN ('started', 'pending')"

    /// The `status` filters of attendee lists (§8.15); with none, every attendee but deleted ones.
    static let statusFilters: [String: String] = [
        "attending": "a.status IN ('Attending', 'Checked In')",
        "not_attending": "a.status IN ('Not Attending', 'Deleted')",
        "unpaid": "a.order_status IN ('started', 'pending')",
    ]
    static let defaultStatusFilter = "a.status <> 'Deleted'"

    /// The barcode a ticket gets (§9.13): order id, attendee id and a three-digit sequence, as the
    /// seed's `1234093511009831492001` is order `123409351`, attendee `1009831492`, `001`.
    static func barcode(order: Int64, attendee: Int64) -> String { "\(order)\(attendee)001" }
}
