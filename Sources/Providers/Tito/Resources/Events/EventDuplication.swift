import Emulation

/// E8 and E9: duplicating an event and polling for the result (spec §11.2). The copy is made at
/// once; its status reads `processing` until the next poll, which reports it `complete`. The
/// `_type` is `_duplication`, the value pytito checks for (spec §15 A3).
struct EventDuplication: TitoRecord {
    /// The event that was duplicated; one duplication (the latest) per event.
    var eventID: Int64 = 0
    var status = "processing"
    var copyEventID: Int64?
    var title: String?
    var slug: String?
    var requestedAt: Int64 = 0

    static let table = RecordTable(
        "tito_event_duplications", of: EventDuplication.self, primaryKey: ["event_id"],
        constraints: [.references("event_id", "tito_events")])

    static let view = RecordView<Void>(table, [
        .constant("_type", "_duplication"), .column("status"), .column("title"), .column("slug"),
    ])

    /// E8: copies the event and what the groups copy (releases, questions, activities…), not
    /// its registrations, tickets or answers. The response shows the duplication as it starts.
    static func start(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let now = request.nowMilliseconds
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: "events", in: database)
            var event = scope.event
            event.id = try Identifiers.next("events", in: database)
            event.title = scope.event.title + " Copy"
            event.live = false
            event.securityToken = nil
            event.createdAt = now
            event.updatedAt = now
            event.slug = try Identifiers.uniqueSlug(scope.event.slug + "-copy") { try event.isTaken($0, in: database) }
            try database.insert(event)
            var copy = EventCopy(sourceEventID: scope.event.id, copyEventID: event.id, now: now)
            for group in TitoProvider.groups { try group.duplicate(&copy, in: database) }
            try database.delete(EventDuplication.self, where: "event_id = ?", scope.event.id)
            try database.insert(
                EventDuplication(eventID: scope.event.id, copyEventID: event.id, title: event.title, slug: event.slug, requestedAt: now))
        }
        return .json(["duplication": ["_type": "_duplication", "status": "processing", "title": nil, "slug": nil]], status: 201)
    }

    /// E9: the latest duplication of the event; 404 when there was none.
    static func status(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: "events", in: database)
            guard var duplication = try database.fetchOne(EventDuplication.self, where: "event_id = ?", scope.event.id) else {
                throw TitoError.notFound
            }
            if duplication.status == "processing" {
                duplication.status = "complete"
                try database.update(duplication)
            }
            return try view.single(
                "duplication", "SELECT \(table.selectList()) FROM tito_event_duplications WHERE event_id = ?", [scope.event.id],
                in: database)
        }
    }
}
