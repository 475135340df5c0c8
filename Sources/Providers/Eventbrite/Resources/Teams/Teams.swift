import Emulation

/// Event teams (spec §8.17): list, retrieve, search, create, the password check, and the team's
/// attendees. Teams are as public as their event; their attendees are private to the event's
/// organization.
enum Teams: EventbriteResourceGroup {
    static let tables = [Team.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for team in try seed.records(Team.self, "teams.json", key: "teams") { try database.insert(team) }
    }

    /// Team tokens are 22 base64url characters (§10.10).
    static let tokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/events/{event_id}/teams/", example: "/events/12345/teams/") { request in
                let event = try request.read { try request.readableEvent(in: $0) }
                return try PaginatedList.respond(
                    request, key: "teams", Team.presenter, where: "tm.event_id = ?", [event.id], orderBy: "tm.id",
                    page: try request.page())
            },
            routes.get("/events/{event_id}/teams/search/", example: "/events/12345/teams/search/?term=team_search") { request in
                let event = try request.read { try request.readableEvent(in: $0) }
                let page = try request.page()
                let arguments = QueryArguments(request.query)
                guard let term = arguments.string("term") else { throw ArgumentErrors.single("term", ArgumentErrors.Code.missing) }
                var filter = SQLFilter("tm.event_id = ?", event.id)
                filter.add(containing: term, inAnyOf: ["tm.name"])
                return try PaginatedList.respond(
                    request, key: "teams", Team.searchPresenter, where: filter, orderBy: "tm.id", page: page)
            },
            routes.get("/events/{event_id}/teams/{team_id}/", example: "/events/12345/teams/1/") { request in
                let event = try request.read { try request.readableEvent(in: $0) }
                let id = try request.id("team_id", orNotFound: .team)
                return try EventbriteResponse.one(Team.presenter, where: "tm.id = ? AND tm.event_id = ?", [id, event.id], request, notFound: .notFound(.team))
            },
            routes.get("/events/{event_id}/teams/{team_id}/attendees/", example: "/events/12345/teams/1/attendees/") { request in
                let team = try request.read { try request.team(of: try request.managedEvent(in: $0), in: $0) }
                let page = try request.page()
                var query = AttendeeListQuery(request, base: "a.team_id = ?", team.id)
                query.status()
                return try query.respond(request, page: page)
            },
            routes.post("/events/{event_id}/teams/create/", create),
            routes.post("/events/{event_id}/teams/{team_id}/check_password/") { request in
                let body = try EventbriteBody(request)
                let team = try request.read { try request.team(of: try request.readableEvent(in: $0), in: $0) }
                var fields = body.unwrapped
                fields.rejectUnknown(allowed: ["password"])
                let password = fields.string("password")
                if password.value == nil && !fields.errors.fields.contains(where: { $0.field == "password" }) { fields.missing("password") }
                try fields.check()
                // A team without a password lets anyone join.
                guard !team.hasPassword || password.value == team.password else {
                    throw ArgumentErrors.single("password", ArgumentErrors.Code.invalid)
                }
                return EventbriteResponse.json(["token": .string(team.token)])
            },
        ]
    }

    /// `POST /events/{event_id}/teams/create/` (body without wrapper: `public_event_id`, `name`,
    /// `password`, `preferred_start_time`) → `{"name", "id", "token" (false with a password),
    /// "spots_left"}`.
    private static func create(_ request: EventbriteRequest) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        return try request.write { database in
            let event = try request.readableEvent(in: database)
            var fields = body.unwrapped
            fields.rejectUnknown(allowed: ["public_event_id", "name", "password", "preferred_start_time"])
            switch fields.id("public_event_id") {
            case .value(let id): if id != event.id { fields.invalid("public_event_id") }
            case .null: fields.missing("public_event_id")
            case .absent: if !fields.has("public_event_id") { fields.missing("public_event_id") }
            }
            var team = Team()
            team.eventID = event.id
            if case .value(let name) = fields.string("name") { team.name = name }
            if case .value(let password) = fields.string("password"), !password.isEmpty { team.password = password }
            if case .value(let start) = fields.string("preferred_start_time") { team.preferredStartTime = start }
            try fields.check()
            team.id = try EventbriteID.next(in: database)
            team.token = try database.ids.characters("eventbrite.team_tokens", count: 22, alphabet: tokenAlphabet)
            team.creatorUserID = request.caller.userID
            team.created = EpochSeconds(request.now)
            team.changed = team.created
            try database.insert(team)
            var response = JSONObject()
            response.append("name", .string(team.name))
            response.append("id", .string(String(team.id)))
            response.append("token", team.hasPassword ? false : .string(team.token))
            response.append("spots_left", .int(team.capacity))
            return EventbriteResponse.json(.object(response))
        }
    }
}

extension EventbriteRequest {
    /// The `{team_id}` of `event`: 404 unless it is one of its teams.
    func team(of event: Event, in database: Database) throws -> Team {
        try record(Team.self, "team_id", where: "id = ? AND event_id = ?", event.id, notFound: .team, in: database)
    }
}
