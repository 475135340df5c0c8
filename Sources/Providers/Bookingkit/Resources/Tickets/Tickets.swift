import Emulation

/// Tickets and participants of orders (spec §5.8, §5.9), in their endpoint forms (with the
/// `order` and `ticket_id` they belong to). `accept_code` and `exclude_code` filter on codes.
enum Tickets {
    static func routes(_ endpoints: Endpoints) -> [Route<BookingkitClient>] {
        [
            endpoints.route("GET", "/orders/{id}/tickets", example: "/orders/\(FixtureIDs.order)/tickets", .ordersRead) { request, client in
                try request.read { database in
                    let order = try OrderAccess.visible(request.parameter("id"), to: client, in: database)
                    var conditions = CodeFilter(request, column: "t.code")
                    conditions.add("t.order_id = ?", order.id)
                    return try array(OrderViews.ticket, table: TicketRecord.table, alias: "t", conditions, database)
                }
            },
            endpoints.route(
                "GET", "/orders/{id}/tickets/{ticket_id}", example: "/orders/\(FixtureIDs.order)/tickets/\(FixtureIDs.ticket)", .ordersRead
            ) { request, client in
                try request.read { database in
                    let ticket = try visibleTicket(request, client, database)
                    return try BookingkitResponse.single(
                        OrderViews.ticket, "SELECT \(TicketRecord.table.selectList()) FROM bookingkit_tickets WHERE id = ?",
                        arguments: [ticket.id], context: OrderRenderContext(database: database, endpointForm: true),
                        keeping: request.fieldSelection, in: database)
                }
            },
            endpoints.route(
                "GET", "/orders/{id}/tickets/{ticket_id}/participant_tickets",
                example: "/orders/\(FixtureIDs.order)/tickets/\(FixtureIDs.ticket)/participant_tickets", .ordersRead
            ) { request, client in
                try request.read { database in
                    let ticket = try visibleTicket(request, client, database)
                    var conditions = CodeFilter(request, column: "p.code")
                    conditions.add("p.ticket_id = ?", ticket.id)
                    return try array(OrderViews.participant, table: ParticipantRecord.table, alias: "p", conditions, database)
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
                        "SELECT \(ParticipantRecord.table.selectList()) FROM bookingkit_participants WHERE id = ? AND ticket_id = ?",
                        arguments: [request.parameter("participant_ticket_id"), ticket.id],
                        context: OrderRenderContext(database: database, endpointForm: true), keeping: request.fieldSelection, in: database)
                }
            },
            endpoints.route("GET", "/participant_tickets", example: "/participant_tickets", .ordersRead) { request, client in
                let query = QueryReader(query: request.query)
                let limit = try query.integer("limit")
                let offset = try query.integer("offset") ?? 0
                return try request.read { database in
                    var conditions = CodeFilter(request, column: "p.code")
                    let visible = OrderAccess.condition(for: client)
                    conditions.add("p.order_id IN (SELECT o.id FROM bookingkit_orders o WHERE \(visible.sql))", arguments: visible.arguments)
                    return try array(
                        OrderViews.participant, table: ParticipantRecord.table, alias: "p", conditions, database,
                        page: (limit ?? ListRequest.defaultLimit, offset))
                }
            },
        ]
    }

    /// The ticket of the path, of an order the client sees; 404 otherwise.
    static func visibleTicket(_ request: ProviderRequest, _ client: BookingkitClient, _ database: Database) throws -> TicketRecord {
        let order = try OrderAccess.visible(request.parameter("id"), to: client, in: database)
        guard let ticket = try database.fetchOne(TicketRecord.self, where: "id = ? AND order_id = ?", request.parameter("ticket_id"), order.id)
        else { throw BookingkitError.notFound }
        return ticket
    }

    /// A bare array of the rows of `table` the conditions select, in creation order, in endpoint form.
    private static func array(
        _ view: RecordView<OrderRenderContext>, table: RecordTable, alias: String, _ conditions: CodeFilter, _ database: Database,
        page: (limit: Int64, offset: Int64)? = nil
    ) throws -> HTTPResponse {
        var json = JSONBuilder()
        let paging = page == nil ? "" : " LIMIT ? OFFSET ?"
        let arguments = conditions.arguments + (page.map { [$0.limit, $0.offset] as [any SQLiteBindable] } ?? [])
        try json.array { json in
            try database.write(
                view,
                "SELECT \(table.selectList(alias: alias)) FROM \(table.name) \(alias) WHERE \(conditions.sql) ORDER BY \(alias).rowid\(paging)",
                arguments: arguments, context: OrderRenderContext(database: database, endpointForm: true), to: &json)
        }
        return BookingkitResponse.body(json.bytes)
    }
}

/// `accept_code` and `exclude_code` (optional, whatever the docs' "required" says, §9.3), and
/// the conditions a ticket or participant list adds to them.
struct CodeFilter {
    private(set) var conditions: [String] = []
    private(set) var arguments: [any SQLiteBindable] = []

    init(_ request: ProviderRequest, column: String) {
        let query = QueryReader(query: request.query)
        if let codes = query.list("accept_code") { add("\(column) IN (SELECT value FROM json_each(?))", ListRequest.jsonArray(codes)) }
        if let codes = query.list("exclude_code") { add("\(column) NOT IN (SELECT value FROM json_each(?))", ListRequest.jsonArray(codes)) }
    }

    mutating func add(_ condition: String, _ values: any SQLiteBindable...) {
        add(condition, arguments: values)
    }

    mutating func add(_ condition: String, arguments values: [any SQLiteBindable]) {
        conditions.append(condition)
        arguments += values
    }

    var sql: String { conditions.isEmpty ? "1" : conditions.joined(separator: " AND ") }
}
