import Emulation

/// `GET /flex_offers` and `GET /flex_offers/{id}` (spec §5.11). The docs print no path: these
/// follow bookingkit's snake_case plurals (§10 D1), and `/flexOffers` and `/flex-offers` answer
/// too until a real client shows which one it calls. No paging parameters are documented;
/// `limit` and `offset` are accepted anyway (§10 D25).
enum FlexOffers {
    static let collection = Collection(
        from: "bookingkit_flex_offers f", select: FlexOfferRecord.table.selectList(alias: "f"), identifier: "f.id",
        sortable: [
            ("title", "lower(f.title)"), ("active", "f.active"), ("start_date", "f.start_date"), ("end_date", "f.end_date"),
            ("created_at", "f.created_at"), ("vendor_id", "f.vendor_id"), ("event_id", "f.event_id"),
        ], defaultOrder: "f.rowid", tieBreak: "f.rowid", deltaColumn: "f.updated_at")

    static func routes(_ endpoints: Endpoints) -> [Route<BookingkitClient>] {
        [
            endpoints.route("GET", "/flex_offers", example: "/flex_offers", .calendarRead) { request, client in
                let query = QueryReader(query: request.query)
                var list = try ListRequest(query, collection, readsMatch: false)
                list.filter.add(client.vendorCondition("f.vendor_id"))
                // "Only applicable for marketplace tokens".
                if !client.isVendor, let vendors = query.list("vendor_id") { list.filter.add("f.vendor_id", in: vendors) }
                if let events = query.list("event_id") { list.filter.add("f.event_id", in: events) }
                if let active = try query.flag("active") { list.filter.add("f.active = ?", active) }
                if let from = try query.dateTime("available_from") { list.filter.add("f.start_date >= ?", from) }
                if let until = try query.dateTime("available_until") { list.filter.add("f.end_date <= ?", until) }
                try list.readDelta(query)
                return try request.read { try ListResponse.render(FlexOfferRecord.view, list, context: (), request: request, in: $0) }
            }.alias(nil, "/flexOffers").alias(nil, "/flex-offers"),
            endpoints.route("GET", "/flex_offers/{id}", example: "/flex_offers/\(FixtureIDs.flexOffer)", .calendarRead) { request, client in
                let visible = client.vendorCondition("vendor_id")
                return try request.read { database in
                    try BookingkitResponse.single(
                        FlexOfferRecord.view,
                        where: "id = ? AND \(visible.clause)",
                        arguments: [request.parameter("id")] + visible.arguments, context: (), keeping: request.fieldSelection, in: database)
                }
            }.alias(nil, "/flexOffers/{id}").alias(nil, "/flex-offers/{id}"),
        ]
    }
}
