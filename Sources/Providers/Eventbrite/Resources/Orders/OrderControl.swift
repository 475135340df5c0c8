import Emulation

/// The mock's own order endpoints under `/_understudy/eventbrite/` (spec §12): no public
/// endpoint sells tickets, so tests place orders here, then refund them or check attendees in
/// and out, and watch the API's counters follow.
///
///     POST /_understudy/eventbrite/orders
///     {"event_id": "12345", "first_name": "A", "last_name": "B", "email": "a@b.c",
///      "buyer_user_id": null, "promo_code": null, "status": "placed", "team_id": null,
///      "tickets": [{"ticket_class_id": "12345", "quantity": 2, "hold_id": null, "amount": null,
///                   "answers": {"642123456": "Choice 1", "20090892": "My answer"}}]}
///     → {"order_id": "…", "attendee_ids": ["…"], "status": "placed"}
///
/// Capacity, holds, discount limits and the stock of question choices are enforced (`400
/// ARGUMENTS_ERROR`, as the API answers argument errors), costs follow `FeeSchedule`. Each
/// ticket of a line answers its custom questions as the line says (`AnswerInput`).
enum OrderControl {
    static let routes = [
        ControlRoute("POST", "/orders", place),
        ControlRoute("POST", "/orders/{order_id}/refund", refund),
        ControlRoute("POST", "/attendees/{attendee_id}/check_in") { try checkIn($0, checkedIn: true) },
        ControlRoute("POST", "/attendees/{attendee_id}/check_out") { try checkIn($0, checkedIn: false) },
    ]

    /// One line of the order's `tickets`.
    private struct Line {
        var ticket: EventInventory.Ticket
        var quantity: Int64
        var holdID: String?
        var amount: Int64?
        var answers: [Attendee.Answer]
    }

