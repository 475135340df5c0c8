import Emulation
import Foundation

/// The query both reports read (spec §8.21): which events, which of their sales, in which
/// timezone, bucketed by which `date_facet` and split by which `group_by`. Problems are argument
/// errors (`event_ids - MISSING`), `INVALID_PARAMETER` for a `filter_by` that is not JSON, and
/// `CURRENCY_MISMATCH` for events in several currencies that nothing separates.
struct ReportQuery {
    static let facets: Set<String> = ["fifteen", "hour", "day", "event_day", "week", "month", "year", "none"]
    static let groups: Set<String> = [
        "payment_method", "payment_method_application", "ticket", "ticket_application", "currency", "event_currency",
        "reserved_section", "event", "event_ticket", "event_application", "country", "city", "state", "source", "zone",
        "location", "access_level", "device_name", "sales_channel_lvl_1", "sales_channel_lvl_2", "sales_channel_lvl_3",
        "delivery_method",
    ]

    let events: [Event]
    let timezone: String
    let facet: String
    let groupBy: String?
    /// `filter_by`'s `ticket_ids` and `currencies`.
    let ticketIDs: Set<Int64>?
    let currencies: Set<String>?
    /// Local dates (`2024-02-01`) the sales must fall between, in the report's timezone.
    let startDate: String?
    let endDate: String?
    /// The earliest sale `period` lets in.
    let periodStart: Int64?

    init(_ request: EventbriteRequest, in database: Database) throws {
        var arguments = QueryArguments(request.query)
        let ids = arguments.ids("event_ids")
        if !arguments.has("event_ids") { arguments.errors.missing("event_ids") }
        let status = arguments.choice("event_status", of: ["all", "live", "ended"]) ?? "all"
        let startDate = Self.date(&arguments, "start_date")
        let endDate = Self.date(&arguments, "end_date")
        groupBy = arguments.choice("group_by", of: Self.groups)
        facet = arguments.choice("date_facet", of: Self.facets) ?? "day"
        var period: Int64?
        if let text = arguments.string("period") {
            if let value = Int64(text), value >= 1, value <= 100_000 { period = value } else { arguments.errors.invalid("period") }
        }
        let zone = arguments.string("timezone")
        if let zone, !TimeZones.isKnown(zone) { arguments.errors.invalid("timezone") }
        try arguments.errors.check()

        var ticketIDs: Set<Int64>?
        var currencies: Set<String>?
        if let text = arguments.string("filter_by") {
            guard let filter = (try? JSONParser.parse(text))?.objectValue else {
                throw EventbriteError.rule("INVALID_PARAMETER", "filter_by must be a JSON object.")
            }
            if let values = filter["ticket_ids"] {
                guard let list = values.arrayValue, list.allSatisfy({ EventbriteID.parse($0) != nil }) else {
                    throw EventbriteError.rule("INVALID_PARAMETER", "filter_by.ticket_ids must be a list of ticket ids.")
                }
                ticketIDs = Set(list.compactMap(EventbriteID.parse))
            }
            if let values = filter["currencies"] {
                guard let list = values.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
                    throw EventbriteError.rule("INVALID_PARAMETER", "filter_by.currencies must be a list of currency codes.")
                }
                currencies = Set(list.compactMap { $0.stringValue?.uppercased() })
            }
        }
        self.ticketIDs = ticketIDs
        self.currencies = currencies

        // Unknown events are argument errors; another organization's are not the caller's to see.
        var events: [Event] = []
        for id in ids ?? [] {
            guard let event = try Event.find(id, in: database) else { throw ArgumentErrors.single("event_ids", ArgumentErrors.Code.invalid) }
            try request.caller.requireMember(of: event.organizationID)
            let shown = Event.displayed(event, now: request.now)
            if status == "live" && !["live", "started"].contains(shown) { continue }
            if status == "ended" && !["ended", "completed"].contains(shown) { continue }
            if !events.contains(where: { $0.id == event.id }) { events.append(event) }
        }
        self.events = events
        if Set(events.map(\.currency)).count > 1 && currencies == nil && groupBy != "currency" && groupBy != "event_currency" {
            throw EventbriteError.rule("CURRENCY_MISMATCH", "The events have different currencies; group or filter by currency.")
        }
        let timezone = zone ?? events.first?.startTimezone ?? "America/Los_Angeles"
        let buckets = ReportBuckets(timezone: timezone, facet: facet)
        self.timezone = timezone
        self.startDate = startDate
        self.endDate = endDate
        periodStart = period.map { buckets.periodStart(now: request.now, units: $0) }
    }

    /// A date (`2024-02-01`) or the date of a datetime.
    private static func date(_ arguments: inout QueryArguments, _ name: String) -> String? {
        guard let text = arguments.string(name) else { return nil }
        let day = String(text.prefix(10))
        guard Timestamp.parse(day + "T00:00:00Z") != nil else {
            arguments.errors.invalid(name)
            return nil
        }
        return day
    }

    /// One sold ticket as the reports count it.
    struct Sale {
        let orderID: Int64
        let eventID: Int64
        let created: Int64
        let currency: String
        let base, fees, tax: Int64
        let ticketName: String
        let deliveryMethod: String
    }

    /// Every sold ticket of the events the query lets in, oldest first.
    func sales(in database: Database) throws -> [Sale] {
        guard !events.isEmpty else { return [] }
        var filter = SQLFilter(Attendee.isSold)
        filter.add("a.event_id", in: events.map(\.id))
        if let ticketIDs { filter.add("a.ticket_class_id", in: Array(ticketIDs)) }
        if let currencies { filter.add("a.currency", in: Array(currencies)) }
        if let periodStart { filter.add("a.created >= ?", periodStart) }
        var sales: [Sale] = []
        try database.forEachRow(
            """
            SELECT a.order_id, a.event_id, a.created, a.currency, a.base_price, a.eventbrite_fee + a.payment_fee, a.tax,
                   a.ticket_class_name, a.delivery_method
            FROM eventbrite_attendees a WHERE \(filter.clause) ORDER BY a.created, a.id
            """, arguments: filter.arguments
        ) { row in
            let created = row.int64(at: 2)
            if startDate != nil || endDate != nil {
                let day = String(EventbriteFormats.localText(created, timezone: timezone).prefix(10))
                if let startDate, day < startDate { return }
                if let endDate, day > endDate { return }
            }
            sales.append(Sale(
                orderID: row.int64(at: 0), eventID: row.int64(at: 1), created: created, currency: row.string(at: 3),
                base: row.int64(at: 4), fees: row.int64(at: 5), tax: row.int64(at: 6), ticketName: row.string(at: 7),
                deliveryMethod: row.string(at: 8)))
        }
        return sales
    }
}

extension Event {
    /// The status an event shows (§10.3) for a record rather than a row.
    static func displayed(_ event: Event, now: Int64) -> String {
        guard event.status == .live else { return event.status.rawValue }
        if now >= event.endUTC.value { return "ended" }
        if now >= event.startUTC.value { return "started" }
        return "live"
    }
}
