import Emulation

/// Organizer profiles (Appendix A): `GET /organizers/{id}/` (public), and the lists of a user's
/// organizations' organizers. Their events are listed with the other event lists.
enum Organizers: EventbriteResourceGroup {
    static let tables = [Organizer.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for organizer in try seed.records(Organizer.self, "organizers.json", key: "organizers") { try database.insert(organizer) }
    }

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/organizers/{organizer_id}/", example: "/organizers/12345/") { request in
                try EventbriteResponse.one(Organizer.presenter, id: try request.id("organizer_id", orNotFound: .organizer), request, notFound: .organizer)
            },
            routes.get("/users/{user_id}/organizers/", example: "/users/me/organizers/") { request in
                let userID = try request.user()
                return try PaginatedList.respond(
                    request, key: "organizers", Organizer.presenter,
                    where: Member.organizationOfUser("o.organization_id"), [userID],
                    orderBy: "o.id", page: try request.page())
            },
        ]
    }
}

extension EventbriteRequest {
    /// The `{organizer_id}` of the path; organizer profiles are public (§3.3).
    func organizer() throws -> Organizer {
        try read { try record(Organizer.self, "organizer_id", notFound: .organizer, in: $0) }
    }
}
