import Emulation

/// `GET /merged_dates`, `/merged_dates/{id}` and `/merged_dates/{id}/prices` (spec §5.3 E22,
/// E23, §5.6 E37): the dates of main and duration events, under the same ids, and what can be
/// booked on one — the prices of its event and of that event's pricelists (§7.2).
enum MergedDates {
    static func routes(_ endpoints: Endpoints) -> [Route<BookingkitClient>] {
        [
            endpoints.route("GET", "/merged_dates", example: "/merged_dates", .calendarRead) { request, client in
                var list = try DateQuery.list(request, client)
                list.filter.add("e.kind <> 'pricelist'")
                return try Dates.list(list, request)
            },
            endpoints.route("GET", "/merged_dates/{id}", example: "/merged_dates/\(FixtureIDs.mergedDate)", .calendarRead) {
                request, client in
                try request.read { database in
                    let date = try mergedDate(request.parameter("id"), client, in: database)
                    return try Dates.single(date.id, request, database)
                }
            },
            endpoints.route("GET", "/merged_dates/{id}/prices", example: "/merged_dates/\(FixtureIDs.mergedDate)/prices", .calendarRead) {
                request, client in
                let withPrivatePrices = try QueryReader(query: request.query).boolean("with_private_prices") ?? false
                return try request.read { database in
                    let date = try mergedDate(request.parameter("id"), client, in: database)
                    var json = JSONBuilder()
                    try json.array { json in
                        try database.write(
                            PriceRecord.mergedDateView,
                            """
                            SELECT \(PriceRecord.table.selectList(alias: "p")) FROM bookingkit_prices p
                            JOIN bookingkit_events e ON e.id = p.event_id
                            WHERE (e.id = ? OR (e.root_event_id = ? AND e.active = 1)) AND (p.public = 1 OR ?)
                            ORDER BY e.id <> ?, e.rowid, p.rowid
                            """, arguments: [date.eventID, date.eventID, withPrivatePrices, date.eventID], context: (), to: &json)
                    }
                    return BookingkitResponse.body(json.bytes)
                }
            },
        ]
    }

    /// A date of a main or duration event the client sees; 404 otherwise.
    static func mergedDate(_ id: String, _ client: BookingkitClient, in database: Database) throws -> DateRecord {
        let date = try DateWrites.visibleDate(id, client, in: database)
        guard try database.fetchOne(EventRecord.self, where: "id = ? AND kind <> 'pricelist'", date.eventID) != nil else {
            throw BookingkitError.notFound
        }
        return date
    }
}
