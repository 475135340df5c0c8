import Emulation

/// Open date tickets (spec §5.10), for vendor clients only: reading one, and redeeming it for
/// an appointment of its event, which books a new order there and depletes the ticket.
enum OpenDateTickets {
    static let strategies = [
        "current_appointment_without_overbooking", "selected_appointment", "next_available_appointment",
        "current_appointment_with_overbooking",
    ]

    static func routes(_ endpoints: Endpoints) -> [Route<BookingkitClient>] {
        [
            endpoints.route(
                "GET", "/open_date_tickets/{id}", example: "/open_date_tickets/\(FixtureIDs.openDateTicket)", Access.calendarRead.vendorsOnly
            ) { request, client in
                try request.read { database in
                    let ticket = try visible(request.parameter("id"), client, in: database)
                    return try BookingkitResponse.single(
                        OpenDateTicketRecord.view, where: "id = ?",
                        arguments: [ticket.id], context: (), keeping: request.fieldSelection, in: database)
                }
            },
            endpoints.route("POST", "/open_date_tickets/{id}/redeem", Access.ordersWrite.vendorsOnly) { request, client in
                try request.write { database in
                    let ticket = try visible(request.parameter("id"), client, in: database)
                    let fields = try BookingkitBody.object(request)
                    let appointmentID = try fields.string("appointment_id").flatMap { $0.isEmpty ? nil : $0 }
                    let given = try fields.oneOf("redemption_strategy", strategies)
                    guard let strategy = given ?? (appointmentID == nil ? nil : "selected_appointment") else {
                        throw fields.required("redemption_strategy")
                    }
                    let redemption = OpenDateRedemption(ticket: ticket, client: client, now: DateTime(request.now), database: database)
                    let (orderID, dateID) = try redemption.redeem(strategy: strategy, appointmentID: appointmentID)
                    return BookingkitResponse.json(
                        ["id": .string(ticket.id), "order_id": .string(orderID), "appointment_id": .string(dateID),
                         "redemption_strategy": .string(strategy)], status: 201)
                }
            },
        ]
    }

    /// An open date ticket of the vendor client's own vendor; 404 otherwise.
    static func visible(_ id: String, _ client: BookingkitClient, in database: Database) throws -> OpenDateTicketRecord {
        guard let ticket = try database.fetchOne(OpenDateTicketRecord.self, where: "id = ?", id), client.sees(vendor: ticket.vendorID) else {
            throw BookingkitError.notFound
        }
        return ticket
    }
}
