import Emulation

/// E4–E7: create, show, update and delete an event (spec §11.2).
enum EventWrites {
    /// E4.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let account = try Scope.account(request, principal, in: database)
            try principal.requireAccess(to: "events")
            let attributes = try Attributes(request, wrapper: "event")
            var draft = Event(accountID: account.id, now: request.nowMilliseconds)
            var errors = ValidationErrors()
            let requestedSlug = draft.apply(attributes, errors: &errors)
            if !attributes.has("title") { errors.add("title", ValidationErrors.blank) }
            try draft.assignNewSlug(requested: requestedSlug, errors: &errors, in: database)
            try errors.check()
            draft.id = try Identifiers.next("events", in: database)
            try database.insert(draft)
            return try EventView.single(id: draft.id, status: 201, request, principal, in: database)
        }
    }

    /// E5.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: "events", in: database)
            return try EventView.single(id: scope.event.id, status: 200, request, principal, in: database)
        }
    }

    /// E6: partial update; a slug change moves the event to its new slug.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: "events", in: database)
            let attributes = try Attributes(request, wrapper: "event")
            guard !attributes.object.isEmpty else {
                return try EventView.single(id: scope.event.id, status: 200, request, principal, in: database)
            }
            var draft = scope.event
            var errors = ValidationErrors()
            let requestedSlug = draft.apply(attributes, errors: &errors)
            try draft.assignChangedSlug(requested: requestedSlug, errors: &errors, in: database)
            try errors.check()
            draft.updatedAt = request.nowMilliseconds
            try database.update(draft)
            return try EventView.single(id: draft.id, status: 200, request, principal, in: database)
        }
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
            try database.delete(Event.self, where: "id = ?", scope.event.id)
        }
        return .empty(status: 204)
    }
}
