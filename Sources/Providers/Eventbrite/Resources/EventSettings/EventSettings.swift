import Emulation

/// An event's display settings (spec §8.10) and ticket buyer settings (§8.11): members read and
/// change them; every event has both from its creation (§10.9), copies and occurrences take the
/// source's.
enum EventSettings: EventbriteResourceGroup {
    static let tables = [DisplaySettings.table, TicketBuyerSettings.table]

    /// `event_settings.json` holds the events whose settings differ from the defaults; every other
    /// event gets the defaults.
    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        let file = "event_settings.json"
        for settings in try seed.records(DisplaySettings.self, file, key: "display_settings") { try database.insert(settings) }
        for settings in try seed.records(TicketBuyerSettings.self, file, key: "ticket_buyer_settings") {
            try database.insert(settings)
        }
        for row in try database.query("SELECT id FROM eventbrite_events") {
            guard let id = row.int("id") else { continue }
            try insertDefaults(Int64(id), in: database)
        }
    }

    static func eventCreated(_ eventID: Int64, in database: Database, now: Int64) throws {
        try insertDefaults(eventID, in: database)
    }

    static func eventCopied(from source: Int64, to copy: Int64, in database: Database, now: Int64) throws {
        if var display = try database.fetchOne(DisplaySettings.self, where: "event_id = ?", source) {
            display.eventID = copy
            try database.insert(display, onConflict: .replace)
        }
        if var buyer = try database.fetchOne(TicketBuyerSettings.self, where: "event_id = ?", source) {
            buyer.eventID = copy
            try database.insert(buyer, onConflict: .replace)
        }
        try insertDefaults(copy, in: database)
    }

    private static func insertDefaults(_ eventID: Int64, in database: Database) throws {
        var display = DisplaySettings()
        display.eventID = eventID
        try database.insert(display, onConflict: .ignore)
        var buyer = TicketBuyerSettings()
        buyer.eventID = eventID
        try database.insert(buyer, onConflict: .ignore)
    }

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/events/{event_id}/display_settings/", example: "/events/12345/display_settings/") { request in
                let id = try request.read { try request.managedEvent(in: $0).id }
                return try respondDisplay(request, eventID: id)
            },
            routes.post("/events/{event_id}/display_settings/", updateDisplay),
            routes.get("/events/{event_id}/ticket_buyer_settings/", example: "/events/1234/ticket_buyer_settings/") { request in
                let id = try request.read { try request.managedEvent(in: $0).id }
                return try respondBuyer(request, eventID: id)
            },
            routes.post("/events/{event_id}/ticket_buyer_settings/", TicketBuyerSettingsUpdate.update),
        ]
    }

    private static func respondDisplay(_ request: EventbriteRequest, eventID: Int64) throws -> HTTPResponse {
        try EventbriteResponse.one(
            DisplaySettings.presenter, where: "d.event_id = ?", [eventID], request, notFound: .notFound(.event))
    }

    static func respondBuyer(_ request: EventbriteRequest, eventID: Int64) throws -> HTTPResponse {
        try EventbriteResponse.one(
            TicketBuyerSettings.presenter, where: "b.event_id = ?", [eventID], request, notFound: .notFound(.event))
    }

    /// `POST /events/{event_id}/display_settings/`: `{"display_settings": {…}}`, partial.
    private static func updateDisplay(_ request: EventbriteRequest) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let id = try request.write { database -> Int64 in
            var event = try request.managedEvent(in: database)
            var fields = body.wrapper("display_settings")
            fields.rejectUnknown(allowed: Set(DisplaySettings.flags.map(\.key) + ["show_remaining", "terminology"]))
            var settings = try database.fetchOne(DisplaySettings.self, where: "event_id = ?", event.id) ?? DisplaySettings()
            settings.eventID = event.id
            for (key, property) in DisplaySettings.flags {
                if let flag = fields.nonNullBool(key) { settings[keyPath: property] = flag }
            }
            if let flag = fields.nonNullBool("show_remaining") { event.showRemaining = flag }
            if let value = fields.oneOf("terminology", DisplaySettings.terminologies) { settings.terminology = value }
            try fields.check()
            try database.insert(settings, onConflict: .replace)
            event.changed = EpochSeconds(request.now)
            try database.update(event)
            return event.id
        }
        return try respondDisplay(request, eventID: id)
    }
}
