import Emulation

/// The ticket endpoints T1–T6 (spec §11.15). Paths name a ticket by slug or id; tickets outside
/// the token's mode answer 404.
enum TicketEndpoints {
    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/tickets", example: "/biscuit-box/2018/tickets", TicketList.list),
        Route("GET", "/{account_slug}/{event_slug}/tickets/{ticket_slug}", example: "/biscuit-box/2018/tickets/ti_dhlR2CSzh59ZLht5ELPkxjg", show),
        Route("POST", "/{account_slug}/{event_slug}/tickets", TicketWrites.create),
        Route("PATCH", "/{account_slug}/{event_slug}/tickets/{ticket_slug}", TicketWrites.update),
        Route("POST", "/{account_slug}/{event_slug}/tickets/{ticket_slug}/reassignments", TicketActions.reassign),
        Route("POST", "/{account_slug}/{event_slug}/tickets/{ticket_slug}/void", TicketActions.void),
    ]

    /// T2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: "tickets", in: database)
            let ticket = try find(request, scope, in: database)
            return try respond(ticket.id, scope: scope, status: 200, request, in: database)
        }
    }

    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> TicketRecord {
        guard let ticket = try TicketRecord.find(request.parameter("ticket_slug"), scope: scope, in: database) else {
            throw TitoError.notFound
        }
        return ticket
    }

    /// `{"ticket": …}`, extended unless `?view=short`.
    static func respond(_ id: Int64, scope: EventScope, status: Int, _ request: ProviderRequest, in database: Database) throws -> HTTPResponse {
        try .json(status: status) { json in
            try json.object { json in
                json.key("ticket")
                try write(id, scope: scope, request, in: database, to: &json)
            }
        }
    }

    /// One ticket with its registration, release and answers.
    static func write(_ id: Int64, scope: EventScope, _ request: ProviderRequest, in database: Database, to json: inout JSONBuilder) throws {
        guard let row = try database.queryOne("SELECT * FROM tito_tickets WHERE id = ?", id) else { throw TitoError.notFound }
        let ticket = TicketRecord(row: row)
        let renderer = try OrderRenderer(scope: scope, now: TitoFormats.milliseconds(request.now), in: database)
        let registration = try RegistrationRecord.find(id: ticket.registrationID, in: database)
        let answers = try AnswerRecord.byTicket([ticket.id], in: database)[ticket.id] ?? []
        renderer.encode(
            ticket, answers: answers, registration: registration, view: View.resolve(request.query, default: .extended),
            embedded: false, to: &json)
    }
}
