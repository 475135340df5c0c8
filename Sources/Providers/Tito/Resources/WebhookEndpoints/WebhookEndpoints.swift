import Emulation

/// Webhook endpoints: the table, the seed and the endpoints H1–H5 (spec §11.16). They are stored
/// and served; nothing is delivered to them (outgoing webhooks are optional, spec §16).
enum WebhookEndpoints: TitoResourceGroup {
    static let resource = "webhook_endpoints"

    /// The triggers an endpoint may subscribe to (spec §16); `registration.started` was retired.
    static let triggers = [
        "checkin.created", "ticket.created", "ticket.completed", "ticket.reassigned", "ticket.updated", "ticket.unsnoozed",
        "ticket.unvoided", "ticket.voided", "registration.updated", "registration.finished", "registration.completed",
        "registration.cancelled",
    ]

    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_webhook_endpoints (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES tito_events (id),
            url TEXT NOT NULL,
            included_triggers TEXT NOT NULL DEFAULT '[]',
            custom_data TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS tito_webhook_endpoints_by_event ON tito_webhook_endpoints (event_id, id);
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "webhook_endpoints.json", key: "webhook_endpoints") {
            let created = try record.requiredMilliseconds("created_at")
            try database.run(
                """
                INSERT INTO tito_webhook_endpoints (id, event_id, url, included_triggers, custom_data, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                try record.id(), try record.id("event_id"), try record.requiredText("url"),
                record.jsonText("included_triggers") ?? "[]", record.text("custom_data"), created,
                try record.milliseconds("updated_at", default: created) ?? created)
        }
        try Identifiers.start("webhook_endpoints", at: 2, in: database)
    }

    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/webhook_endpoints", example: "/biscuit-box/2018/webhook_endpoints", list),
        Route("GET", "/{account_slug}/{event_slug}/webhook_endpoints/{id}", example: "/biscuit-box/2018/webhook_endpoints/1", show),
        Route("POST", "/{account_slug}/{event_slug}/webhook_endpoints", create),
        Route("PATCH", "/{account_slug}/{event_slug}/webhook_endpoints/{id}", update),
        Route("DELETE", "/{account_slug}/{event_slug}/webhook_endpoints/{id}", delete),
    ]

    /// H1: id order; `meta` has the pagination keys and `overall_total`, nothing else.
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let page = PageRequest(request.query)
            var filter = SQLFilter()
            filter.add("w.event_id = ?", scope.event.id)
            let result = try database.page(select: "w.*", from: "tito_webhook_endpoints AS w", where: filter, orderBy: "w.id", page: page)
            let view = request.listView
            return ResourceResponse.list(
                "webhook_endpoints", items: result.rows.map { json($0, view: view) },
                meta: PageMeta(page: page, totalCount: result.totalCount, overallTotal: result.totalCount), extraMeta: { _ in })
        }
    }

    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            return ResourceResponse.single("webhook_endpoint", json(try find(request, scope, in: database), view: request.singleView))
        }
    }

    /// H3: `url` and `included_triggers` are required.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let attributes = try Attributes(request, wrapper: "webhook_endpoint")
            var fields = Fields()
            var errors = ValidationErrors()
            fields.apply(attributes, errors: &errors)
            if fields.url.isEmpty && !errors.has("url") { errors.add("url", ValidationErrors.blank) }
            if fields.triggers.isEmpty && !errors.has("included_triggers") {
                errors.add("included_triggers", ValidationErrors.blank)
            }
            try errors.check()
            let id = try Identifiers.next("webhook_endpoints", in: database)
            let now = request.nowMilliseconds
            try database.run(
                """
                INSERT INTO tito_webhook_endpoints (id, event_id, url, included_triggers, custom_data, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, id, scope.event.id, fields.url, fields.triggersText, fields.customData, now, now)
            return ResourceResponse.single("webhook_endpoint", json(try reload(id, in: database), view: request.singleView), status: 201)
        }
    }

