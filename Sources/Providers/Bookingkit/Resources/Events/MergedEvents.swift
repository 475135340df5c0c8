import Emulation

/// `GET /merged_events` and `GET /merged_events/{id}` (spec §5.2 E11, E12): main and duration
/// events with the prices of their pricelists as `price_groups` (§7.2). A pricelist child's id
/// gives a merged event of that child alone.
enum MergedEvents {
    static func routes(_ endpoints: Endpoints) -> [Route<BookingkitClient>] {
        [
            endpoints.route("GET", "/merged_events", example: "/merged_events", .calendarRead) { request, client in
                try Events.list(request, client, vendor: nil, merged: true)
            },
            endpoints.route("GET", "/merged_events/{id}", example: "/merged_events/\(FixtureIDs.event)", .calendarRead) { request, client in
                let withPrivatePrices = try QueryReader(query: request.query).boolean("with_private_prices") ?? false
                return try request.read { database in
                    try Events.single(
                        request.parameter("id"), client, merged: true, withPrivatePrices: withPrivatePrices, request, database)
                }
            },
        ]
    }
}
