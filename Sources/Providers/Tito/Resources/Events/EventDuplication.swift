import Emulation

/// E8 and E9: duplicating an event and polling for the result (spec §11.2). The copy is made at
/// once; its status reads `processing` until the next poll, which reports it `complete`. The
/// `_type` is `_duplication`, the value pytito checks for (spec §15 A3).
enum EventDuplication {
    static let typeName = "_duplication"

    /// E8: copies the event and what the groups copy (releases, questions, activities…), not
    /// its registrations, tickets or answers.
    static func start(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let now = TitoFormats.milliseconds(request.now)
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: "events", in: database)
            var draft = EventDraft(scope.event)
            draft.id = try Identifiers.next("events", in: database)
            draft.title = scope.event.title + " Copy"
            draft.live = false
            draft.securityToken = nil
            draft.createdAt = now
            draft.updatedAt = now
            let base = scope.event.slug + "-copy"
            draft.slug = try Identifiers.uniqueSlug(base) { try draft.isTaken($0, in: database) }
            try draft.insert(into: database)
            var copy = EventCopy(sourceEventID: scope.event.id, copyEventID: draft.id, now: now)
            for group in TitoProvider.groups { try group.duplicate(&copy, in: database) }
            try database.run(
                """
                INSERT INTO tito_event_duplications (event_id, status, copy_event_id, title, slug, requested_at)
                VALUES (?1, 'processing', ?2, ?3, ?4, ?5)
                ON CONFLICT (event_id) DO UPDATE SET status = 'processing', copy_event_id = ?2, title = ?3, slug = ?4,
                    requested_at = ?5
                """, scope.event.id, draft.id, draft.title, draft.slug, now)
        }
        return response(status: "processing", title: nil, slug: nil, httpStatus: 201)
    }

    /// E9: the latest duplication of the event; 404 when there was none.
    static func status(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let row = try request.write { database -> Row in
            let scope = try Scope.event(request, principal, resource: "events", in: database)
            try database.run(
                "UPDATE tito_event_duplications SET status = 'complete' WHERE event_id = ? AND status = 'processing'",
                scope.event.id)
            guard let row = try database.queryOne(
                "SELECT status, title, slug FROM tito_event_duplications WHERE event_id = ?", scope.event.id)
            else { throw TitoError.notFound }
            return row
        }
        return response(status: row.string("status") ?? "complete", title: row.string("title"), slug: row.string("slug"), httpStatus: 200)
    }

    private static func response(status: String, title: String?, slug: String?, httpStatus: Int) -> HTTPResponse {
        .json(status: httpStatus) { json in
            json.object { json in
                json.object("duplication") { json in
                    json.field("_type", typeName)
                    json.field("status", status)
                    json.field("title", title)
                    json.field("slug", slug)
                }
            }
        }
    }
}
