import Emulation

/// The date endpoints (spec §5.3): lists with the date filters, single dates, and writes.
enum Dates {
    static func routes(_ endpoints: Endpoints) -> [Route<BookingkitClient>] {
        [
            endpoints.route("GET", "/dates", example: "/dates", .calendarRead) { request, client in
                try list(DateQuery.list(request, client), request)
            },
            endpoints.route("POST", "/dates", .calendarWrite) { request, client in
                try create(request, client) { _, _ in }
            },
            endpoints.route("GET", "/dates/{id}", example: "/dates/\(FixtureIDs.date)", .calendarRead) { request, client in
                try request.read { database in
                    let date = try DateWrites.visibleDate(request.parameter("id"), client, in: database)
                    return try single(date.id, request, database)
                }
            },
            endpoints.route("PATCH", "/dates/{id}", .calendarWrite) { request, client in
                try request.write { database in
                    let date = try DateWrites.visibleDate(request.parameter("id"), client, in: database)
                    let change = try DateWrites.Change(BookingkitBody.object(request), inBatch: false)
                    let updated = try DateWrites.apply(change, to: date, client, now: DateTime(request.now), in: database)
                    return try single(updated.id, request, database)
                }
            },
            endpoints.route("GET", "/events/{id}/dates", example: "/events/\(FixtureIDs.datedEvent)/dates", .calendarRead) { request, client in
                let event = try request.read { try visibleEvent(request.parameter("id"), client, in: $0) }
                return try list(DateQuery.list(request, client, scope: ("d.event_id = ?", event)), request)
            },
            endpoints.route("POST", "/events/{id}/dates", .calendarWrite) { request, client in
                let path = request.parameter("id")
                _ = try request.read { try visibleEvent(path, client, in: $0) }
                return try create(request, client) { creation, database in
                    guard creation.eventID == path else {
                        throw BookingkitError.businessRule("The path id and the body event_id do not match")
                    }
                }
            },
            endpoints.route("GET", "/vendors/{id}/dates", example: "/vendors/\(FixtureIDs.vendor)/dates", .calendarRead) { request, client in
                let vendor = try Vendors.visibleVendor(request.parameter("id"), client)
                return try list(DateQuery.list(request, client, scope: ("d.vendor_id = ?", vendor), eventFilters: true), request)
            },
            endpoints.route("POST", "/vendors/{id}/dates", .calendarWrite) { request, client in
                let vendor = try Vendors.visibleVendor(request.parameter("id"), client)
                return try create(request, client) { creation, database in
                    _ = try DateWrites.event(creation.eventID, vendor: vendor, client, in: database)
                }
            },
        ]
    }

    static func list(_ list: ListRequest, _ request: ProviderRequest) throws -> HTTPResponse {
        try request.read { try ListResponse.render(DateRecord.view, list, context: (), request: request, in: $0) }
    }

    static func single(_ id: String, _ request: ProviderRequest, _ database: Database) throws -> HTTPResponse {
        try BookingkitResponse.single(
            DateRecord.view, where: "id = ?", arguments: [id], context: (),
            keeping: request.fieldSelection, in: database)
    }

    /// A date create: the body, then `check` (which event it may belong to), then 201.
    private static func create(
        _ request: ProviderRequest, _ client: BookingkitClient, check: (DateWrites.Creation, Database) throws -> Void
    ) throws -> HTTPResponse {
        let creation = try DateWrites.Creation(BookingkitBody.object(request))
        return try request.write { database in
            try check(creation, database)
            let event = try DateWrites.event(creation.eventID, client, in: database)
            let date = try DateWrites.insert(creation, of: event, now: DateTime(request.now), in: database)
            return try BookingkitResponse.single(
                DateRecord.view, where: "id = ?", arguments: [date.id],
                context: (), status: 201, in: database)
        }
    }

    /// An active event the client sees, by path id; 404 otherwise.
    static func visibleEvent(_ id: String, _ client: BookingkitClient, in database: Database) throws -> String {
        guard let event = try database.fetchOne(EventRecord.self, where: "id = ? AND active = 1", id), client.sees(vendor: event.vendorID)
        else { throw BookingkitError.notFound }
        return event.id
    }
}
