import Emulation

/// Ticket groups (spec §8.25): retrieve, list, create, update, delete, and the endpoint that puts
/// one ticket class into exactly the groups it names (the spec's only `204`). Only members of
/// the owning organization see or change a group.
enum TicketGroups: EventbriteResourceGroup {
    static let tables = [TicketGroup.table, TicketGroupClass.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        let file = "ticket_groups.json"
        for group in try seed.records(TicketGroup.self, file, key: "ticket_groups") { try database.insert(group) }
        for member in try seed.records(TicketGroupClass.self, file, key: "members") { try database.insert(member) }
    }

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/ticket_groups/{ticket_group_id}/", example: "/ticket_groups/1/") { request in
                let id = try request.id("ticket_group_id", orNotFound: .ticketGroup)
                return try EventbriteResponse.one(
                    TicketGroup.presenter, as: TicketGroup.self, where: "g.id = ?", [id], request,
                    notFound: .notFound(.ticketGroup)
                ) { group, _ in try request.caller.requireMember(of: group.organizationID) }
            },
            routes.post("/organizations/{organization_id}/ticket_groups/") { request in
                try save(request, organizationID: try request.memberOrganization(), existing: nil)
            },
            routes.post("/ticket_groups/{ticket_group_id}/") { request in
                let group = try request.read { try request.ticketGroup(in: $0) }
                return try save(request, organizationID: group.organizationID, existing: group)
            },
            // No other route names this path's ids, so it carries the docs' example itself.
            routes.route(
                "POST", "/organizations/{organization_id}/events/{event_id}/ticket_classes/{ticket_class_id}/ticket_groups/",
                example: "/organizations/1/events/123/ticket_classes/12345/ticket_groups/", setGroups),
            routes.get("/organizations/{organization_id}/ticket_groups/", example: "/organizations/1/ticket_groups/") { request in
                let organizationID = try request.memberOrganization()
                let page = try request.page()
                var arguments = QueryArguments(request.query)
                var filter = SQLFilter("g.organization_id = ?", organizationID)
                // `live` unless told otherwise (A24); `all` is every status.
                let status = arguments.choice("status", of: TicketGroup.statuses.union(["all"])) ?? "live"
                try arguments.errors.check()
                if status != "all" { filter.add("g.status = ?", status) }
                return try PaginatedList.respond(
                    request, key: "ticket_groups", TicketGroup.presenter, where: filter, orderBy: "g.id", page: page)
            },
            routes.delete("/ticket_groups/{ticket_group_id}/") { request in
                try request.write { database in
                    let group = try request.ticketGroup(in: database)
                    try database.run("UPDATE eventbrite_ticket_groups SET status = 'deleted' WHERE id = ?", group.id)
                    return EventbriteResponse.json(["deleted": true])
                }
            },
        ]
    }

    /// Create (`existing` nil) or partial update from `{"ticket_group": {name, status,
    /// event_ticket_ids}}`; `event_ticket_ids` replaces the group's ticket classes.
    private static func save(_ request: EventbriteRequest, organizationID: Int64, existing: TicketGroup?) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let id = try request.write { database -> Int64 in
            var fields = body.wrapper("ticket_group")
            fields.rejectUnknown(allowed: ["name", "status", "event_ticket_ids"])
            var group = existing ?? TicketGroup()
            group.organizationID = organizationID
            switch fields.string("name") {
            case .value(let name): group.name = String(name.prefix(TicketGroup.nameLength))
            case .null: fields.invalid("name")
            case .absent: break
            }
            if let status = fields.oneOf("status", TicketGroup.statuses) { group.status = status }
            let members = try eventTicketIDs(&fields, organizationID: organizationID, in: database)
            try fields.check()
            if group.status == "live" && existing?.status != "live" {
                let live = try database.queryOne(
                    "SELECT COUNT(*) AS n FROM eventbrite_ticket_groups WHERE organization_id = ? AND status = 'live'", organizationID
                )?.int("n") ?? 0
                if live >= TicketGroup.liveLimit {
                    throw EventbriteError.rule("EXCEEDS_LIMIT", "You have reached the maximum number of 300 ticket groups allowed")
                }
            }
            if existing == nil {
                group.id = try EventbriteID.next(in: database)
                try database.insert(group)
            } else {
                try database.update(group)
            }
            if let members {
                try database.delete(TicketGroupClass.self, where: "ticket_group_id = ?", group.id)
                for (event, ticketClass) in members {
                    try database.insert(TicketGroupClass(ticketGroupID: group.id, eventID: event, ticketClassID: ticketClass))
                }
            }
            return group.id
        }
        return try EventbriteResponse.one(TicketGroup.presenter, id: id, request, notFound: .ticketGroup)
    }

    /// `event_ticket_ids`: `{"<event_id>": ["<ticket_class_id>", …]}`, as an object or as JSON
    /// text; every event must be the organization's and every ticket class its event's.
    private static func eventTicketIDs(
        _ fields: inout BodyFields, organizationID: Int64, in database: Database
    ) throws -> [(Int64, Int64)]? {
        switch fields.object("event_ticket_ids") {
        case .value(let nested):
            var members: [(Int64, Int64)] = []
            for (key, value) in nested.object {
                guard let event = EventbriteID.parse(key), let ids = value.arrayValue,
                    try database.queryOne(
                        "SELECT 1 FROM eventbrite_events WHERE id = ? AND organization_id = ? AND NOT is_deleted", event, organizationID)
                        != nil
                else {
                    fields.invalid("event_ticket_ids")
                    return nil
                }
                for value in ids {
                    guard let id = EventbriteID.parse(value),
                        try database.queryOne(
                            "SELECT 1 FROM eventbrite_ticket_classes WHERE event_id = ? AND id = ? AND NOT is_deleted", event, id) != nil
                    else {
                        fields.invalid("event_ticket_ids")
                        return nil
                    }
                    if !members.contains(where: { $0 == (event, id) }) { members.append((event, id)) }
                }
            }
            return members
        case .null: return []
        case .absent: return nil
        }
    }

    /// `POST /organizations/{organization_id}/events/{event_id}/ticket_classes/{ticket_class_id}/ticket_groups/`
    /// with `{"ticket_group_ids": [...]}`: the ticket class ends up in exactly those groups of the
    /// organization; none (or no list) takes it out of all of them. Answers `204`.
    private static func setGroups(_ request: EventbriteRequest) throws -> HTTPResponse {
        let organizationID = try request.memberOrganization()
        let body = try EventbriteBody(request)
        try request.write { database in
            let event = try request.managedEvent(in: database)
            guard event.organizationID == organizationID else { throw EventbriteError.notFound(.event) }
            let ticketClass = try request.ticketClass(of: event, in: database)
            var fields = body.unwrapped
            var groups: [Int64] = []
            switch fields.list("ticket_group_ids") {
            case .value(let values):
                for value in values {
                    guard let id = EventbriteID.parse(value),
                        try database.queryOne(
                            "SELECT 1 FROM eventbrite_ticket_groups WHERE id = ? AND organization_id = ? AND status <> 'deleted'", id,
                            organizationID) != nil
                    else {
                        fields.invalid("ticket_group_ids")
                        break
                    }
                    if !groups.contains(id) { groups.append(id) }
                }
            case .null, .absent: break
            }
            try fields.check()
            try database.run(
                """
                DELETE FROM eventbrite_ticket_group_classes WHERE event_id = ? AND ticket_class_id = ?
                AND ticket_group_id IN (SELECT id FROM eventbrite_ticket_groups WHERE organization_id = ?)
                """, event.id, ticketClass.id, organizationID)
            for group in groups {
                try database.insert(TicketGroupClass(ticketGroupID: group, eventID: event.id, ticketClassID: ticketClass.id))
            }
        }
        return .empty(status: 204)
    }
}

extension EventbriteRequest {
    /// The `{ticket_group_id}` of the path: 404 when unknown (deleted groups are still found),
    /// 403 unless the caller is a member of its organization.
    func ticketGroup(in database: Database) throws -> TicketGroup {
        let group = try record(TicketGroup.self, "ticket_group_id", notFound: .ticketGroup, in: database)
        try caller.requireMember(of: group.organizationID)
        return group
    }
}
