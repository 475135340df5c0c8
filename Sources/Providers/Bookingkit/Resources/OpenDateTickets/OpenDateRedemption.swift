import Emulation

/// Redeeming an open date ticket (spec §5.10 E46): choosing the appointment by the strategy,
/// then an ACCEPTED order on it for the ticket's customer, one seat taken, the ticket DEPLETED.
struct OpenDateRedemption {
    let ticket: OpenDateTicketRecord
    let client: BookingkitClient
    let now: DateTime
    let database: Database

    /// Returns the new order's id and the date redeemed.
    func redeem(strategy: String, appointmentID: String?) throws -> (String, String) {
        guard ticket.status == "OPEN" else {
            throw BookingkitError.businessRule("Open date ticket cannot be redeemed in status \"\(ticket.status)\"")
        }
        guard let event = try database.fetchOne(EventRecord.self, where: "id = ?", ticket.eventID) else {
            throw BookingkitError.businessRule("Event \"\(ticket.eventID)\" not found")
        }
        let overbooks = strategy == "current_appointment_with_overbooking"
        let date = try appointment(strategy: strategy, appointmentID: appointmentID, event: event)

        var order = OrderRecord()
        order.id = try database.ids.digestHex("bookingkit.orders", count: 32)
        order.code = try HumanCodes.next(.order, in: database)
        order.vendorID = ticket.vendorID
        order.date = now
        order.status = .accepted
        order.lang = ticket.customerLanguage.isEmpty ? "en" : ticket.customerLanguage
        order.currency = ticket.currency
        order.email = ticket.customerEmail
        order.name = ticket.customerName
        order.phone = ticket.customerPhone
        order.createdByClient = client.clientID
        order.updatedAt = now
        try database.insert(order)

        let booking = TicketBooking(orderID: order.id, vendorID: ticket.vendorID, client: client, database: database)
        // The event's price of the ticket's title, if there is one; the ticket's value either way.
        let known = try database.fetchOne(PriceRecord.self, where: "event_id = ? AND title = ? ORDER BY rowid", event.id, ticket.priceTitle)
        var price = BookedPrice.custom(ticket.priceValue, title: ticket.priceTitle)
        if let known {
            price.id = known.id
            price.vat = known.vat
        }
        var participant = ParticipantInput.empty
        participant.name = ticket.customerName
        participant.email = ticket.customerEmail
        participant.phone = ticket.customerPhone
        try booking.insertTicket(
            id: nil, on: date, of: event, status: .accepted, comment: "", participants: [(participant, price)], now: now)
        try SeatLedger.new(order: order.id).settle(now: now, in: database, enforcesStart: false, overbooks: overbooks)
        order.totalInvoice = try OrderTotal.compute(order: order, in: database)
        try database.update(order)

        var depleted = ticket
        depleted.status = "DEPLETED"
        depleted.updatedAt = now
        try database.update(depleted)
        return (order.id, date.id)
    }

    /// The date the strategy picks (§5.10 E46).
    private func appointment(strategy: String, appointmentID: String?, event: EventRecord) throws -> DateRecord {
        switch strategy {
        case "selected_appointment":
            guard let appointmentID else {
                throw BookingkitError.businessRule("appointment_id is required for redemption_strategy selected_appointment")
            }
            guard let date = try database.fetchOne(DateRecord.self, where: "id = ? AND active = 1", appointmentID),
                date.eventID == event.id
            else {
                throw BookingkitError.businessRule("Appointment \"\(appointmentID)\" does not belong to the event of this open date ticket")
            }
            guard date.availableSlots >= 1 else {
                throw BookingkitError.businessRule("Not enough available slots for date \"\(date.id)\"")
            }
            return date
        case "next_available_appointment":
            guard let date = try database.fetchOne(
                DateRecord.self, where: "event_id = ? AND active = 1 AND available_slots > 0 AND date >= ? ORDER BY date, rowid", event.id, now)
            else { throw BookingkitError.businessRule("No next available appointment") }
            return date
        default:
            // Running now: started, and not yet over (its duration after the start).
            let freeSlots = strategy == "current_appointment_with_overbooking" ? "" : " AND available_slots > 0"
            guard let date = try database.fetchOne(
                DateRecord.self, where: "event_id = ? AND active = 1 AND date <= ? AND date + ? > ?\(freeSlots) ORDER BY date, rowid", event.id, now,
                event.duration.saturatingMultiply(60), now)
            else { throw BookingkitError.businessRule("No current appointment available") }
            return date
        }
    }
}
