import Emulation

/// `POST` and `PATCH /datesBatch` (spec §5.3 E24, E25): many dates at once, all or none. A bad
/// element is named by its index (`[0].event_id`).
enum DatesBatch {
    static func routes(_ endpoints: Endpoints) -> [Route<BookingkitClient>] {
        [
            endpoints.route("POST", "/datesBatch", .calendarWrite) { request, client in
                let creations = try elements(request).map(DateWrites.Creation.init)
                return try request.write { database in
                    let now = DateTime(request.now)
                    for creation in creations {
                        let event = try DateWrites.event(creation.eventID, client, in: database)
                        _ = try DateWrites.insert(creation, of: event, now: now, in: database)
                    }
                    return result(creations.count, status: 201)
                }
            },
            endpoints.route("PATCH", "/datesBatch", .calendarWrite) { request, client in
                let changes = try elements(request).map { try DateWrites.Change($0, inBatch: true) }
                return try request.write { database in
                    let now = DateTime(request.now)
                    for change in changes {
                        let id = change.dateID ?? ""
                        let date = try DateWrites.visibleDate(id, client, in: database, missing: .businessRule("Date \"\(id)\" not found"))
                        _ = try DateWrites.apply(change, to: date, client, now: now, in: database)
                    }
                    return result(changes.count, status: 200)
                }
            },
        ]
    }

    private static func elements(_ request: ProviderRequest) throws -> [BodyFields] {
        try BookingkitBody.array(request).enumerated().map { index, element in
            guard let object = element.objectValue else {
                throw BookingkitError.invalidProperty("The property \"[\(index)]\" must be of type \"object\"")
            }
            return BodyFields(object, path: "[\(index)].")
        }
    }

    /// BatchResult (§6.15): `status` is always `SUCCESS`.
    private static func result(_ count: Int, status: Int) -> HTTPResponse {
        BookingkitResponse.json(["status": "SUCCESS", "processed_items": .int(count)], status: status)
    }
}