    static func place(_ request: ProviderRequest) throws -> HTTPResponse {
        let body = try request.http.controlObjectBody()
        var fields = BodyFields(prefix: nil, object: body, strict: true)
        fields.rejectUnknown(allowed: [
            "event_id", "first_name", "last_name", "email", "buyer_user_id", "promo_code", "status", "team_id", "tickets",
        ])
        let now = Int64(request.now.timeIntervalSince1970.rounded(.down))
        return try request.write { database in
            var event: Event?
            switch fields.id("event_id") {
            case .value(let id):
                event = try Event.find(id, in: database)
                if event == nil { fields.invalid("event_id") }
            case .null, .absent: fields.missing("event_id")
            }
            let firstName = fields.string("first_name").value ?? ""
            let lastName = fields.string("last_name").value ?? ""
            let email = fields.string("email").value ?? ""
            if email.isEmpty { fields.missing("email") }
            let status = fields.string("status").value ?? "placed"
            if !["placed", "started", "pending"].contains(status) { fields.invalid("status") }
            let buyer = try fields.reference("buyer_user_id") { try Users.exists($0, in: database) }.value
            try fields.check()
            guard let event else { throw ArgumentErrors.single("event_id", ArgumentErrors.Code.invalid) }
            var teamID: Int64?
            if case .value(let id) = fields.id("team_id") {
                guard try database.fetchOne(Team.self, where: "id = ? AND event_id = ?", id, event.id) != nil else {
                    throw ArgumentErrors.single("team_id", ArgumentErrors.Code.invalid)
                }
                teamID = id
            }
            let inventory = try EventInventory.load(event.id, in: database)
            let lines = try readLines(&fields, event: event, inventory: inventory, in: database)
            var discount: Discount?
            if let code = fields.string("promo_code").value, !code.isEmpty {
                guard let found = try Discount.usable(code: code, for: event, now: now, in: database) else {
                    throw ArgumentErrors.single("promo_code", ArgumentErrors.Code.invalid)
                }
                discount = found
            }
            try checkAvailability(lines, inventory: inventory)
            guard try AnswerInput.fitStock(lines.map { ($0.answers, $0.quantity) }, eventID: event.id, in: database) else {
                throw ArgumentErrors.single("tickets.answers", ArgumentErrors.Code.invalid)
            }

            var order = Order()
            order.id = try EventbriteID.next(in: database)
            order.eventID = event.id
            order.organizationID = event.organizationID
            order.status = status
            order.firstName = firstName
            order.lastName = lastName
            order.name = [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ")
            order.email = email
            order.buyerUserID = buyer
            order.created = EpochSeconds(now)
            order.changed = order.created
            order.currency = event.currency
            if status != "placed" { order.expiresAt = EpochSeconds(now + event.txTimeLimit) }
            var attendees: [Attendee] = []
            var discountAmount: Int64 = 0
            let groupClasses = try discount?.groupClasses(of: event, in: database) ?? []
            for line in lines {
                let record = line.ticket.record
                let applies = discount.map { discount in
                    discount.reducesPrice && record.isPaidTicket
                        && discount.covers(ticketClass: record.id, eventID: event.id, groupClasses: groupClasses)
                } ?? false
                let listPrice = record.donation ? (line.amount ?? 0) : record.isPaidTicket ? record.costValue : 0
                let price = applies ? discount!.discounted(listPrice) : listPrice
                let fees = try FeeSchedule.fees(price: price, currency: event.currency, in: database)
                // An absorbed fee comes out of the price; otherwise the buyer pays it on top.
                let base = record.includeFee ? price - fees.total : price
                for _ in 0..<line.quantity {
                    var attendee = Attendee()
                    attendee.id = try EventbriteID.next(in: database)
                    attendee.eventID = event.id
                    attendee.organizationID = event.organizationID
                    attendee.orderID = order.id
                    attendee.ticketClassID = record.id
                    attendee.ticketClassName = record.name
                    attendee.variantID = applies ? "\(record.variantID)-D\(discount!.id)" : record.variantID
                    attendee.orderStatus = status
                    attendee.created = order.created
                    attendee.changed = order.created
                    attendee.firstName = firstName
                    attendee.lastName = lastName
                    attendee.name = order.name
                    attendee.email = email
                    attendee.barcode = Attendee.barcode(order: order.id, attendee: attendee.id)
                    attendee.deliveryMethod = record.deliveryMethods.first ?? "electronic"
                    attendee.teamID = teamID
                    attendee.teamJoined = teamID == nil ? nil : order.created
                    attendee.currency = event.currency
                    attendee.basePrice = base
                    attendee.eventbriteFee = fees.service
                    attendee.paymentFee = fees.payment
                    attendee.tax = fees.tax
                    attendee.answers = line.answers
                    attendee.holdID = line.holdID
                    attendees.append(attendee)
                    order.basePrice += base
                    order.eventbriteFee += fees.service
                    order.paymentFee += fees.payment
                    order.tax += fees.tax
                    discountAmount += listPrice - price
                }
            }
            if let discount {
                order.discountID = discount.id
                order.promoCode = discount.code
                order.discountType = discount.type
                if discountAmount > 0 { order.discountAmount = discountAmount }
            }
            try database.insert(order)
            for attendee in attendees { try database.insert(attendee) }
            return .json(
                [
                    "order_id": .string(String(order.id)), "attendee_ids": .array(attendees.map { .string(String($0.id)) }),
                    "status": .string(order.status),
                ], contentType: "application/json")
        }
    }

    private static func readLines(
        _ fields: inout BodyFields, event: Event, inventory: EventInventory, in database: Database
    ) throws -> [Line] {
        guard case .value(let elements) = fields.list("tickets"), !elements.isEmpty else {
            throw ArgumentErrors.single("tickets", ArgumentErrors.Code.missing)
        }
        var lines: [Line] = []
        for element in elements {
            guard let object = element.objectValue else { throw ArgumentErrors.single("tickets", ArgumentErrors.Code.invalid) }
            var line = BodyFields(prefix: "tickets", object: object, strict: true)
            line.rejectUnknown(allowed: ["ticket_class_id", "quantity", "hold_id", "amount", "answers"])
            let ticket = line.id("ticket_class_id").value.flatMap { inventory.ticket($0) }
            if ticket == nil { line.invalid("ticket_class_id") }
            let quantity = line.integer("quantity").value ?? 1
            if quantity < 1 || quantity > 1_000 { line.invalid("quantity") }
            let holdID = line.string("hold_id").value
            if let holdID, !inventory.holds.contains(where: { $0.id == holdID }) { line.invalid("hold_id") }
            let amount = line.integer("amount").value
            if let amount, amount < 0 || amount > FeeSchedule.maximumPrice { line.invalid("amount") }
            var answers: [Attendee.Answer] = []
            if let value = line.object["answers"], let ticket {
                if let read = try AnswerInput.read(value, ticketClassID: ticket.record.id, eventID: event.id, in: database) {
                    answers = read
                } else {
                    line.invalid("answers")
                }
            }
            try line.check()
            lines.append(Line(ticket: ticket!, quantity: quantity, holdID: holdID, amount: amount, answers: answers))
        }
        return lines
    }

    /// Every line must fit what is left: the ticket class's general pool, or its hold.
    private static func checkAvailability(_ lines: [Line], inventory: EventInventory) throws {
        var fromPool: [Int64: Int64] = [:]
        var fromHold: [String: Int64] = [:]
        for line in lines {
            if let hold = line.holdID { fromHold[hold, default: 0] += line.quantity } else { fromPool[line.ticket.record.id, default: 0] += line.quantity }
        }
        for (id, quantity) in fromPool {
            guard let ticket = inventory.ticket(id) else { continue }
            let limited = inventory.quantityTotal(ticket) > 0 || inventory.isSoldOut(ticket)
            if limited && inventory.quantityTotal(ticket) - ticket.soldOutsideHolds < quantity {
                throw ArgumentErrors.single("tickets.quantity", ArgumentErrors.Code.invalid)
            }
        }
        for (id, quantity) in fromHold {
            guard let hold = inventory.holds.first(where: { $0.id == id }) else { continue }
            let sales = inventory.sales(ofHold: id)
            if hold.quantityTotal - sales.sold - sales.pending < quantity {
                throw ArgumentErrors.single("tickets.hold_id", ArgumentErrors.Code.invalid)
            }
        }
    }

    /// `POST /_understudy/eventbrite/orders/{order_id}/refund`: the order becomes `refunded`, its
    /// attendees `Not Attending` with refunded barcodes.
    static func refund(_ request: ProviderRequest) throws -> HTTPResponse {
        let now = Int64(request.now.timeIntervalSince1970.rounded(.down))
        return try request.write { database in
            guard let id = EventbriteID.parse(request.parameter("order_id")),
                var order = try database.fetchOne(Order.self, where: "id = ?", id)
            else { throw ControlError.notFound("No order \(request.parameter("order_id"))") }
            guard order.status == "placed" else { throw ControlError.badRequest("Only a placed order can be refunded") }
            order.status = "refunded"
            order.changed = EpochSeconds(now)
            try database.update(order)
            try database.run(
                """
                UPDATE eventbrite_attendees SET order_status = 'refunded', status = 'Not Attending', refunded = 1, checked_in = 0,
                barcode_status = 'refunded', changed = ? WHERE order_id = ?
                """, now, order.id)
            return .json(["id": .string(String(order.id)), "status": "refunded"], contentType: "application/json")
        }
    }

    /// `POST /_understudy/eventbrite/attendees/{attendee_id}/check_in` (and `check_out`).
    static func checkIn(_ request: ProviderRequest, checkedIn: Bool) throws -> HTTPResponse {
        let now = Int64(request.now.timeIntervalSince1970.rounded(.down))
        return try request.write { database in
            guard let id = EventbriteID.parse(request.parameter("attendee_id")),
                var attendee = try database.fetchOne(Attendee.self, where: "id = ?", id)
            else { throw ControlError.notFound("No attendee \(request.parameter("attendee_id"))") }
            guard attendee.orderStatus == "placed", ["Attending", "Checked In"].contains(attendee.status) else {
                throw ControlError.badRequest("Only an attending attendee can be checked in or out")
            }
            attendee.checkedIn = checkedIn
            attendee.status = checkedIn ? "Checked In" : "Attending"
            attendee.barcodeStatus = checkedIn ? "used" : "unused"
            attendee.checkinType = checkedIn ? 1 : 0
            attendee.changed = EpochSeconds(now)
            try database.update(attendee)
            return .json(["id": .string(String(attendee.id)), "status": .string(attendee.status)], contentType: "application/json")
        }
    }
}
