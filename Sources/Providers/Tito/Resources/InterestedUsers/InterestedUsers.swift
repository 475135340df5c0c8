import Emulation

/// Interested users: the table, the seed and the endpoints I1–I5 (spec §11.7).
enum InterestedUsers: TitoResourceGroup {
    static let resource = "interested_users"

    static let schema = InterestedUser.table.schema

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        try InterestedUser.loadSeed(seed, "interested_users.json", key: "interested_users", into: database)
        try Identifiers.start("interested_users", at: 125, in: database)
    }

    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/interested_users", example: "/biscuit-box/2018/interested_users", list),
        Route("GET", "/{account_slug}/{event_slug}/interested_users/{interested_user_id}",
              example: "/biscuit-box/2018/interested_users/123", show),
        Route("POST", "/{account_slug}/{event_slug}/interested_users", create),
        Route("PATCH", "/{account_slug}/{event_slug}/interested_users/{interested_user_id}", update),
        Route("DELETE", "/{account_slug}/{event_slug}/interested_users/{interested_user_id}", delete),
    ]

    static let sort = SortSpec(
        default: .init("id", sql: "iu.id"),
        others: [.init("name", sql: "iu.name"), .init("email", sql: "iu.email"), .init("created_at", sql: "iu.created_at")],
        idColumn: "iu.id")

    /// I1: id order, or `search[sort]` by name, email or created_at. The docs' example has no
    /// `meta`; the live service pages this list like every other (spec §15 A15).
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.list(
            request, principal, resource: resource, key: "interested_users", rendering: InterestedUserView.rendering, sort: sort)
    }

    /// I2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.show(
            InterestedUser.self, request, principal, resource: resource, key: "interested_user", rendering: InterestedUserView.rendering)
    }

    /// I3: `email` is required; the same e-mail may register interest twice.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.create(
            request, principal, resource: resource, key: "interested_user", rendering: InterestedUserView.rendering,
            newRecord: { scope, _ in InterestedUser(eventID: scope.event.id, now: request.nowMilliseconds) },
            requireFields: { user, errors in
                if user.email == nil && !errors.has("email") { errors.add("email", ValidationErrors.blank) }
            })
    }

    /// I4: partial.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.update(
            InterestedUser.self, request, principal, resource: resource, key: "interested_user", rendering: InterestedUserView.rendering)
    }

    /// I5.
    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.delete(InterestedUser.self, request, principal, resource: resource)
    }
}
