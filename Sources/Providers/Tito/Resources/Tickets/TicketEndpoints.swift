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
        try Ticket.read(request, principal) { database, scope, ticket in
            try TicketView.single(id: ticket.id, request, scope, in: database)
        }
    }
}