    /// H4: partial.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let row = try find(request, scope, in: database)
            let id = Int64(row.int("id") ?? 0)
            let attributes = try Attributes(request, wrapper: "webhook_endpoint")
            if !attributes.object.isEmpty {
                var fields = Fields(row: row)
                var errors = ValidationErrors()
                fields.apply(attributes, errors: &errors)
                try errors.check()
                try database.run(
                    "UPDATE tito_webhook_endpoints SET url = ?, included_triggers = ?, custom_data = ?, updated_at = ? WHERE id = ?",
                    fields.url, fields.triggersText, fields.customData, request.nowMilliseconds, id)
            }
            return ResourceResponse.single("webhook_endpoint", json(try reload(id, in: database), view: request.singleView))
        }
    }

    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let row = try find(request, scope, in: database)
            try database.run("DELETE FROM tito_webhook_endpoints WHERE id = ?", Int64(row.int("id") ?? 0))
        }
        return ResourceResponse.deleted
    }

    /// The writable attributes of an endpoint.
    private struct Fields {
        var url = ""
        var triggers: [String] = []
        var customData: String?

        init() {}

        init(row: Row) {
            url = row.string("url") ?? ""
            triggers = JSONColumn.strings(row.string("included_triggers"))
            customData = row.string("custom_data")
        }

        var triggersText: String { JSONColumn.text(.array(triggers.map(JSONValue.string))) }

        mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors) {
            switch attributes.string("url") {
            case .absent: break
            case .value(let text) where !text.isBlank:
                let trimmed = text.trimmingWhitespace()
                if Self.isWebURL(trimmed) { url = trimmed } else { errors.add("url", ValidationErrors.invalid) }
            default: errors.add("url", ValidationErrors.blank)
            }
            switch attributes.array("included_triggers") {
            case .absent: break
            case .null: errors.add("included_triggers", ValidationErrors.blank)
            case .invalid: errors.add("included_triggers", ValidationErrors.invalid)
            case .value(let elements):
                let names = elements.compactMap(\.stringValue).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
                if names.count != elements.filter({ $0.stringValue?.isBlank != true && $0 != .null }).count
                    || names.contains(where: { !WebhookEndpoints.triggers.contains($0) })
                {
                    errors.add("included_triggers", ValidationErrors.invalid)
                } else if names.isEmpty {
                    errors.add("included_triggers", ValidationErrors.blank)
                } else {
                    triggers = names.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
                }
            }
            switch attributes.string("custom_data") {
            case .absent: break
            case .value(let text): customData = text
            default: customData = nil
            }
        }

        /// An absolute http(s) URL with a host.
        static func isWebURL(_ text: String) -> Bool {
            let lowered = text.lowercased()
            guard let scheme = ["https://", "http://"].first(where: { lowered.hasPrefix($0) }) else { return false }
            let rest = text.dropFirst(scheme.count)
            return !rest.isEmpty && !rest.hasPrefix("/") && !text.contains(where: \.isWhitespace)
        }
    }

    private static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> Row {
        guard let id = Int64(request.parameter("id")),
            let row = try database.queryOne("SELECT * FROM tito_webhook_endpoints WHERE event_id = ? AND id = ?", scope.event.id, id)
        else { throw TitoError.notFound }
        return row
    }

    private static func reload(_ id: Int64, in database: Database) throws -> Row {
        guard let row = try database.queryOne("SELECT * FROM tito_webhook_endpoints WHERE id = ?", id) else {
            throw TitoError.notFound
        }
        return row
    }

    /// The seed's keys (spec §12.16); `deprecated` is always false.
    static func json(_ row: Row, view: View) -> JSONValue {
        let object: JSONValue = [
            "_type": "webhook_endpoint", "id": .int(Int64(row.int("id") ?? 0)), "url": .string(row.string("url")),
            "included_triggers": .array(JSONColumn.strings(row.string("included_triggers")).map(JSONValue.string)),
            "custom_data": .string(row.string("custom_data")), "deprecated": false,
        ]
        return object.marked(view)
    }
}
