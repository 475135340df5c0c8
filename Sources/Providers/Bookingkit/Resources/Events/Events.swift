import Emulation

/// The event endpoints (spec §5.2): lists with the event filters, single events, and writes.
enum Events {
    static func routes(_ endpoints: Endpoints) -> [Route<BookingkitClient>] {
        [
            endpoints.route("GET", "/events", example: "/events", .calendarRead) { request, client in
                try list(request, client, vendor: nil)
            },
            endpoints.route("POST", "/events", .calendarWrite) { request, client in
                try EventWrites.create(request, client, pathVendor: nil)
            },
            endpoints.route("GET", "/vendors/{vendor_id}/events", example: "/vendors/\(FixtureIDs.vendor)/events", .calendarRead) {
                request, client in
                try list(request, client, vendor: Vendors.visibleVendor(request.parameter("vendor_id"), client))
            },
            endpoints.route("POST", "/vendors/{vendor_id}/events", .calendarWrite) { request, client in
                try EventWrites.create(request, client, pathVendor: request.parameter("vendor_id"))
            },
            endpoints.route("GET", "/events/{id}", example: "/events/\(FixtureIDs.event)", .calendarRead) { request, client in
                let withPrivatePrices = try QueryReader(query: request.query).boolean("with_private_prices") ?? false
                return try request.read { database in
                    try single(request.parameter("id"), client, merged: false, withPrivatePrices: withPrivatePrices, request, database)
                }
            },
            endpoints.route("PATCH", "/events/{id}", .calendarWrite) { request, client in
                try EventWrites.update(request, client)
            },
        ]
    }

    static func list(_ request: ProviderRequest, _ client: BookingkitClient, vendor: String?, merged: Bool = false) throws -> HTTPResponse {
        let (list, rendering) = try EventQuery.list(request, client, vendor: vendor, merged: merged)
        return try request.read { database in
            let context = EventRenderContext(
                commission: client.commission, withPrivatePrices: rendering.withPrivatePrices, showsFirstDate: rendering.availableFrom != nil)
            return try ListResponse.render(merged ? EventViews.merged : EventViews.event, list, context: context, request: request, in: database) {
                context, keys in
                try EventEmbeds.prepare(
                    &context, events: EventEmbeds.pageCondition, [IntegerList.text(keys)], merged: merged, keeping: list.fields, in: database)
            }
        }
    }

    /// One active event the client sees, as an event or a merged event; 404 otherwise.
    static func single(
        _ id: String, _ client: BookingkitClient, merged: Bool, withPrivatePrices: Bool, _ request: ProviderRequest, _ database: Database
    ) throws -> HTTPResponse {
        let visible = client.vendorCondition("e.vendor_id")
        var context = EventRenderContext(commission: client.commission, withPrivatePrices: withPrivatePrices, showsFirstDate: false)
        let keys = request.fieldSelection
        try EventEmbeds.prepare(&context, events: "e.id = ?", [id], merged: merged, keeping: keys, in: database)
        return try BookingkitResponse.single(
            merged ? EventViews.merged : EventViews.event, EventQuery.singleSQL + " AND \(visible.clause)",
            arguments: [DateTime(request.now), id] + visible.arguments, context: context, keeping: keys, in: database)
    }
}
