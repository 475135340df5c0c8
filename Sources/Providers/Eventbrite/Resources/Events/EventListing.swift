import Emulation

/// The `status` filter of event lists (spec §8.6): stored states, and `live`, `started` and
/// `ended` told apart by the clock as `Event.displayedStatus` does.
enum EventStatusFilter {
    static let names: Set<String> = ["draft", "live", "started", "ended", "completed", "canceled", "all"]

    /// The condition for a list of statuses over the alias `e`; nil for `all`.
    static func condition(_ statuses: [String], now: Int64) -> [SQLFilter]? {
        guard !statuses.contains("all") else { return nil }
        return Set(statuses).sorted().map { status in
            switch status {
            case "live": return SQLFilter("e.status = 'live' AND e.start_utc > ?", now)
            case "started": return SQLFilter("e.status = 'live' AND e.start_utc <= ? AND e.end_utc > ?", now, now)
            case "ended": return SQLFilter("e.status = 'live' AND e.end_utc <= ?", now)
            default: return SQLFilter("e.status = ?", status)
            }
        }
    }
}

/// The filters and orders event lists share, read from the query in one place so that every list
/// spells them the same way and reports bad values as `<parameter> - INVALID`.
struct EventListQuery {
    static let orders: [String: String] = [
        "start_asc": "e.start_utc, e.id", "start_desc": "e.start_utc DESC, e.id DESC",
        "created_asc": "e.created, e.id", "created_desc": "e.created DESC, e.id DESC",
        "name_asc": "e.name_text COLLATE NOCASE, e.id", "name_desc": "e.name_text COLLATE NOCASE DESC, e.id DESC",
    ]

    var arguments: QueryArguments
    var conditions: SQLFilter
    var order = orders["start_asc"]!
    let now: Int64

    /// Starts with the events that exist (deleted ones never list) and `base`.
    init(_ request: EventbriteRequest, base: String, _ baseArguments: any SQLiteBindable...) {
        arguments = QueryArguments(request.query)
        conditions = SQLFilter("NOT e.is_deleted")
        conditions.add("(\(base))", arguments: baseArguments)
        now = request.now
    }

    /// `status`: the listed statuses, or `defaults` when the query names none.
    mutating func status(defaults: [String]) {
        let statuses = arguments.choices("status", of: EventStatusFilter.names) ?? defaults
        if let alternatives = EventStatusFilter.condition(statuses, now: now) { conditions.add(anyOf: alternatives) }
    }

    /// `order_by` among `allowed` (default `start_asc`).
    mutating func orderBy(_ allowed: Set<String>) {
        if let name = arguments.choice("order_by", of: allowed) { order = Self.orders[name]! }
    }

    /// `time_filter`: `all`, `past` (ended before now) or `current_future`.
    mutating func timeFilter() {
        switch arguments.choice("time_filter", of: ["all", "past", "current_future"]) {
        case "past": conditions.add("e.end_utc < ?", now)
        case "current_future": conditions.add("e.end_utc >= ?", now)
        default: break
        }
    }

    /// `start_date.range_start` / `start_date.range_end`, local datetimes of the start.
    mutating func startDateRange() {
        if let start = arguments.localDateTime("start_date.range_start") { conditions.add("e.start_local >= ?", start) }
        if let end = arguments.localDateTime("start_date.range_end") { conditions.add("e.start_local <= ?", end) }
    }

    /// Only what anyone may see (`only_public`, and every list a non-member reads).
    mutating func onlyPublic() { conditions.add(Event.publicCondition) }

    /// Throws the collected argument errors, if any.
    func check() throws(EventbriteError) { try arguments.errors.check() }

    func respond(_ request: EventbriteRequest, page: PageRequest) throws -> HTTPResponse {
        try check()
        return try PaginatedList.respond(
            request, key: "events", Event.presenter, where: conditions, orderBy: order, page: page)
    }
}

extension EventListQuery {
    /// `GET /organizations/{id}/events/`'s own filters (spec §8.6).
    mutating func organizationFilters(defaultStatus: [String]) {
        status(defaults: defaultStatus)
        orderBy(Set(Self.orders.keys))
        timeFilter()
        if let name = arguments.string("name_filter") { conditions.add(containing: name, inAnyOf: ["e.name_text"]) }
        if let currency = arguments.string("currency_filter") { conditions.add("e.currency = ?", currency.uppercased()) }
        seriesFilter()
        if let venues = arguments.ids("venue_filter") { conditions.add("e.venue_id", in: venues) }
        if let organizers = arguments.ids("organizer_filter") { conditions.add("e.organizer_id", in: organizers) }
        if let types = arguments.choices("inventory_type_filter", of: ["limited", "reserved", "externally_ticketed"]) {
            conditions.add("e.inventory_type", in: types)
        }
        if let ids = arguments.ids("event_ids") { conditions.add("e.id", in: ids) }
        if let ids = arguments.ids("event_ids_to_exclude") { conditions.add("e.id", notIn: ids) }
        // Event groups and collections are not modelled: naming one matches nothing, excluding
        // some excludes nothing.
        if arguments.string("event_group_id") != nil || arguments.string("collection_id") != nil { conditions.add("0") }
        _ = arguments.ids("collection_ids_to_exclude")
    }

    /// `series_filter` (wins) or `show_series_parent`: by default non-series events and series
    /// occurrences, not their parents.
    private mutating func seriesFilter() {
        let showParents = arguments.bool("show_series_parent") ?? false
        let kinds: [String: String] = [
            "allevents": "1", "children": "e.is_series AND NOT e.is_series_parent", "parents": "e.is_series_parent",
            "nonseries": "NOT e.is_series", "allseries": "e.is_series",
        ]
        if let filters = arguments.choices("series_filter", of: Set(kinds.keys)) {
            conditions.add(anyOf: filters.map { SQLFilter(kinds[$0]!) })
        } else {
            conditions.add(showParents ? "NOT (e.is_series AND NOT e.is_series_parent)" : "NOT e.is_series_parent")
        }
    }
}
