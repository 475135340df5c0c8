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
            var filter = SQLFilter()
            filter.add("f.event_id = ?", scope.event.id)
            scope.addVisibility(alias: "g", to: &filter)
            let page = PageRequest(request.query)
            let result = try database.page(
                select: "f.*", from: source, where: filter, orderBy: sort.orderBy(request.query), window: page.window, total: .count)
            let refunds = result.items.map(RefundRecord.init(row:))
            let registrations = try RegistrationRecord.all(ids: refunds.map(\.registrationID), in: database)
            let renderer = try OrderRenderer(scope: scope, now: TitoFormats.milliseconds(request.now), in: database)
            let view = View.resolve(request.query, default: .short)
            return .json { json in
                json.object { json in
                    json.field("refunds", array: { json in
                        for refund in refunds {
                            renderer.encode(refund, registration: registrations[refund.registrationID], view: view, to: &json)
                        }
                    })
                    json.object("meta") { json in
                        PageMeta(page: page, totalCount: result.total, overallTotal: result.total).write(to: &json)
                        ListMeta.writeEmptyFilterOptions(to: &json)
                    }
                }
            }
        }
    }

    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: "refunds", in: database)
            guard let id = Int64(request.parameter("refund_id")) else { throw TitoError.notFound }
            return try respond(id, scope: scope, status: 200, request, in: database)
        }
    }

    /// `{"refund": …}` with its registration, if the refund is in the event and the token sees it.
    static func respond(_ id: Int64, scope: EventScope, status: Int, _ request: ProviderRequest, in database: Database) throws -> HTTPResponse {
        guard let row = try database.queryOne("SELECT * FROM tito_refunds WHERE id = ? AND event_id = ?", id, scope.event.id) else {
            throw TitoError.notFound
        }
        let refund = RefundRecord(row: row)
        guard let registration = try RegistrationRecord.find(id: refund.registrationID, in: database),
            scope.isVisible(testMode: registration.testMode)
        else { throw TitoError.notFound }
        let renderer = try OrderRenderer(scope: scope, now: TitoFormats.milliseconds(request.now), in: database)
        let view = View.resolve(request.query, default: .extended)
        return .json(status: status) { json in
            json.object { json in
                json.key("refund")
                renderer.encode(refund, registration: registration, view: view, to: &json)
            }
        }
    }
}
