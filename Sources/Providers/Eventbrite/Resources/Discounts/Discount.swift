import Emulation

/// A discount (spec §9.12) of an organization: for one event (all its tickets, or
/// `ticket_class_ids`), for a ticket group's tickets, or for every event of the organization.
/// `quantity_sold` is counted from the placed orders that used it (§10.2). Deleted discounts stay
/// in the table, flagged, and read as absent.
struct Discount: StoredRecord {
    var id: Int64 = 0
    var organizationID: Int64 = 0
    /// `access`, `coded`, `public` or `hold`.
    var type = "coded"
    var code = ""
    /// Two-decimal strings (`"10.00"`), as the API writes them.
    var amountOff: String?
    var percentOff: String?
    var eventID: Int64?
    var ticketClassIDs: [String] = []
    /// 0 means unlimited.
    var quantityAvailable: Int64 = 0
    /// Naive local datetimes in the event's timezone (`2018-01-01T10:00:00`).
    var startDate: String?
    var startDateRelative: Int64?
    var endDate: String?
    var endDateRelative: Int64?
    var ticketGroupID: Int64?
    var holdIDs: [String]?
    var isDeleted = false

    static let table = RecordTable(
        "eventbrite_discounts", of: Discount.self, constraints: [.references("organization_id", "eventbrite_organizations")],
        indexes: ["organization_id, code COLLATE NOCASE, id", "event_id, code COLLATE NOCASE, id"])

    static let types: Set<String> = ["access", "coded", "public", "hold"]

    /// `quantity_sold`, over the alias `d`.
    static let quantitySoldSQL =
        "(SELECT COUNT(*) FROM eventbrite_orders o WHERE o.discount_id = d.id AND o.status = 'placed') AS quantity_sold"

    static let eventExpansion = ExpansionReference("event", from: "event_id") { Event.presenter }
    static let ticketGroupExpansion = ExpansionReference("ticket_group", from: "ticket_group_id") { TicketGroup.presenter }

    static let presenter: Presenter = Presenter(
        type: "discount",
        view: RecordView(table, [
            .id("id"),
            .column("type"),
            .column("code"),
            .column("amount_off"),
            .column("percent_off"),
            .id("event_id"),
            .column("ticket_class_ids"),
            .column("quantity_available"),
            .derived("quantity_sold") { row, _, json in json.int(row.integer("quantity_sold")) },
            .column("start_date"),
            .column("start_date_relative"),
            .column("end_date"),
            .column("end_date_relative"),
            .id("ticket_group_id"),
            .column("hold_ids"),
            .expansion(eventExpansion),
            .expansion(ticketGroupExpansion),
        ]),
        alias: "d",
        extraColumns: [quantitySoldSQL], references: [eventExpansion, ticketGroupExpansion])

    // MARK: Applying a discount

    /// The price after the discount (minor units), never below zero.
    func discounted(_ price: Int64) -> Int64 {
        if let percent = percentOff.map(DecimalAmount.hundredths) {
            return max(0, price - (price * percent + 5_000) / 10_000)
        }
        if let amount = amountOff.map(DecimalAmount.hundredths) { return max(0, price - amount) }
        return price
    }

    /// Whether the discount takes money off (an access code may only unlock tickets).
    var reducesPrice: Bool { amountOff != nil || percentOff != nil }

    /// Whether it covers a ticket class of `eventID` (`groupClasses`: the classes its ticket
    /// group holds on that event).
    func covers(ticketClass id: Int64, eventID: Int64, groupClasses: Set<Int64>) -> Bool {
        if ticketGroupID != nil { return groupClasses.contains(id) }
        guard let own = self.eventID else { return true }
        return own == eventID && (ticketClassIDs.isEmpty || ticketClassIDs.contains(String(id)))
    }

    /// The discount a buyer's code names for `event` (one of the event's own before an
    /// organization-wide one), when it can be used now; nil otherwise.
    static func usable(code: String, for event: Event, now: Int64, in database: Database) throws -> Discount? {
        guard let found = try database.fetchOne(
                Discount.self,
                where: """
                    organization_id = ? AND NOT is_deleted AND code = ? COLLATE NOCASE
                    AND (event_id = ? OR event_id IS NULL) ORDER BY event_id IS NULL
                    """, event.organizationID, code, event.id),
            found.isUsable(now: now, event: event, sold: Int64(try DiscountChanges.quantitySold(found.id, database)))
        else { return nil }
        return found
    }

    /// The classes of `event` in its ticket group (none without a group), for `covers`: read once
    /// for all the ticket classes a caller checks.
    func groupClasses(of event: Event, in database: Database) throws -> Set<Int64> {
        guard let group = ticketGroupID else { return [] }
        return Set(try database.query(
            "SELECT ticket_class_id FROM eventbrite_ticket_group_classes WHERE ticket_group_id = ? AND event_id = ?", group, event.id
        ).compactMap { $0.int("ticket_class_id").map(Int64.init) })
    }

    /// Whether it can be used now (its dates, in `event`'s timezone, and its quantity).
    func isUsable(now: Int64, event: Event, sold: Int64) -> Bool {
        let local = EventbriteFormats.localText(now, timezone: event.startTimezone)
        if let start = startDate, local < start { return false }
        if let end = endDate, local > end { return false }
        if let relative = startDateRelative, now < event.startUTC.value - relative { return false }
        if let relative = endDateRelative, now > event.startUTC.value - relative { return false }
        return quantityAvailable == 0 || sold < quantityAvailable
    }
}

/// Decimal amounts with two decimals, as discounts write them (`"10.00"`, `"20.00"`).
enum DecimalAmount {
    /// Hundredths of a decimal string (`"10.5"` → 1050); nil when it is not a number with at
    /// most two decimals.
    static func parse(_ text: String) -> Int64? {
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 9,
            whole.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            fraction = Int64(digits)! * (digits.count == 1 ? 10 : 1)
        }
        return Int64(whole)! * 100 + fraction
    }

    static func hundredths(_ text: String) -> Int64 { parse(text) ?? 0 }

    /// `1050` → `"10.50"`.
    static func text(_ hundredths: Int64) -> String {
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
