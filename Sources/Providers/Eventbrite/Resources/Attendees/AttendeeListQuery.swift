import Emulation

/// The filters attendee lists share (spec §8.15), read from the query in one place.
struct AttendeeListQuery {
    var arguments: QueryArguments
    var conditions: SQLFilter

    /// Starts with `base` (over the alias `a`).
    init(_ request: EventbriteRequest, base: String, _ baseArguments: any SQLiteBindable...) {
        arguments = QueryArguments(request.query)
        conditions = SQLFilter("(\(base))", arguments: baseArguments)
    }

    /// `status` among `allowed`; without one, every attendee but deleted ones (A18).
    mutating func status(_ allowed: Set<String> = Set(Attendee.statusFilters.keys)) {
        if let name = arguments.choice("status", of: allowed) {
            conditions.add(Attendee.statusFilters[name]!)
        } else {
            conditions.add(Attendee.defaultStatusFilter)
        }
    }

    /// `changed_since`, and with it `last_item_seen` (only larger ids), as §8.15 pairs them.
    mutating func changedSince(withLastItemSeen: Bool = false) {
        guard let since = arguments.utc("changed_since") else { return }
        conditions.add("a.changed >= ?", since)
        if withLastItemSeen, let id = arguments.id("last_item_seen") { conditions.add("a.id > ?", id) }
    }

    /// `attendee_ids`: only these attendees.
    mutating func attendeeIDs() {
        if let ids = arguments.ids("attendee_ids") { conditions.add("a.id", in: ids) }
    }

    func respond(_ request: EventbriteRequest, page: PageRequest) throws -> HTTPResponse {
        try arguments.errors.check()
        return try PaginatedList.respond(request, key: "attendees", Attendee.presenter, where: conditions, orderBy: "a.id", page: page)
    }
}
