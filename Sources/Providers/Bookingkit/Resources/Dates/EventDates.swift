import Emulation

/// `GET /eventDates` and `GET /vendors/{id}/eventDates` (spec §5.2 E06, E13): one object holding
/// a page of dates (the date filters, paging and counting apply to them) and the events those
/// dates belong to, in order of first mention. Without `fields`, each is reduced to its ids
/// (dates `{id, event_id}`, events `{id}`), as the docs' sample and [RAML] say; `fields=all`
/// gives whole objects; other names apply to both arrays.
enum EventDates {
    static func routes(_ endpoints: Endpoints) -> [Route<BookingkitClient>] {
        [
            endpoints.route("GET", "/eventDates", example: "/eventDates", .calendarRead) { request, client in
                try render(DateQuery.list(request, client), request, client)
            },
            endpoints.route("GET", "/vendors/{id}/eventDates", example: "/vendors/\(FixtureIDs.vendor)/eventDates", .calendarRead) {
                request, client in
                let vendor = try Vendors.visibleVendor(request.parameter("id"), client)
                return try render(DateQuery.list(request, client, scope: ("d.vendor_id = ?", vendor)), request, client)
            },
        ]
    }

    private static func render(_ list: ListRequest, _ request: ProviderRequest, _ client: BookingkitClient) throws -> HTTPResponse {
        let requested = QueryReader(query: request.query).list("fields")
        let dateFields: Set<String>?
        let eventFields: Set<String>?
        switch requested {
        case nil:
            (dateFields, eventFields) = (["id", "event_id"], ["id"])
        case let names? where names.contains("all"):
            (dateFields, eventFields) = (nil, nil)
        case let names?:
            (dateFields, eventFields) = (Set(names), Set(names))
        }
        return try request.read { database in
            var context = EventRenderContext(commission: client.commission, withPrivatePrices: false, showsFirstDate: false)
            // In order of first mention; the set keeps a long page's look-ups constant.
            var eventIDs: [String] = []
            var mentioned = Set<String>()
            let eventColumn = DateRecord.table.position(ofColumn: "event_id")!
            var result: (page: OffsetPage<Void>, total: Int?)?
            var json = JSONBuilder(capacity: 16 * 1024)
            try json.array { json in
                try json.object { json in
                    json.key("dates")
                    try json.array { json in
                        result = try list.page(in: database) { cursor in
                            let eventID = cursor.string(at: eventColumn)
                            if mentioned.insert(eventID).inserted { eventIDs.append(eventID) }
                            try DateRecord.view.write(cursor, (), keeping: dateFields, to: &json)
                        }
                    }
                    json.key("events")
                    let listed = ListRequest.jsonArray(eventIDs)
                    try EventEmbeds.prepare(
                        &context, events: "e.id IN (SELECT value FROM json_each(?))", [listed], merged: false, keeping: eventFields,
                        in: database)
                    try json.array { json in
                        try database.write(
                            EventViews.event,
                            """
                            SELECT \(EventQuery.collection.select) FROM \(EventQuery.collection.from)
                            JOIN json_each(?) AS listed ON listed.value = e.id ORDER BY listed.key
                            """, arguments: [DateTime(request.now), listed], context: context,
                            keeping: eventFields, to: &json)
                    }
                }
            }
            return BookingkitResponse.body(json.bytes, headers: ListResponse.headers(list, result!.page, total: result!.total, request: request))
        }
    }
}
