import Emulation

/// `PATCH /orders/{id}` (spec §5.5 E36, §7.4): customer fields, the status (with what follows
/// from it), and edits to tickets, participants, voucher purchases and product lines. An item
/// with the id of one of the order's items changes it; any other item is added (so the seed's
/// update sample, whose ids are partly made up, replays). All of it lands, or none of it.
enum OrderUpdate {
    static let statuses = ["ACCEPTED", "CANCELED", "PENDING", "DECLINED", "OPEN", "RESERVED"]

    /// The order first (404, 401), then the body (400), as the spec orders its checks (§2.3).
    static func update(_ request: ProviderRequest, _ client: BookingkitClient) throws -> HTTPResponse {
        try request.write { database in
            var order = try OrderAccess.writable(request.parameter("id"), by: client, in: database)
            let body = try BookingkitBody.object(request)
            let expireDate = try body.dateTime("expire_date")
            let status = try body.oneOf("status", statuses).flatMap(OrderRecord.Status.init(rawValue:))
            let tickets = try body.objects("tickets")?.map(TicketInput.init) ?? []
            let voucherOrders =
                try body.objects("voucherOrders", wrapsSingle: true)?.map { try VoucherOrderInput($0, requireVoucher: false) } ?? []
            let products = try body.objects("products")?.map { try ProductLineInput($0, requireAmount: false) } ?? []
            let now = DateTime(request.now)
            if let status { try OrderTransitions.check(from: order.status, to: status) }
            let ledger = try SeatLedger.open(order: order.id, in: database)
            try OrderFields.apply(body, to: &order)
            if let expireDate { order.expireDate = expireDate }

            var booking = TicketBooking(orderID: order.id, vendorID: order.vendorID, client: client, database: database)
            let newItemStatus = TicketRecord.Status(rawValue: (status ?? order.status).rawValue) ?? .accepted
            for input in tickets {
                if let id = input.id, let existing = try database.fetchOne(TicketRecord.self, where: "id = ? AND order_id = ?", id, order.id) {
                    try edit(existing, with: input, booking: &booking, now: now)
                } else {
                    try booking.addTicket(input, defaultStatus: newItemStatus, now: now)
                }
            }
            try editVoucherOrders(voucherOrders, of: order, database: database)
            try editProducts(products, of: order, booking: &booking, database: database, now: now)

            let target = try status ?? (allTicketsCanceled(order, database: database) ? .canceled : order.status)
            if target.isFinal && !order.status.isFinal {
                try ledger.settle(now: now, in: database)
                try database.update(order)
                try OrderTransitions.cancel(order, to: target, at: order.cancellationDate ?? now, now: now, in: database)
                return try OrderResponses.single(order.id, in: database)
            }
            if target == .reserved { order.expireDate = try ReservationRules.expiry(order.expireDate, now: now) }
            try OrderTransitions.change(&order, to: target, in: database)
            try ledger.settle(now: now, in: database)
            order.totalInvoice = try OrderTotal.compute(order: order, in: database)
            order.updatedAt = now
            try database.update(order)
            return try OrderResponses.single(order.id, in: database)
        }
    }

    /// Changes a ticket of the order: its status (canceling releases its participants' seats;
    /// nothing canceled comes back), comment, date (another date of the vendor) and participants.
    private static func edit(_ ticket: TicketRecord, with input: TicketInput, booking: inout TicketBooking, now: DateTime) throws {
        let database = booking.database
        var ticket = ticket
        let wasCanceled = ticket.status == .canceled || ticket.status == .declined
        if let status = input.status, status != ticket.status {
            if wasCanceled { throw BookingkitError.businessRule("Ticket \"\(ticket.id)\" is canceled and cannot be reactivated") }
            ticket.status = status
            if status == .canceled {
                ticket.cancellationDate = now
                try database.run(
                    "UPDATE bookingkit_participants SET status = 'CANCELED', cancellation_date = ? WHERE ticket_id = ? AND status = 'ACCEPTED'",
                    now, ticket.id)
            }
        }
        if let comment = input.comment { ticket.comment = comment }
        if let dateID = input.dateID, dateID != ticket.dateID {
            let (date, event) = try booking.bookableDate(dateID)
            ticket.dateID = date.id
            ticket.eventID = event.id
        }
        try database.update(ticket)
        guard let participants = input.participants else { return }
        let (date, event) = try dateAndEvent(of: ticket, database: database)
        for participant in participants {
            if let id = participant.id,
                var existing = try database.fetchOne(ParticipantRecord.self, where: "id = ? AND ticket_id = ?", id, ticket.id)
            {
                try edit(&existing, with: participant, booking: booking, date: date, event: event, now: now)
                try database.update(existing)
            } else {
                let price = try booking.price(for: participant, at: date, of: event)
                try booking.addParticipant(participant, price: price, to: ticket, now: now)
            }
        }
    }

