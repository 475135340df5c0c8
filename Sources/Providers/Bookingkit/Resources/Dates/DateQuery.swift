import Emulation

/// How date lists read (spec §5.3 "date filters"): the client's active dates of active events,
/// by date unless `order` says otherwise, with the free-slot and still-bookable defaults.
enum DateQuery {
    static let sortable: [(name: String, sql: String)] = [
        ("date", "d.date"), ("available_slots", "d.available_slots"), ("event_id", "d.event_id"),
    ]

    static let collection = Collection(
        from: "bookingkit_dates d JOIN bookingkit_events e ON e.id = d.event_id", select: DateRecord.table.selectList(alias: "d"),
        identifier: "d.id", sortable: sortable, defaultOrder: "d.date", tieBreak: "d.rowid", deltaColumn: "d.updated_at")

    /// `/vendors/{id}/dates` documents the event filters (a copy-paste in the docs, §9.3): it takes
    /// both sets, and `order` may name the attributes of either (event ones sort by the date's event).
    static let vendorCollection = Collection(
        from: "bookingkit_dates d JOIN bookingkit_events e ON e.id = d.event_id JOIN bookingkit_vendors v ON v.id = e.vendor_id",
        select: DateRecord.table.selectList(alias: "d"), identifier: "d.id",
        sortable: sortable + EventQuery.sortable.filter { $0.name != "first_date" } + [("first_date", "d.date")],
        defaultOrder: "d.date", tieBreak: "d.rowid", matchColumns: ["e.title", "e.description", "v.name"],
        deltaColumn: "d.updated_at")

    /// A date list of the client's dates, `scope` narrowing it (an event's, a vendor's), with the
    /// date filters; with `eventFilters` the event filters too (§5.3 E14).
    static func list(_ request: ProviderRequest, _ client: BookingkitClient, scope: (String, String)? = nil, eventFilters: Bool = false)
        throws -> ListRequest
    {
        let query = QueryReader(query: request.query)
        var list = try ListRequest(query, eventFilters ? vendorCollection : collection, readsMatch: eventFilters)
        list.filter.add(client.vendorCondition("d.vendor_id"))
        list.filter.add("d.active = 1 AND e.active = 1")
        if let (condition, value) = scope { list.filter.add(condition, value) }
        try addFilters(query, now: DateTime(request.now), to: &list, eventFilters: eventFilters)
        return list
    }

    /// The date filters in the docs' order (§5.3); the event filters where they apply.
    static func addFilters(_ query: QueryReader, now: DateTime, to list: inout ListRequest, eventFilters: Bool) throws {
        if try query.boolean("available") ?? true { list.filter.add("d.available_slots > 0") }
        if let start = try query.dateTime("start_date") { list.filter.add("d.date >= ?", start) }
        if let end = try query.dateTime("end_date") { list.filter.add("d.date <= ?", end) }
        if let vendors = query.list("accept_vendors") { list.filter.add("d.vendor_id", in: vendors) }
        if let vendors = query.list("exclude_vendors") { list.filter.add("d.vendor_id", notIn: vendors) }
        if let events = query.list("accept_events") { list.filter.add("d.event_id", in: events) }
        if let events = query.list("exclude_events") { list.filter.add("d.event_id", notIn: events) }
        if eventFilters {
            // Dates of REQUEST events are listed unless `type` asks otherwise.
            _ = try EventQuery.addFilters(query, to: &list, defaultType: nil)
        } else {
            if let category = try query.integer("category") {
                list.filter.add("e.id IN (SELECT event_id FROM bookingkit_event_categories WHERE category_id = ?)", category)
            }
            if let box = try query.geolocation("geolocation") {
                list.filter.add(
                    "CAST(e.location_lat AS REAL) BETWEEN ? AND ? AND CAST(e.location_lng AS REAL) BETWEEN ? AND ?", box.minLat,
                    box.maxLat, box.minLng, box.maxLng)
            }
            try list.readDelta(query)
        }
        // A date can be booked until `latest_booking_time` minutes before it starts (negative:
        // after it started); those past that are left out unless asked for (§5.3, §10 D15).
        if try !(query.boolean("ignore_latest_booking_time") ?? false) {
            list.filter.add("d.date - e.latest_booking_time * 60 >= ?", now)
        }
    }
}
