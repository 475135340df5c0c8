import Emulation

/// Users (spec §8.1): `/users/me/` and `/users/{user_id}/`, bare User objects. `me` stands for
/// the caller wherever a `{user_id}` appears; another user is 403, an unknown one 404.
enum Users: EventbriteResourceGroup {
    static let tables = [User.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for user in try seed.records(User.self, "users.json", key: "users") { try database.insert(user) }
    }

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/users/me/", example: "/users/me/") { request in
                try EventbriteResponse.one(User.presenter, id: request.caller.userID, request, notFound: .user)
            },
            routes.get("/users/{user_id}/", example: "/users/12345/") { request in
                let id = try request.user()
                return try EventbriteResponse.one(User.presenter, id: id, request, notFound: .user)
            },
        ]
    }

    static func exists(_ id: Int64, in database: Database) throws -> Bool {
        try database.queryOne("SELECT 1 FROM eventbrite_users WHERE id = ?", id) != nil
    }
}

extension EventbriteRequest {
    /// The `{user_id}` of the path, which must be the caller (`me` or their id).
    func user() throws -> Int64 {
        try caller.requireSelf(parameter("user_id")) { id in try read { try Users.exists(id, in: $0) } }
    }
}
