import Emulation

/// The filters order lists share (spec §8.16), read from the query in one place so every list
/// spells them the same way and reports bad values as `<parameter> - INVALID`.
struct OrderListQuery {
    var arguments: QueryArguments
    var conditions: SQLFilter
    let now: Int64

    /// Starts with `base` (over the alias `o`).
    init(_ request: EventbriteRequest, base: String, _ baseArguments: any SQLiteBindable...) {
        arguments = QueryArguments(request.query)
        conditions = SQLFilter("(\(base))", arguments: baseArguments)
        now = request.now
    }

    /// `status`: `active`, `inactive`, `both` or `all_not_deleted` (the default, A18).
    mutating func status() {
        let name = arguments.choice("status", of: Set(Order.statusFilters.keys)) ?? "all_not_deleted"
        conditions.add(Order.statusFilters[name]!)
    }

    /// Only the statuses a buyer's own list shows: placed and refunded orders.
    mutating func placedOrRefunded() { conditions.add(Order.statusFilters["all_not_deleted"]!) }

    /// `changed_since`: changed at or after the time.
    mutating func changedSince() {
        if let since = arguments.utc("changed_since") { conditions.add("o.changed >= ?", since) }
    }

    /// `last_item_seen`: only orders with a larger id.
    mutating func lastItemSeen() {
        if let id = arguments.id("last_item_seen") { conditions.add("o.id > ?", id) }
    }

    /// `only_emails` and `exclude_emails`, compared without regard to case.
    mutating func emails() {
        if let emails = arguments.list("only_emails") { conditions.add("lower(o.email)", in: emails.map { $0.lowercased() }) }
        if let emails = arguments.list("exclude_emails") { conditions.add("lower(o.email)", notIn: emails.map { $0.lowercased() }) }
    }

    /// `refund_request_statuses`: orders whose refund request has one of these statuses.
    mutating func refundRequestStatuses() {
        let allowed: Set<String> = ["completed", "pending", "outside_policy", "disputed", "denied"]
        if let statuses = arguments.choices("refund_request_statuses", of: allowed) {
            conditions.add("o.refund_request_status", in: statuses)
        }
    }

    /// `time_filter`: orders for events that ended (`past`) or have not (`current_future`).
    mutating func timeFilter() {
        switch arguments.choice("time_filter", of: ["all", "past", "current_future"]) {
        case "past": conditions.add("o.event_id IN (SELECT id FROM eventbrite_events WHERE end_utc < ?)", now)
        case "current_future": conditions.add("o.event_id IN (SELECT id FROM eventbrite_events WHERE end_utc >= ?)", now)
        default: break
        }
    }

    func respond(_ request: EventbriteRequest, page: PageRequest) throws -> HTTPResponse {
        try arguments.errors.check()
        return try PaginatedList.respond(request, key: "orders", Order.presenter, where: conditions, orderBy: "o.id", page: page)
    }
}