    private static func edit(
        _ participant: inout ParticipantRecord, with input: ParticipantInput, booking: TicketBooking, date: DateRecord,
        event: EventRecord, now: DateTime
    ) throws {
        if let status = input.status, status != participant.status {
            guard status == .canceled else {
                throw BookingkitError.businessRule("Participant \"\(participant.id)\" is canceled and cannot be reactivated")
            }
            participant.status = .canceled
            participant.cancellationDate = now
        }
        if let name = input.name { participant.name = name }
        if let email = input.email { participant.email = email }
        if let phone = input.phone { participant.phone = phone }
        if let comment = input.comment { participant.comment = comment }
        if let code = input.code { participant.code = code }
        if let checkedIn = input.checkedIn { participant.checkedIn = checkedIn }
        if input.sentPriceID || input.priceValue != nil {
            participant.book(at: try booking.price(for: input, at: date, of: event))
        }
    }

    /// Voucher purchases: one of the order's by id changes status; one without an id is added.
    private static func editVoucherOrders(_ inputs: [VoucherOrderInput], of order: OrderRecord, database: Database) throws {
        var added: [VoucherOrderInput] = []
        for input in inputs {
            if let id = input.id, var existing = try database.fetchOne(VoucherOrderRecord.self, where: "id = ? AND order_id = ?", id, order.id) {
                if let status = input.status { existing.status = status }
                try database.update(existing)
            } else if input.value != nil {
                added.append(input)
            }
        }
        try OrderItems.addVoucherOrders(added, to: order, database: database)
    }

    /// Product lines: the order's line of a product changes (stock follows the amount); a
    /// product the order does not hold yet is added.
    private static func editProducts(
        _ inputs: [ProductLineInput], of order: OrderRecord, booking: inout TicketBooking, database: Database, now: DateTime
    ) throws {
        var added: [ProductLineInput] = []
        for input in inputs {
            guard var line = try database.fetchOne(ProductLineRecord.self, where: "order_id = ? AND product_id = ?", order.id, input.productID)
            else {
                added.append(input)
                continue
            }
            if let status = input.status { line.status = status }
            if let amount = input.amount { line.amount = amount }
            if let price = input.price { line.price = price }
            if let title = input.title { line.title = title }
            try database.update(line)
        }
        try OrderItems.addProducts(added, to: order, booking: &booking, database: database, now: now)
    }

    /// Whether the order had tickets and all are canceled now, with no live voucher, product or
    /// flex line left — then it is canceled itself (§7.4).
    private static func allTicketsCanceled(_ order: OrderRecord, database: Database) throws -> Bool {
        let live = "order_id = ?1 AND status NOT IN ('CANCELED', 'DECLINED')"
        let sql = """
            SELECT EXISTS (SELECT 1 FROM bookingkit_tickets WHERE order_id = ?1)
                AND NOT EXISTS (SELECT 1 FROM bookingkit_tickets WHERE \(live))
                AND NOT EXISTS (SELECT 1 FROM bookingkit_product_lines WHERE \(live))
                AND NOT EXISTS (SELECT 1 FROM bookingkit_voucher_orders WHERE \(live))
                AND NOT EXISTS (SELECT 1 FROM bookingkit_flex_tickets WHERE \(live)) AS canceled
            """
        return try database.queryOne(sql, order.id)?.int("canceled") == 1
    }

    private static func dateAndEvent(of ticket: TicketRecord, database: Database) throws -> (DateRecord, EventRecord) {
        guard let date = try database.fetchOne(DateRecord.self, where: "id = ?", ticket.dateID),
            let event = try database.fetchOne(EventRecord.self, where: "id = ?", date.eventID)
        else { throw BookingkitError.businessRule("Date \"\(ticket.dateID)\" not found") }
        return (date, event)
    }
}
