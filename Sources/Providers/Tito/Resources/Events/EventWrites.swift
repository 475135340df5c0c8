import Emulation

/// E4–E7: create, show, update and delete an event (spec §11.2).
enum EventWrites {
    /// E4.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let now = TitoFormats.milliseconds(request.now)
        let id = try request.write { database -> Int64 in
            let account = try Scope.account(request, principal, in: database)
            try principal.requireAccess(to: "events")
            let attributes = try Attributes(request, wrapper: "event")
            var draft = EventDraft(accountID: account.id, now: now)
            var errors = ValidationErrors()
            let requestedSlug = draft.apply(attributes, errors: &errors)
            if !attributes.has("title") { errors.add("title", ValidationErrors.blank) }
            if let requestedSlug {
                try check(requestedSlug, of: draft, errors: &errors, in: database)
                draft.slug = requestedSlug
            } else if !draft.title.isBlank {
                var base = Identifiers.parameterize(draft.title)
                if base.isEmpty { base = try Identifiers.fallbackSlug(in: database) }
                draft.slug = try Identifiers.uniqueSlug(base) { try draft.isTaken($0, in: database) }
            }
            try errors.check()
            draft.id = try Identifiers.next("events", in: database)
            try draft.insert(into: database)
            return draft.id
        }
        return try respond(eventID: id, status: 201, request, principal)
    }

    /// E5.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let scope = try request.read { try Scope.event(request, principal, resource: "events", in: $0) }
        return try respond(eventID: scope.event.id, status: 200, request, principal)
    }

    /// E6: partial update; a slug change moves the event to its new slug.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let id = try request.write { database -> Int64 in
            let scope = try Scope.event(request, principal, resource: "events", in: database)
            let attributes = try Attributes(request, wrapper: "event")
            guard !attributes.object.isEmpty else { return scope.event.id }
            var draft = EventDraft(scope.event)
            var errors = ValidationErrors()
            if let requestedSlug = draft.apply(attributes, errors: &errors), requestedSlug != scope.event.slug {
                try check(requestedSlug, of: draft, errors: &errors, in: database)
                draft.slug = requestedSlug
            }
            try errors.check()
            draft.updatedAt = TitoFormats.milliseconds(request.now)
            try draft.update(in: database)
            return draft.id
        }
        return try respond(eventID: id, status: 200, request, principal)
    }

    /// E7: removes the event and every record of it: each table with an `event_id` column.
    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: "events", in: database)
            try database.execute("PRAGMA defer_foreign_keys = ON")
            for table in try database.tableNames(withPrefix: "tito_") where table != "tito_events" {
                let hasEventColumn = try database.query("SELECT name FROM pragma_table_info(?)", table)
                    .contains { $0.string("name") == "event_id" }
                if hasEventColumn { try database.run("DELETE FROM \"\(table)\" WHERE event_id = ?", scope.event.id) }
            }
            try database.run("DELETE FROM tito_events WHERE id = ?", scope.event.id)
        }
        return .empty(status: 204)
    }

    /// A slug the client chose: lowercase letters, digits, `-` and `_`, not used in the account.
    private static func check(_ slug: String, of draft: EventDraft, errors: inout ValidationErrors, in database: Database) throws {
        guard !slug.isEmpty, slug.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" })
        else {
            errors.add("slug", ValidationErrors.invalid)
            return
        }
        if try draft.isTaken(slug, in: database) { errors.add("slug", ValidationErrors.taken) }
    }

    static func respond(eventID: Int64, status: Int, _ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            guard let event = try EventRecord.find(id: eventID, in: database) else { throw TitoError.notFound }
            let renderer = EventRenderer(principal: principal, now: TitoFormats.milliseconds(request.now))
            let view = View.resolve(request.query, default: .extended)
            return try .json(status: status) { json in
                try json.object { json in
                    json.key("event")
                    try renderer.encode(event, view: view, in: database, to: &json)
                }
            }
        }
    }
}
