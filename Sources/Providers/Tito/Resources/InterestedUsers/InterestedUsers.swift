import Emulation

/// Interested users: the table, the seed and the endpoints I1–I5 (spec §11.7).
enum InterestedUsers: TitoResourceGroup {
    static let tables = [GroupTable(InterestedUser.self, nextID: 125)]

    /// I1–I5: id order, or `search[sort]` by name, email or created_at; `email` is required, and
    /// the same e-mail may register interest twice. The docs' list example has no `meta`; the
    /// live service pages this list like every other (spec §15 A15).
    static let endpoints = EventRecordEndpoints<InterestedUser>(
        path: "interested_users", resource: "interested_users", listKey: "interested_users", singleKey: "interested_user",
        rendering: InterestedUserView.rendering,
        sort: SortSpec(
            default: .init("id", sql: "iu.id"),
            others: [.init("name", sql: "iu.name"), .init("email", sql: "iu.email"), .init("created_at", sql: "iu.created_at")],
            idColumn: "iu.id"),
        example: ("interested_users", "123"),
        requireFields: { user, errors in
            if user.email == nil && !errors.has("email") { errors.add("email", ValidationErrors.blank) }
        })

    static var routes: [Route<TitoPrincipal>] { endpoints.routes }
}
