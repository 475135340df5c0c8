import Emulation

/// The application and participant endpoints (spec §6.1 to §6.6).
enum Entries {
    /// The body of each kind: its columns in camelCase (each kind without the other's own keys),
    /// and with `extendMetadata` the metadata members after them.
    static func view(_ kind: Entry.Kind, extended: Bool) -> RecordView<Void> {
        switch (kind, extended) {
        case (.application, false): return applicationView
        case (.application, true): return extendedApplicationView
        case (.participant, false): return participantView
        case (.participant, true): return extendedParticipantView
        }
    }

    private static let internalColumns: Set<String> = ["kind", "organiser_id", "reserved_entry_group_code", "cancelled"]
    private static let applicationMembers = RecordView<Void>.columns(of: Entry.table, keys: .camelCase, except: internalColumns.union(["application_id", "race_day_details", "result_submission", "team"]),
        formats: DateIndexes.formats)
    private static let participantMembers = RecordView<Void>.columns(of: Entry.table, keys: .camelCase, except: internalColumns.union(["approval_status", "application_resolution_type", "ballot_draw"]),
        formats: DateIndexes.formats)
    private static let applicationView = RecordView(Entry.table, applicationMembers)
    private static let participantView = RecordView(Entry.table, participantMembers)
    private static let extendedApplicationView = RecordView(
        Entry.table, computed: EntryMetadata.names, applicationMembers + EntryMetadata.members)
    private static let extendedParticipantView = RecordView(
        Entry.table, computed: EntryMetadata.names, participantMembers + EntryMetadata.members)

    /// Each list's source, plain and with the metadata joined.
    private static func sources(_ indexes: DateIndexes) -> (plain: ListSource, extended: ListSource) {
        (ListSource(Entry.table, indexes: indexes),
         ListSource(Entry.table, indexes: indexes, extraColumns: EntryMetadata.columns, joins: EntryMetadata.joins))
    }
    private static let byOrganiser = sources(Entry.ListIndexes.organiserKind)
    private static let byEvent = sources(Entry.ListIndexes.eventKind)
    private static let byRace = sources(Entry.ListIndexes.raceKind)
    private static let byOccurrence = sources(Entry.ListIndexes.occurrenceKind)

    /// `GET /applications`, `GET /participants`: all of the organiser's.
    static func list(_ kind: Entry.Kind, _ request: ProviderRequest, _ organiser: LetsDoThisOrganiser,
                     _ settings: LetsDoThisSettings) throws -> HTTPResponse {
        let (query, _) = try ListQuery.parse(request.query, extendMetadata: true, settings: settings)
        let collection = collection(
            kind, query, scope: SQLFilter("item.organiser_id = ?", organiser.id), sources: byOrganiser,
            organiser: organiser,
            counted: KeptCount(counts: LetsDoThisCounts.entriesByOrganiser, name: kind == .application ? "applications" : "participants", value: organiser.id))
        return try request.read { try CursorPagination.respond(collection, query, in: $0) }
    }

    /// `GET /events/{id}/applications`.
    static func listByEvent(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser,
                            _ settings: LetsDoThisSettings) throws -> HTTPResponse {
        let (query, _) = try ListQuery.parse(request.query, extendMetadata: true, settings: settings)
        let eventID = request.parameter("id")
        let collection = collection(
            .application, query, scope: SQLFilter("item.event_id = ?", eventID), sources: byEvent,
            organiser: organiser, counted: KeptCount(counts: LetsDoThisCounts.applicationsByEvent, name: "applications", value: eventID))
        return try request.read { database in
            try Events.requireOwned(eventID, by: organiser, in: database)
            return try CursorPagination.respond(collection, query, in: database)
        }
    }

    /// `GET /races/{id}/participants`, optionally one occurrence's (`eventOccurrenceId`).
    static func listByRace(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser,
                           _ settings: LetsDoThisSettings) throws -> HTTPResponse {
        let (query, leading) = try ListQuery.parse(
            request.query, leading: ["eventOccurrenceId"], extendMetadata: true, settings: settings)
        let raceID = request.parameter("id")
        let collection: PagedCollection
        if let occurrenceID = leading[0] {
            collection = self.collection(
                .participant, query, scope: SQLFilter("item.race_id = ? AND item.event_occurrence_id = ?", raceID, occurrenceID),
                sources: byOccurrence, organiser: organiser, counted: nil)
        } else {
            collection = self.collection(
                .participant, query, scope: SQLFilter("item.race_id = ?", raceID), sources: byRace,
                organiser: organiser, counted: KeptCount(counts: LetsDoThisCounts.participantsByRace, name: "participants", value: raceID))
        }
        return try request.read { database in
            try Races.requireOwned(raceID, by: organiser, in: database)
            return try CursorPagination.respond(collection, query, in: database)
        }
    }

    /// `GET /applications/{id}`, `GET /participants/{id}`.
    static func show(_ kind: Entry.Kind, _ request: ProviderRequest, _ organiser: LetsDoThisOrganiser,
                     _ settings: LetsDoThisSettings) throws -> HTTPResponse {
        let extend = try ListQuery.extendMetadata(request.query, settings: settings)
        let body = try request.read { database in
            try database.render(
                view(kind, extended: extend),
                "SELECT \((extend ? byOrganiser.extended : byOrganiser.plain).columns) FROM letsdothis_entries AS item \(extend ? EntryMetadata.joins : "")"
                    + " WHERE item.kind = ? AND item.id = ? AND item.organiser_id = ?",
                kind.rawValue, request.parameter("id"), organiser.id, context: ())
        }
        return try DataEnvelope.object(body, orThrow: LetsDoThisError.notFound(kind.resourceName))
    }

    /// A list of one kind within `scope`.
    private static func collection(
        _ kind: Entry.Kind, _ query: ListQuery, scope: SQLFilter, sources: (plain: ListSource, extended: ListSource),
        organiser: LetsDoThisOrganiser, counted: KeptCount?
    ) -> PagedCollection {
        var scope = scope
        scope.add("item.kind = ?", kind.rawValue)
        var owned = SQLFilter("item.organiser_id = ?", organiser.id)
        owned.add("item.kind = ?", kind.rawValue)
        return PagedCollection(
            view: view(kind, extended: query.extendMetadata),
            source: query.extendMetadata ? sources.extended : sources.plain, scope: scope, owned: owned, counted: counted)
    }
}
