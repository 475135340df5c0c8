import Emulation

/// The ticket endpoints T1–T6 (spec §11.15). Paths name a ticket by slug or id; tickets outside
/// the token's mode answer 404. The reads are memoized: a ticket embeds its release, whose
/// `expired`, `upcoming` and `allocatable` are the only fields that read the clock, and
/// `ReleaseState` states the next instant each flips at.
enum TicketEndpoints {
    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/tickets", example: "/biscuit-box/2018/tickets", TicketList.list).memoized(),
        Route(
            "GET", "/{account_slug}/{event_slug}/tickets/{ticket_slug}", example: "/biscuit-box/2018/tickets/ti_dhlR2CSzh59ZLht5ELPkxjg",
            show
        ).memoized(),
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
