import Emulation

/// How event lists read (spec §5.2 "event filters"): the collection with its sort attributes, and
/// the filters `GET /events`, `/vendors/{id}/events`, `/merged_events` and `/vendors/{id}/dates`
/// share, read in the docs' order.
enum EventQuery {
    /// The events a pricelist child is booked on are its parent's (§7.2): dates belong to main
    /// and duration events. `first_date` and `available_from` read those (a decision: the spec
    /// leaves children out of it, and a child's prices are bookable exactly on its parent's dates).
    static let dateOwner = "(CASE WHEN e.root_event_id <> '' THEN e.root_event_id ELSE e.id END)"

    /// The earliest bookable date from `?` on (§3.2 `first_date`).
    static let firstDate =
        "(SELECT MIN(d.date) FROM bookingkit_dates d WHERE d.event_id = \(dateOwner) AND d.active = 1 AND d.available_slots > 0 AND d.date >= ?)"

    /// The lowest public price (§3.2 `price`).
    static let lowestPrice = "(SELECT MIN(p.value) FROM bookingkit_prices p WHERE p.event_id = e.id AND p.public = 1)"

    static let sortable: [(name: String, sql: String)] = [
        ("title", "lower(e.title)"), ("duration", "e.duration"), ("max_participants", "e.max_participants"),
        ("vendor_name", "lower(v.name)"), ("price", lowestPrice), ("category_id", "e.deepest_category_id"),
        // Events without a bookable date sort last either way.
        ("first_date", "first_date IS NULL, first_date"),
    ]

    static let collection = Collection(
        from: "bookingkit_events e JOIN bookingkit_vendors v ON v.id = e.vendor_id",
        select: EventViews.event.selectList(alias: "e", computed: ["v.name", firstDate, "e.rowid"]),
        identifier: "e.id", sortable: sortable, defaultOrder: "e.rowid", tieBreak: "e.rowid",
        matchColumns: ["e.title", "e.description", "v.name"], deltaColumn: "e.updated_at", rowKey: "e.rowid",
        keyExtras: "\(firstDate) AS first_date")

    /// The options that change how events render rather than which are listed.
    struct Rendering {
        var withPrivatePrices = false
        var availableFrom: DateTime?
    }

    /// A list of the client's active events with the event filters applied; `merged` lists main
    /// and duration events only (§5.2 E11).
    static func list(_ request: ProviderRequest, _ client: BookingkitClient, vendor: String? = nil, merged: Bool = false) throws
        -> (ListRequest, Rendering)
    {
        let query = QueryReader(query: request.query)
        var list = try ListRequest(query, collection)
        list.filter.add(client.vendorCondition("e.vendor_id"))
        list.filter.add("e.active = 1")
        if let vendor { list.filter.add("e.vendor_id = ?", vendor) }
        if merged { list.filter.add("e.kind <> 'pricelist'") }
        let rendering = try addFilters(query, to: &list)
        list.selectArguments = [rendering.availableFrom ?? DateTime(request.now)]
        return (list, rendering)
    }

    /// The event filters after the common parameters, in the docs' order (§5.2).
    static func addFilters(_ query: QueryReader, to list: inout ListRequest, defaultType: String? = "BOOKING") throws -> Rendering {
        if let category = try query.integer("category") {
            list.filter.add("e.id IN (SELECT event_id FROM bookingkit_event_categories WHERE category_id = ?)", category)
        }
        if let categories = try query.integerList("categories") {
            list.filter.add(
                "e.id IN (SELECT event_id FROM bookingkit_event_categories WHERE category_id IN (SELECT value FROM json_each(?)))",
                JSONWriter.string(.array(categories.map(JSONValue.int))))
        }
        if let vendors = query.list("accept_vendors") { list.filter.add("e.vendor_id", in: vendors) }
        if let vendors = query.list("exclude_vendors") { list.filter.add("e.vendor_id", notIn: vendors) }
        if let preferred = try query.integerList("preferred_categories") {
            // Validated integers, so they can be written into the ORDER BY itself.
            let ids = preferred.map(String.init).joined(separator: ", ")
            list.leadingOrder = ["e.id NOT IN (SELECT event_id FROM bookingkit_event_categories WHERE category_id IN (\(ids)))"]
        }
        switch try query.choice("type", ["BOOKING", "REQUEST", "ALL"]) ?? defaultType {
        case nil, "ALL": break
        case let type?: list.filter.add("e.type = ?", type)
        }
        var rendering = Rendering()
        if let from = try query.dateTime("available_from") {
            rendering.availableFrom = from
            list.filter.add(
                "EXISTS (SELECT 1 FROM bookingkit_dates d WHERE d.event_id = \(dateOwner) AND d.active = 1 AND d.available_slots > 0 AND d.date >= ?)",
                from)
        }
        if let box = try query.geolocation("geolocation") {
            list.filter.add(
                "CAST(e.location_lat AS REAL) BETWEEN ? AND ? AND CAST(e.location_lng AS REAL) BETWEEN ? AND ?", box.minLat, box.maxLat,
                box.minLng, box.maxLng)
        }
        try list.readDelta(query)
        rendering.withPrivatePrices = try query.boolean("with_private_prices") ?? false
        if try query.boolean("only_root_events") == true { list.filter.add("e.root_event_id = ''") }
        if try query.boolean("only_main_duration") == true { list.filter.add("e.kind <> 'duration'") }
        if let minimum = try query.amount("min_price") { list.filter.add("\(lowestPrice) >= ?", minimum) }
        if let maximum = try query.amount("max_price") { list.filter.add("\(lowestPrice) <= ?", maximum) }
        return rendering
    }

    /// The SELECT of one event by id (with `vendor_name`, `first_date` and `row_key` as lists have them).
    static let singleSQL = "SELECT \(collection.select) FROM \(collection.from) WHERE e.id = ? AND e.active = 1"
}
