import Emulation

/// Seat maps (spec §8.22): an organization's, in one unpaginated list, and a copy of one made
/// for a new reserved-seating event.
enum SeatMaps: EventbriteResourceGroup {
    static let tables = [SeatMap.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for seatMap in try seed.records(SeatMap.self, "seatmaps.json", key: "seatmaps") { try database.insert(seatMap) }
    }

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/organizations/{organization_id}/seatmaps/", example: "/organizations/12345/seatmaps/", list),
            routes.post("/events/{event_id}/seatmaps/", create),
        ]
    }

    /// `{"seatmaps": […]}`, not paginated (the seed: "Response is not paginated yet"); `venue_id`
    /// and `venue_name_filter` (a case-insensitive part of the venue's name) narrow it.
    private static func list(_ request: EventbriteRequest) throws -> HTTPResponse {
        let organizationID = try request.memberOrganization()
        var arguments = QueryArguments(request.query)
        var filter = SQLFilter("s.organization_id = ?", organizationID)
        if let venues = arguments.ids("venue_id") { filter.add("s.venue_id", in: venues) }
        if let name = arguments.string("venue_name_filter") {
            filter.add("s.venue_id IN (SELECT v.id FROM eventbrite_venues v WHERE instr(lower(v.name), lower(?)) > 0)", name)
        }
        try arguments.errors.check()
        return try request.read { database in
            let context = request.context(database, type: SeatMap.presenter.type)
            return try EventbriteResponse.json { json in
                try json.object { json in
                    try json.field("seatmaps", array: { json in
                        try SeatMap.presenter.writeAll(where: filter.clause, filter.arguments, orderBy: "s.id", context: context, to: &json)
                    })
                }
            }
        }
    }

    /// `POST /events/{event_id}/seatmaps/` with `{"source_seatmap_id": "E12345-m1"}` (no
    /// wrapper): a copy of a seat map the caller may see, for an event that has reserved seating
    /// and no seat map yet. The source event's reserved-seating tiers come with it (§8.22), with
    /// new ids and the same tier numbers.
    private static func create(_ request: EventbriteRequest) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let id = try request.write { database -> String in
            let event = try request.managedEvent(in: database)
            var fields = body.unwrapped
            fields.rejectUnknown(allowed: ["source_seatmap_id"])
            var source: SeatMap?
            switch fields.string("source_seatmap_id") {
            case .value(let id):
                source = try database.fetchOne(SeatMap.self, where: "id = ?", id)
                if source == nil { fields.invalid("source_seatmap_id") }
            case .null: fields.invalid("source_seatmap_id")
            case .absent: fields.missing("source_seatmap_id")
            }
            // Another organization's seat map is not the caller's to copy (403 before argument errors, §3.4).
            if let source { try request.caller.requireMember(of: source.organizationID) }
            let hasSeatMap = try database.queryOne("SELECT 1 FROM eventbrite_seatmaps WHERE event_id = ?", event.id) != nil
            let tiers = try source.map { try reservedTiers(ofEvent: $0.eventID, in: database) } ?? []
            let existing = try reservedTiers(ofEvent: event.id, in: database)
            // Only a new reserved-seating event takes one (§8.22); reserved tiers it made on its
            // own must not clash with the tier numbers the copy brings (this emulation's rule).
            if !event.isReservedSeating || hasSeatMap || existing.contains(where: { tier in tiers.contains { $0.tier == tier.tier } }) {
                fields.errors.invalid("event_id")
            }
            try fields.check()
            guard let source else { throw fields.errors.error }
            let tierCount = try database.queryOne(
                "SELECT COUNT(*) AS n FROM eventbrite_inventory_tiers WHERE event_id = ? AND NOT is_deleted", event.id)?.int("n") ?? 0
            if tierCount + tiers.count > InventoryTierChanges.maximumTiers {
                throw InventoryTierChanges.tooManyTiers
            }
            var copy = source
            copy.id = "E\(event.id)-m1"
            copy.organizationID = event.organizationID
            copy.eventID = event.id
            copy.venueID = event.venueID ?? source.venueID
            try database.insert(copy)
            for var tier in tiers {
                tier.eventID = event.id
                tier.id = try EventbriteID.next(in: database)
                tier.created = EpochSeconds(request.now)
                try database.insert(tier)
            }
            try Event.touch(event.id, now: request.now, in: database)
            return copy.id
        }
        return try EventbriteResponse.one(
            SeatMap.presenter, where: "s.id = ?", [id], request, notFound: EventbriteError.notFound(.event))
    }

    /// The tiers an event's seat map lays out: its reserved-seating ones (`seatmap_number` ≠ 0).
    private static func reservedTiers(ofEvent eventID: Int64, in database: Database) throws -> [InventoryTier] {
        try database.fetchAll(
            InventoryTier.self, where: "event_id = ? AND seatmap_number <> 0 AND NOT is_deleted", orderBy: "sort_order, id", eventID)
    }
}
