import Emulation

/// F1 and F2: the refunds of an event, those of registrations the token's mode sees (spec §11.10).
enum RefundEndpoints {
    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/refunds", example: "/biscuit-box/2018/refunds", list),
        Route("GET", "/{account_slug}/{event_slug}/refunds/{refund_id}", example: "/biscuit-box/2018/refunds/123456", show),
    ]

    static let sort = SortSpec(
        default: .init("created_at", sql: "f.created_at", direction: .desc), others: [.init("amount", sql: "f.amount")],
        idColumn: "f.id")

    static let source = "tito_refunds AS f JOIN tito_registrations AS g ON g.id = f.registration_id"

    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: "refunds", in: database)
            var filter = SQLFilter("f.event_id = ?", scope.event.id)
            scope.addVisibility(alias: "g", to: &filter)
            let page = try database.listPage(PageRequest(request.query), from: source, alias: "f", where: filter, order: sort.order(request.query))
            let context = try prepared(RenderContext(request, scope, view: request.listView), refunds: page.idList, scope, in: database)
            return try ResourceResponse.list("refunds", meta: page.meta(overallTotal: page.total)) { json in
                try page.write(
                    RegistrationView.refund, select: Refund.table.selectList(alias: "f"), from: "tito_refunds AS f", alias: "f",
                    context: context, in: database, to: &json)
            }
        }
    }

    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: "refunds", in: database)
            guard let id = Int64(request.parameter("refund_id")) else { throw TitoError.notFound }
            return try single(id: id, request, scope, in: database)
        }
    }

    /// `{"refund": …}` with its registration, if the refund is in the event and the token sees it.
    static func single(id: Int64, status: Int = 200, _ request: ProviderRequest, _ scope: EventScope, in database: Database) throws
        -> HTTPResponse
    {
        var filter = SQLFilter("f.id = ?", id)
        filter.add("f.event_id = ?", scope.event.id)
        scope.addVisibility(alias: "g", to: &filter)
        let context = try prepared(RenderContext(request, scope, view: request.singleView), refunds: "[\(id)]", scope, in: database)
        return try RegistrationView.refund.single(
            "refund", "SELECT \(Refund.table.selectList(alias: "f")) FROM \(source) WHERE \(filter.clause)", filter.arguments,
            context: context, status: status, in: database)
    }

    /// The context with the registrations of the refunds `ids` (a JSON array) to embed.
    private static func prepared(_ context: RenderContext, refunds ids: String, _ scope: EventScope, in database: Database) throws
        -> RenderContext
    {
        var context = context
        context.registrations = try RegistrationView.render(
            ids: "SELECT f.registration_id FROM tito_refunds AS f WHERE f.id IN (SELECT value FROM json_each(?))", [ids], event: scope.event.id,
            context: context.forEmbedded(), keyedBy: "id", in: database)
        return context
    }
}
