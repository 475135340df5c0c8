import Emulation

/// Writes the tickets and participants of an order, for creates and for updates that add to an
/// order (spec §5.5, §7.3 steps 2, 3 and 7). Seats are not counted here: `SeatLedger` settles
/// them once the whole change is written.
struct TicketBooking {
    let orderID: String
    /// The order's vendor: every date booked must be one of its events' (nil until the first
    /// item of a new order fixes it).
    var vendorID: String?
    let client: BookingkitClient
    let database: Database

    /// A date the client may book: active, of an active event of a vendor it sees, and of the
    /// order's vendor (`Date "…" not found` otherwise, §4.2).
    mutating func bookableDate(_ id: String) throws -> (DateRecord, EventRecord) {
        guard let date = try database.fetchOne(DateRecord.self, where: "id = ? AND active = 1", id),
            let event = try database.fetchOne(EventRecord.self, where: "id = ? AND active = 1", date.eventID),
            client.sees(vendor: event.vendorID)
        else { throw BookingkitError.businessRule("Date \"\(id)\" not found") }
        try claimVendor(event.vendorID)
        return (date, event)
    }

    /// Fixes the order's vendor, or checks an item against it.
    mutating func claimVendor(_ vendor: String) throws {
        if let vendorID, vendorID != vendor {
            throw BookingkitError.businessRule("All items of an order must belong to the same vendor")
        }
        vendorID = vendor
    }

    /// A new ticket of the order with its participants (at least one). A supplied id nothing else
    /// uses is kept (§5.5 E36), otherwise a new one is drawn. Returns the date it books.
    @discardableResult
    mutating func addTicket(_ input: TicketInput, defaultStatus: TicketRecord.Status, now: DateTime) throws -> DateRecord {
        guard let dateID = input.dateID else { throw input.fields.required("date_id") }
        guard let participants = input.participants else { throw input.fields.required("participants") }
        guard !participants.isEmpty else {
            throw BookingkitError.invalidProperty("The property \"\(input.fields.name("participants"))\" must contain at least 1 item")
        }
        let (date, event) = try bookableDate(dateID)
        let prices = try participants.map { try price(for: $0, at: date, of: event) }
        try insertTicket(
            id: input.id, on: date, of: event, status: input.status ?? defaultStatus, comment: input.comment ?? "",
            participants: Array(zip(participants, prices)), now: now)
        return date
    }

    /// Writes a new ticket of the order on `date` of `event` and its participants, each at its
    /// price; the ticket's VAT is its first participant's. The id is `supplied` when nothing else
    /// uses it (see `freshID`).
    @discardableResult
    func insertTicket(
        id supplied: String?, on date: DateRecord, of event: EventRecord, status: TicketRecord.Status, comment: String,
        participants: [(ParticipantInput, BookedPrice)], now: DateTime
    ) throws -> TicketRecord {
        var ticket = TicketRecord()
        ticket.id = try freshID(supplied, table: "bookingkit_tickets")
        ticket.orderID = orderID
        ticket.dateID = date.id
        ticket.eventID = event.id
        ticket.code = try HumanCodes.next(.ticket, in: database)
        ticket.status = status
        ticket.comment = comment
        if ticket.status == .canceled || ticket.status == .declined { ticket.cancellationDate = now }
        ticket.vat = participants.first?.1.vat ?? .zero
        try database.insert(ticket)
        for (participant, price) in participants {
            try addParticipant(participant, price: price, to: ticket, now: now)
        }
        return ticket
    }

    /// A new participant of a ticket at `price` (see `price(for:at:of:)`).
    func addParticipant(_ input: ParticipantInput, price: BookedPrice, to ticket: TicketRecord, now: DateTime) throws {
        var participant = ParticipantRecord()
        participant.id = try freshID(input.id, table: "bookingkit_participants")
        participant.ticketID = ticket.id
        participant.orderID = orderID
        participant.status = ticket.status == .canceled || ticket.status == .declined ? .canceled : (input.status ?? .accepted)
        participant.name = input.name ?? ""
        participant.email = input.email ?? ""
        participant.phone = input.phone ?? ""
        participant.comment = input.comment ?? ""
        participant.book(at: price)
        participant.code = try HumanCodes.next(.participant, in: database)
        participant.checkedIn = input.checkedIn
        if participant.status == .canceled { participant.cancellationDate = ticket.cancellationDate ?? now }
        try database.insert(participant)
    }

    /// The price a participant is booked at (§5.5 "Price resolution"): a price of the date's
    /// event or of its pricelist children by `price_id`; a `price_value` that differs from it, or
    /// comes without a known `price_id`, is a custom price, which needs `orders_custom_prices`.
    /// An unknown `price_id` without a value falls back to the event's first public price, so the
    /// seed's update sample replays. Neither → 400.
    func price(for input: ParticipantInput, at date: DateRecord, of event: EventRecord) throws -> BookedPrice {
        let known = try input.priceID.flatMap { id in
            try database.fetchOne(
                PriceRecord.self,
                where: "id = ? AND (event_id = ? OR event_id IN (SELECT id FROM bookingkit_events WHERE root_event_id = ?))",
                id, event.id, event.id)
        }
        if let known {
            var price = BookedPrice(known)
            if let value = input.priceValue, value != known.value {
                try requireCustomPrices()
                price.value = value
            }
            return price
        }
        if let value = input.priceValue {
            try requireCustomPrices()
            return .custom(value, title: input.priceTitle ?? "")
        }
        if input.sentPriceID,
            let fallback = try database.fetchOne(
                PriceRecord.self, where: "event_id = ? AND public = 1 ORDER BY rowid", event.id)
        {
            return BookedPrice(fallback)
        }
        if let id = input.priceID {
            throw BookingkitError.businessRule("Price \"\(id)\" is not valid for date \"\(date.id)\" and no price_value was given")
        }
        throw BookingkitError.businessRule("A participant needs a price_id or a price_value")
    }

    private func requireCustomPrices() throws {
        guard client.holds("orders_custom_prices") else {
            throw BookingkitError.businessRule("Custom prices are not allowed for this client")
        }
    }

    /// `supplied` when no record of the table has it, else a new id (from the table's sequence,
    /// `bookingkit_tickets` → `bookingkit.tickets`).
    func freshID(_ supplied: String?, table: String) throws -> String {
        if let supplied, try database.queryOne("SELECT 1 FROM \(table) WHERE id = ?", supplied) == nil { return supplied }
        return try database.ids.digestHex(table.replacingOccurrences(of: "bookingkit_", with: "bookingkit."), count: 32)
    }
}
