import Emulation

/// Text overrides (spec §8.24): what an organization, a venue or an event shows instead of the
/// default sales texts. Both endpoints answer with an array, one object per text code (A10).
/// Their errors are the constants `MISSING` and `INVALID` themselves, as the seed lists them.
enum TextOverrides: EventbriteResourceGroup {
    static let tables = [TextOverride.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for override in try seed.records(TextOverride.self, "text_overrides.json", key: "text_overrides") {
            try database.insert(override)
        }
    }

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get(
                "/organizations/{organization_id}/text_overrides/",
                example: "/organizations/123/text_overrides/?text_codes=event_postponed,tickets_sold_out", retrieve),
            routes.post("/organizations/{organization_id}/text_overrides/", create),
        ]
    }

    static func missing(_ name: String) -> EventbriteError {
        .rule("MISSING", "There are errors with your arguments: \(name) - MISSING")
    }

    static func invalid(_ name: String) -> EventbriteError {
        .rule("INVALID", "There are errors with your arguments: \(name) - INVALID")
    }

    /// `?text_codes=…` (required) `&locale=…&event_id=…&venue_id=…`.
    private static func retrieve(_ request: EventbriteRequest) throws -> HTTPResponse {
        let organizationID = try request.memberOrganization()
        let arguments = QueryArguments(request.query)
        guard let codes = arguments.list("text_codes") else { throw missing("text_codes") }
        guard codes.allSatisfy({ TextOverride.defaultMessages[$0] != nil }) else { throw invalid("text_codes") }
        let locale = arguments.string("locale") ?? "en_US"
        guard EventChanges.locales.contains(locale) else { throw invalid("locale") }
        let values = try request.read { database -> [JSONValue] in
            let (eventID, venueID) = try scope(
                event: arguments.string("event_id"), venue: arguments.string("venue_id"), organizationID: organizationID, in: database)
            var seen: Set<String> = []
            return try codes.filter { seen.insert($0).inserted }.map { code in
                TextOverride.json(
                    code,
                    override: try TextOverride.resolve(
                        code, organizationID: organizationID, eventID: eventID, venueID: venueID, locale: locale, in: database))
            }
        }
        return EventbriteResponse.json(.array(values))
    }

    /// The event and venue a request names, each of the organization; an event brings its venue.
    private static func scope(event: String?, venue: String?, organizationID: Int64, in database: Database) throws
        -> (event: Int64?, venue: Int64?)
    {
        var eventID: Int64?
        var venueID: Int64?
        if let venue {
            guard let id = EventbriteID.parse(venue),
                try database.queryOne("SELECT 1 FROM eventbrite_venues WHERE id = ? AND organization_id = ?", id, organizationID) != nil
            else { throw invalid("venue_id") }
            venueID = id
        }
        if let event {
            guard let id = EventbriteID.parse(event), let found = try Event.find(id, in: database),
                found.organizationID == organizationID
            else { throw invalid("event_id") }
            eventID = id
            venueID = venueID ?? found.venueID
        }
        return (eventID, venueID)
    }

    /// `POST` (no wrapper): `strings` (required: `{"text_code", "message"}` or `{"text_code",
    /// "message_code"}`), for the organization, or one `venue_id` or `event_id` of it, in
    /// `locale` (default: the event's, else en_US).
    private static func create(_ request: EventbriteRequest) throws -> HTTPResponse {
        let organizationID = try request.memberOrganization()
        let body = try EventbriteBody(request)
        var fields = body.unwrapped
        fields.rejectUnknown(allowed: ["locale", "venue_id", "event_id", "strings"])
        try fields.check()
        let values = try request.write { database -> [JSONValue] in
            func text(_ key: String) throws -> String? {
                switch fields.object[key] {
                case nil, .null?: return nil
                case .string(let value)?: return value.isEmpty ? nil : value
                case .int(let value)?: return String(value)
                default: throw invalid(key)
                }
            }
            let eventText = try text("event_id")
            let venueText = try text("venue_id")
            // An override is for the organization, one venue or one event: not both.
            if eventText != nil && venueText != nil { throw invalid("venue_id") }
            let (eventID, venueID) = try scope(event: eventText, venue: venueText, organizationID: organizationID, in: database)
            var locale = "en_US"
            if let given = try text("locale") {
                guard EventChanges.locales.contains(given) else { throw invalid("locale") }
                locale = given
            } else if let eventID, let event = try Event.find(eventID, in: database) {
                locale = event.locale
            }
            // A form sends the list as JSON text (§1.4).
            var given = fields.object["strings"]
            if case .string(let text)? = given, let parsed = try? JSONParser.parse(text) { given = parsed }
            guard case .array(let strings)? = given else {
                if given == nil || given == .null { throw missing("strings") }
                throw invalid("strings")
            }
            guard !strings.isEmpty else { throw missing("strings") }
            var overrides: [TextOverride] = []
            for item in strings {
                guard case .object(let string) = item else { throw invalid("strings") }
                guard let code = string["text_code"]?.stringValue else { throw missing("strings.text_code") }
                guard TextOverride.defaultMessages[code] != nil else { throw invalid("strings.text_code") }
                var override = TextOverride()
                override.organizationID = organizationID
                override.eventID = eventID ?? 0
                override.venueID = eventID == nil ? venueID ?? 0 : 0
                override.locale = locale
                override.textCode = code
                switch (string["message"], string["message_code"]) {
                case (.string(let message)?, nil), (.string(let message)?, .null?):
                    guard !message.isEmpty else { throw missing("strings.message") }
                    override.message = message
                case (nil, .string(let other)?), (.null?, .string(let other)?):
                    guard TextOverride.defaultMessages[other] != nil else { throw invalid("strings.message_code") }
                    override.messageCode = other
                case (nil, nil), (.null?, .null?), (nil, .null?), (.null?, nil):
                    throw missing("strings.message")
                default:
                    throw invalid("strings")
                }
                overrides.append(override)
            }
            for override in overrides { try database.insert(override, onConflict: .replace) }
            return overrides.map { TextOverride.json($0.textCode, override: $0) }
        }
        return EventbriteResponse.json(.array(values))
    }
}
