import Emulation

/// Organizations, their members and roles (spec §8.3). Every list pages (§4); roles answer with
/// the continuation-only envelope the seed documents for them.
enum Organizations: EventbriteResourceGroup {
    static let tables = [Organization.table, Member.table, Role.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        let file = "organizations.json"
        for organization in try seed.records(Organization.self, file, key: "organizations") { try database.insert(organization) }
        for member in try seed.records(Member.self, file, key: "members") { try database.insert(member) }
        for role in try seed.records(Role.self, file, key: "roles") { try database.insert(role) }
    }

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/users/me/organizations/", example: "/users/me/organizations/") { request in
                try listOrganizations(of: request.caller.userID, request)
            },
            routes.get("/users/{user_id}/organizations/", example: "/users/12345/organizations/") { request in
                try listOrganizations(of: try request.user(), request)
            },
            routes.get("/organizations/{organization_id}/members/", example: "/organizations/12345/members/") { request in
                let organizationID = try request.memberOrganization()
                return try PaginatedList.respond(
                    request, key: "members", Member.presenter, where: "m.organization_id = ?", [organizationID],
                    orderBy: "m.id", page: try request.page())
            },
            routes.get("/organizations/{organization_id}/roles/", example: "/organizations/12345/roles/") { request in
                let organizationID = try request.memberOrganization()
                return try PaginatedList.respond(
                    request, key: "roles", Role.presenter, where: "r.organization_id = ?", [organizationID],
                    orderBy: "r.id", page: try request.page(), envelope: .continuationOnly)
            },
        ]
    }

    /// The organizations a user belongs to; none is an empty list, not a 404.
    private static func listOrganizations(of userID: Int64, _ request: EventbriteRequest) throws -> HTTPResponse {
        try PaginatedList.respond(
            request, key: "organizations", Organization.presenter,
            where: Member.organizationOfUser("o.id"), [userID], orderBy: "o.id",
            page: try request.page())
    }

    static func exists(_ id: Int64, in database: Database) throws -> Bool {
        try database.queryOne("SELECT 1 FROM eventbrite_organizations WHERE id = ?", id) != nil
    }
}

extension EventbriteRequest {
    /// The `{organization_id}` of the path: 404 when unknown, 403 unless the caller is a member
    /// (spec §3.4: lookup before permission).
    func memberOrganization() throws -> Int64 {
        let id = try self.id("organization_id", orNotFound: .organization)
        guard try read({ try Organizations.exists(id, in: $0) }) else { throw EventbriteError.notFound(.organization) }
        try caller.requireMember(of: id)
        return id
    }
}
