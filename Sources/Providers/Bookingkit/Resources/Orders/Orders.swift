import Emulation

/// The order endpoints (spec §5.5): lists with the order filters, single orders, creates and
/// updates.
enum Orders {
    static let collection = Collection(
        from: "bookingkit_orders o", select: OrderViews.orderSelect, identifier: "o.id",
        sortable: [("name", "lower(o.name)"), ("date", "o.date"), ("vendor_id", "o.vendor_id")], defaultOrder: "o.rowid",
        tieBreak: "o.rowid", matchColumns: ["o.name", "o.email"], deltaColumn: "o.updated_at", rowKey: "o.rowid")

    /// The `status` filter's documented values; RESERVED is accepted too (§10 D23).
    static let statuses = ["ACCEPTED", "CANCELED", "PENDING", "DECLINED", "OPEN", "ALL"]

    static func routes(_ endpoints: Endpoints) -> [Route<BookingkitClient>] {
        [
            endpoints.route("GET", "/orders", example: "/orders", .ordersRead) { request, client in
                try list(request, client, vendor: nil)
            },
            endpoints.route("POST", "/orders", .ordersWrite) { request, client in
                try OrderCreation.create(request, client, pathVendor: nil)
            },
            endpoints.route("GET", "/vendors/{id}/orders", example: "/vendors/\(FixtureIDs.vendor)/orders", .ordersRead) { request, client in
                try list(request, client, vendor: Vendors.visibleVendor(request.parameter("id"), client))
            },
            endpoints.route("POST", "/vendors/{id}/orders", .ordersWrite) { request, client in
                try OrderCreation.create(request, client, pathVendor: request.parameter("id"))
            },
            endpoints.route("GET", "/orders/{id}", example: "/orders/\(FixtureIDs.order)", .ordersRead) { request, client in
                try request.read { database in
                    let order = try OrderAccess.visible(request.parameter("id"), to: client, in: database)
                    return try OrderResponses.single(order.id, keeping: request.fieldSelection, in: database)
                }
            },
            endpoints.route("PATCH", "/orders/{id}", .ordersWrite) { request, client in
                try OrderUpdate.update(request, client)
            },
        ]
    }

    /// A list of the orders the client sees with the order filters, in the docs' order (§5.5).
    static func list(_ request: ProviderRequest, _ client: BookingkitClient, vendor: String?) throws -> HTTPResponse {
        let query = QueryReader(query: request.query)
        var list = try ListRequest(query, collection)
        list.filter.add(OrderAccess.condition(for: client))
        if let vendor { list.filter.add("o.vendor_id = ?", vendor) }
        if let start = try query.dateTime("start_date") { list.filter.add("o.date >= ?", start) }
        if let end = try query.dateTime("end_date") { list.filter.add("o.date <= ?", end) }
        if let start = try query.dateTime("start_event_date") {
            list.filter.add(
                "EXISTS (SELECT 1 FROM bookingkit_tickets t JOIN bookingkit_dates d ON d.id = t.date_id WHERE t.order_id = o.id AND d.date >= ?)",
                start)
        }
        if let end = try query.dateTime("end_event_date") {
            list.filter.add(
                "EXISTS (SELECT 1 FROM bookingkit_tickets t JOIN bookingkit_dates d ON d.id = t.date_id WHERE t.order_id = o.id AND d.date <= ?)",
                end)
        }
        // ACCEPTED by default; RESERVED orders only with ALL (or, leniently, RESERVED) (§10 D23).
        let status = query.text("status") == "RESERVED" ? "RESERVED" : try query.choice("status", statuses)
        switch status ?? "ACCEPTED" {
        case "ALL": break
        case let status: list.filter.add("o.status = ?", status)
        }
        if let references = query.list("accept_external_reference") { list.filter.add("o.external_reference", in: references) }
        if let codes = query.list("accept_code") { list.filter.add("o.code", in: codes) }
        if let dates = query.list("accept_dates") {
            list.filter.add("o.id IN (SELECT t.order_id FROM bookingkit_tickets t WHERE t.date_id IN (SELECT value FROM json_each(?)))",
                ListRequest.jsonArray(dates))
        }
        try list.readDelta(query)
        return try request.read { database in
            try ListResponse.render(OrderViews.order, list, context: OrderRenderContext(), request: request, in: database) { context, keys in
                try OrderEmbeds.prepare(
                    &context, orders: "o.rowid IN (SELECT value FROM json_each(?))", [IntegerList.text(keys)], keeping: list.fields,
                    in: database)
            }
        }
    }
}
