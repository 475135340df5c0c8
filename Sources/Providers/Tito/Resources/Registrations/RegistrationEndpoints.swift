import Emulation

/// The registration endpoints R1–R8 (spec §11.11). Paths name a registration by slug or id;
/// registrations outside the token's mode answer 404.
enum RegistrationEndpoints {
    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/registrations", example: "/biscuit-box/2018/registrations", RegistrationList.list),
        Route(
            "GET", "/{account_slug}/{event_slug}/registrations/{registration_slug}",
            example: "/biscuit-box/2018/registrations/reg_test_ds7qNqJ4s4doDMeh1VogTrw", show),
        Route("POST", "/{account_slug}/{event_slug}/registrations", RegistrationCreation.create),
        Route("PATCH", "/{account_slug}/{event_slug}/registrations/{registration_slug}", RegistrationUpdates.update),
        Route("POST", "/{account_slug}/{event_slug}/registrations/{registration_slug}/confirmations", RegistrationUpdates.markPaid),
        Route("DELETE", "/{account_slug}/{event_slug}/registrations/{registration_slug}/confirmations", RegistrationUpdates.markUnpaid),
        Route("POST", "/{account_slug}/{event_slug}/registrations/{registration_slug}/refunds", RegistrationActions.refund),
        Route("POST", "/{account_slug}/{event_slug}/registrations/{registration_slug}/cancellation", RegistrationActions.cancel),
    ]

    /// R2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: "registrations", in: database)
            let registration = try find(request, scope, in: database)
            return try respond(registration.id, scope: scope, status: 200, request, in: database)
        }
    }

    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> RegistrationRecord {
        guard let registration = try RegistrationRecord.find(request.parameter("registration_slug"), scope: scope, in: database) else {
            throw TitoError.notFound
        }
        return registration
    }

    /// `{"registration": …}`, extended unless `?view=short`, with its tickets, receipt, refunds and line items.
    static func respond(_ id: Int64, scope: EventScope, status: Int, _ request: ProviderRequest, in database: Database) throws -> HTTPResponse {
        guard let registration = try RegistrationRecord.find(id: id, in: database) else { throw TitoError.notFound }
        let tickets = try TicketRecord.all(ofRegistrations: [id], in: database)[id] ?? []
        let refunds = try RefundRecord.all(ofRegistrations: [id], in: database)[id] ?? []
        let answers = try AnswerRecord.byTicket(tickets.map(\.id), in: database)
        let renderer = try OrderRenderer(scope: scope, now: TitoFormats.milliseconds(request.now), in: database)
        let view = View.resolve(request.query, default: .extended)
        return .json(status: status) { json in
            json.object { json in
                json.key("registration")
                renderer.encode(registration, tickets: tickets, refunds: refunds, answers: answers, view: view, embedded: false, to: &json)
            }
        }
    }
}
