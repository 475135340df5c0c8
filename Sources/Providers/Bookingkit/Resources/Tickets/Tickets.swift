import Emulation

/// Tickets and participants of orders (spec §5.8, §5.9), in their endpoint forms (with the
/// `order` and `ticket_id` they belong to). `accept_code` and `exclude_code` filter on codes.
enum Tickets {
    static func routes(_ endpoints: Endpoints) -> [Route<BookingkitClient>] {
        [
            endpoints.route("GET", "/orders/{id}/tickets", example: "/orders/\(FixtureIDs.order)/tickets", .ordersRead) { request, client in
                try request.read { database in
                    let order = try OrderAccess.visible(request.parameter("id"), to: client, in: database)
                    var conditions = codes(request, column: "t.code")
                    conditions.add("t.order_id = ?", order.id)
                    var context = OrderRenderContext(endpointForm: true)
                    try OrderEmbeds.prepareTickets(&context, where: "t.order_id = ?", [order.id], in: database)
                    return try array(OrderViews.ticket, select: OrderViews.ticketSelect, alias: "t", conditions, context, database)
                }
            },
            endpoints.route(
                "GET", "/orders/{id}/tickets/{ticket_id}", example: "/orders/\(FixtureIDs.order)/tickets/\(FixtureIDs.ticket)", .ordersRead
            ) { request, client in
                try request.read { database in
                    let ticket = try visibleTicket(request, client, database)
                    var context = OrderRenderContext(endpointForm: true)
                    try OrderEmbeds.prepareTickets(&context, where: "t.id = ?", [ticket.id], in: database)
                    return try BookingkitResponse.single(
                        OrderViews.ticket, "SELECT \(OrderViews.ticketSelect) FROM bookingkit_tickets t WHERE t.id = ?",
                        arguments: [ticket.id], context: context, keeping: request.fieldSelection, in: database)
                }
            },
            endpoints.route(
                "GET", "/orders/{id}/tickets/{ticket_id}/participant_tickets",
                example: "/orders/\(FixtureIDs.order)/tickets/\(FixtureIDs.ticket)/participant_tickets", .ordersRead
            ) { request, client in
                try request.read { database in
                    let ticket = try visibleTicket(request, client, database)
                    var conditions = codes(request, column: "p.code")
                    conditions.add("p.ticket_id = ?", ticket.id)
                    return try array(
                        OrderViews.participant, select: ParticipantRecord.table.selectList(alias: "p"), alias: "p", conditions,
                        OrderRenderContext(endpointForm: true), database)
                }
            },
            endpoints.route(
                "GET", "/orders/{id}/tickets/{ticket_id}/participant_tickets/{participant_ticket_id}",
                example: "/orders/\(FixtureIDs.order)/tickets/\(FixtureIDs.ticket)/participant_tickets/\(FixtureIDs.participant)",
                .ordersRead
            ) { request, client in
                try request.read { database in
                    let ticket = try visibleTicket(request, client, database)
                    return try BookingkitResponse.single(
                        OrderViews.participant,
                        where: "id = ? AND ticket_id = ?",
                        arguments: [request.parameter("participant_ticket_id"), ticket.id],
                        context: OrderRenderContext(endpointForm: true), keeping: request.fieldSelection, in: database)
                }
            },
            endpoints.route("GET", "/participant_tickets", example: "/participant_tickets", .ordersRead) { request, client in
                let query = QueryReader(query: request.query)
                let window = OffsetWindow(offset: try query.integer("offset") ?? 0, limit: try query.integer("limit") ?? ListRequest.defaultLimit)
                return try request.read { database in
                    var conditions = codes(request, column: "p.code")
                    let visible = OrderAccess.condition(for: client)
                    conditions.add("p.order_id IN (SELECT o.id FROM bookingkit_orders o WHERE \(visible.clause))", arguments: visible.arguments)
                    return try array(
                        OrderViews.participant, select: ParticipantRecord.table.selectList(alias: "p"), alias: "p", conditions,
                        OrderRenderContext(endpointForm: true), database, window: window)
                }
            },
        ]
    }

    /// `accept_code` and `exclude_code` (optional, whatever the docs' "required" says, §9.3).
    static func codes(_ request: ProviderRequest, column: String) -> SQLFilter {
        let query = QueryReader(query: request.query)
        var filter = SQLFilter()
        if let codes = query.list("accept_code") { filter.add(column, in: codes) }
        if let codes = query.list("exclude_code") { filter.add(column, notIn: codes) }
        return filter
    }

    /// The ticket of the path, of an order the client sees; 404 otherwise.
    static func visibleTicket(_ request: ProviderRequest, _ client: BookingkitClient, _ database: Database) throws -> TicketRecord {
        let order = try OrderAccess.visible(request.parameter("id"), to: client, in: database)
        guard let ticket = try database.fetchOne(TicketRecord.self, where: "id = ? AND order_id = ?", request.parameter("ticket_id"), order.id)
        else { throw BookingkitError.notFound }
        return ticket
    }

    /// A bare array of the rows of `view`'s table (aliased `alias`, read with `select`) the
    /// conditions select, in creation order; all of them unless `window` says otherwise
    /// (`/participant_tickets` pages leniently).
    private static func array(
        _ view: RecordView<OrderRenderContext>, select: String, alias: String, _ conditions: SQLFilter, _ context: OrderRenderContext,
        _ database: Database, window: OffsetWindow = OffsetWindow(offset: 0, limit: ListRequest.defaultLimit)
    ) throws -> HTTPResponse {
        var json = JSONBuilder()
        try json.array { json in
            _ = try database.page(
                select: select, from: "\(view.table.name) \(alias)", where: conditions, orderBy: "\(alias).rowid", window: window
            ) { cursor in try view.write(cursor, context, to: &json) }
        }
        return BookingkitResponse.body(json.bytes)
    }
}
