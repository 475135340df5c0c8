import Emulation

/// Applications and participants: entries of an event, read-only through the API. Each row keeps
/// its response JSON (without metadata) beside the columns lists scope, order and filter by.
enum EntryKind {
    case application
    case participant

    var table: String { self == .application ? "letsdothis_applications" : "letsdothis_participants" }
    var resourceName: String { self == .application ? "Application" : "Participant" }
}

/// One entry as stored: its body and the columns derived from it.
struct EntryRow {
    let kind: EntryKind
    let id: String
    let organiserID: String
    let eventID: String
    let raceID: String
    let occurrenceID: String
    let ticketID: String
    let cancelled: Bool
    let reservedEntryGroupCode: String?
    let createdMilliseconds: Int64
    let updatedMilliseconds: Int64
    let body: String

    /// An entry from a seed file, its columns read from the body it will answer with.
    init(kind: EntryKind, body: JSONObject, organiserID: String, reservedEntryGroupCode: String?, file: String) throws {
        func text(_ key: String) throws -> String {
            guard let value = body[key]?.stringValue, !value.isEmpty else {
                throw SeedError(file: file, reason: "\"\(key)\" of \(body["id"]?.stringValue ?? "an entry") must be a non-empty string")
            }
            return value
        }
        func instant(_ key: String) throws -> Int64 {
            guard let value = Milliseconds.of(try text(key)) else { throw SeedError(file: file, reason: "\"\(key)\" must be a date-time") }
            return value
        }
        self.kind = kind
        id = try text("id")
        self.organiserID = organiserID
        eventID = try text("eventId")
        raceID = try text("raceId")
        occurrenceID = try text("eventOccurrenceId")
        ticketID = try text("ticketId")
        cancelled = body["statusDetails"]?.arrayValue?.last?["status"]?.stringValue == "CANCELLED"
        self.reservedEntryGroupCode = reservedEntryGroupCode
        createdMilliseconds = try instant("createdAt")
        updatedMilliseconds = try instant("updatedAt")
        self.body = JSONWriter.string(.object(body))
    }

    /// A generated entry.
    init(kind: EntryKind, id: String, organiserID: String, eventID: String, raceID: String, occurrenceID: String, ticketID: String,
         cancelled: Bool, reservedEntryGroupCode: String?, created: Int64, updated: Int64, body: String) {
        self.kind = kind
        self.id = id
        self.organiserID = organiserID
        self.eventID = eventID
        self.raceID = raceID
        self.occurrenceID = occurrenceID
        self.ticketID = ticketID
        self.cancelled = cancelled
        self.reservedEntryGroupCode = reservedEntryGroupCode
        createdMilliseconds = created
        updatedMilliseconds = updated
        self.body = body
    }

    func insert(into database: Database) throws {
        switch kind {
        case .application:
            try database.run(
                """
                INSERT INTO letsdothis_applications (id, organiser_id, event_id, race_id, occurrence_id,
                    reserved_entry_group_code, created_ms, updated_ms, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                id, organiserID, eventID, raceID, occurrenceID, reservedEntryGroupCode, createdMilliseconds,
                updatedMilliseconds, body)
        case .participant:
            try database.run(
                """
                INSERT INTO letsdothis_participants (id, organiser_id, event_id, race_id, occurrence_id, ticket_id, cancelled,
                    reserved_entry_group_code, created_ms, updated_ms, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                id, organiserID, eventID, raceID, occurrenceID, ticketID, cancelled, reservedEntryGroupCode,
                createdMilliseconds, updatedMilliseconds, body)
        }
    }
}

/// The application and participant endpoints (spec §6.1 to §6.6).
enum Entries {
    static let columns = "body, event_id, race_id, occurrence_id, reserved_entry_group_code"

    /// `GET /applications`, `GET /participants`: all of the organiser's.
    static func list(_ kind: EntryKind, _ request: ProviderRequest, _ organiser: LetsDoThisOrganiser,
                     _ settings: LetsDoThisSettings) throws -> HTTPResponse {
        let (query, _) = try ListQuery.parse(request.query, extendMetadata: true, settings: settings)
        let collection = PagedCollection(
            table: kind.table, scope: [("organiser_id", organiser.id)], indexBase: "\(kind.table)_by", organiserID: organiser.id,
            countKey: kind == .application
                ? ScopeCounts.applications(organiser: organiser.id) : ScopeCounts.participants(organiser: organiser.id),
            columns: columns)
        return try respond(collection, query, request)
    }

    /// `GET /events/{id}/applications`.
    static func listByEvent(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser,
                            _ settings: LetsDoThisSettings) throws -> HTTPResponse {
        let (query, _) = try ListQuery.parse(request.query, extendMetadata: true, settings: settings)
        let eventID = request.parameter("id")
        try request.read { try Events.requireOwned(eventID, by: organiser, in: $0) }
        let collection = PagedCollection(
            table: EntryKind.application.table, scope: [("event_id", eventID)], indexBase: "letsdothis_applications_by_event",
            organiserID: organiser.id, countKey: ScopeCounts.applications(event: eventID), columns: columns)
        return try respond(collection, query, request)
    }

    /// `GET /races/{id}/participants`, optionally one occurrence's (`eventOccurrenceId`).
    static func listByRace(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser,
                           _ settings: LetsDoThisSettings) throws -> HTTPResponse {
        let (query, leading) = try ListQuery.parse(
            request.query, leading: ["eventOccurrenceId"], extendMetadata: true, settings: settings)
        let raceID = request.parameter("id")
        try request.read { try Races.requireOwned(raceID, by: organiser, in: $0) }
        let collection: PagedCollection
        if let occurrenceID = leading[0] {
            collection = PagedCollection(
                table: EntryKind.participant.table, scope: [("race_id", raceID), ("occurrence_id", occurrenceID)],
                indexBase: "letsdothis_participants_by_occurrence", organiserID: organiser.id, countKey: nil, columns: columns)
        } else {
            collection = PagedCollection(
                table: EntryKind.participant.table, scope: [("race_id", raceID)], indexBase: "letsdothis_participants_by_race",
                organiserID: organiser.id, countKey: ScopeCounts.participants(race: raceID), columns: columns)
        }
        return try respond(collection, query, request)
    }

    /// `GET /applications/{id}`, `GET /participants/{id}`.
    static func show(_ kind: EntryKind, _ request: ProviderRequest, _ organiser: LetsDoThisOrganiser,
                     _ settings: LetsDoThisSettings) throws -> HTTPResponse {
        let extend = try ListQuery.extendMetadata(request.query, settings: settings)
        let body = try request.read { database -> [UInt8]? in
            guard let row = try database.queryOne(
                "SELECT \(columns) FROM \(kind.table) WHERE id = ? AND organiser_id = ?", request.parameter("id"), organiser.id)
            else { return nil }
            var metadata = EntryMetadata(database: database)
            return try metadata.body(row, extended: extend)
        }
        guard let body else { throw LetsDoThisError.notFound(kind.resourceName) }
        return DataEnvelope.object(body)
    }

    private static func respond(_ collection: PagedCollection, _ query: ListQuery, _ request: ProviderRequest) throws -> HTTPResponse {
        let (page, items) = try request.read { database -> (CursorPage, [[UInt8]]) in
            let page = try CursorPage.fetch(collection, query, in: database)
            var metadata = EntryMetadata(database: database)
            let items = try page.rows.map { row in
                try metadata.body(row, extended: query.extendMetadata)
            }
            return (page, items)
        }
        return page.envelope(items)
    }
}
