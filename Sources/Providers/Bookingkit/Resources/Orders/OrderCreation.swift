import Emulation

/// `POST /orders` and `POST /vendors/{id}/orders` (spec §5.5 E32, E34; algorithm §7.3): validates
/// the body, books every ticket's participants on their dates, takes product and flex offer
/// stock, creates bought vouchers, and answers 201 with the order — or changes nothing at all.
enum OrderCreation {
    static let statuses = ["ACCEPTED", "CANCELED", "PENDING", "OPEN", "RESERVED"]

    static func create(_ request: ProviderRequest, _ client: BookingkitClient, pathVendor: String?) throws -> HTTPResponse {
        // The path's vendor first (404), then the body (400), as the spec orders its checks (§2.3).
        if let pathVendor { _ = try Vendors.visibleVendor(pathVendor, client) }
        let body = try BookingkitBody.object(request)
        // Validation in the schema's order; the first problem is the answer (§4.1).
        let bodyVendor = try body.string("vendor_id").flatMap { $0.isEmpty ? nil : $0 }
        let placedAt = try body.requiredDateTime("date")
        let paymentDate = try body.dateTime("payment_date")
        let expireDate = try body.dateTime("expire_date")
        guard let statusText = try body.oneOf("status", statuses), let status = OrderRecord.Status(rawValue: statusText) else {
            throw body.required("status")
        }
        guard let lang = try body.code("lang", length: 2) else { throw body.required("lang") }
        guard let currency = try body.code("currency", length: 3) else { throw body.required("currency") }
        guard try body.email("email") != nil else { throw body.required("email") }
        guard try body.minimumLength("name", 2) != nil else { throw body.required("name") }
        let additionalInformation = try body.storedArray("additional_information")
        let tickets = try body.objects("tickets")?.map(TicketInput.init) ?? []
        let voucherOrders = try body.objects("voucherOrders", wrapsSingle: true)?.map { try VoucherOrderInput($0, requireVoucher: true) } ?? []
        let products = try body.objects("products")?.map { try ProductLineInput($0, requireAmount: true) } ?? []
        let flexTickets = try body.objects("flexTickets")?.map(FlexTicketInput.init) ?? []

        return try request.write { database in
            let now = DateTime(request.now)
            if let pathVendor, let bodyVendor, bodyVendor != pathVendor {
                throw BookingkitError.businessRule("The path vendor id and the body vendor_id do not match")
            }
            if let bodyVendor, !client.sees(vendor: bodyVendor) { throw BookingkitError.unauthorized }
            guard !tickets.isEmpty || !voucherOrders.isEmpty || !flexTickets.isEmpty else {
                throw BookingkitError.businessRule("An order must contain at least one ticket or voucher")
            }

            var order = OrderRecord()
            order.id = try database.ids.digestHex("bookingkit.orders", count: 32)
            order.code = try HumanCodes.next(.order, in: database)
            order.date = placedAt
            order.paymentDate = paymentDate
            order.status = status
            order.lang = lang
            order.currency = currency
            try OrderFields.apply(body, to: &order)
            order.additionalInformation = additionalInformation ?? []
            order.bookingChannel = client.isVendor ? [] : [["name": .string(client.displayName), "id": .string(client.publicID)]]
            order.createdByClient = client.clientID
            order.updatedAt = now
            if status.isFinal, order.cancellationDate == nil { order.cancellationDate = now }

            var booking = TicketBooking(orderID: order.id, vendorID: pathVendor ?? bodyVendor, client: client, database: database)
            // The order row first: its items refer to it. Its vendor is known once an item is read.
            order.vendorID = try firstVendor(tickets: tickets, voucherOrders: voucherOrders, products: products, flexTickets: flexTickets,
                booking: &booking, database: database)
            if status == .reserved { order.expireDate = try ReservationRules.expiry(expireDate, now: now) } else { order.expireDate = expireDate }
            try database.insert(order)

            let ticketStatus = TicketRecord.Status(rawValue: status.rawValue) ?? .accepted
            var firstServiceDate: DateTime?
            for ticket in tickets {
                let start = try booking.addTicket(ticket, defaultStatus: ticketStatus, now: now).date
                firstServiceDate = min(firstServiceDate ?? start, start)
            }
            if status == .reserved, let expiry = order.expireDate, let firstServiceDate, expiry > firstServiceDate {
                throw BookingkitError.businessRule("expire_date must not be later than the first service date")
            }
            try OrderItems.addProducts(products, to: order, booking: &booking, database: database, now: now)
            try OrderItems.addVoucherOrders(voucherOrders, to: order, database: database)
            try OrderItems.addFlexTickets(flexTickets, to: order, booking: &booking, database: database, now: now)
            try SeatLedger.new(order: order.id).settle(now: now, in: database)

            order.totalInvoice = try OrderTotal.compute(order: order, in: database)
            try database.update(order)
            return try OrderResponses.single(order.id, status: 201, in: database)
        }
    }

    /// The vendor of a new order: the path's or body's, else the first item's.
    private static func firstVendor(
        tickets: [TicketInput], voucherOrders: [VoucherOrderInput], products: [ProductLineInput], flexTickets: [FlexTicketInput],
        booking: inout TicketBooking, database: Database
    ) throws -> String {
        if let vendor = booking.vendorID { return vendor }
        if let dateID = tickets.first?.dateID { return try booking.bookableDate(dateID).1.vendorID }
        if let productID = products.first?.productID { return try OrderItems.product(productID, booking: &booking, database: database).vendorID }
        if let offerID = flexTickets.first?.offerID { return try OrderItems.flexOffer(offerID, booking: &booking, database: database).vendorID }
        if tickets.first != nil { throw tickets[0].fields.required("date_id") }
        // Only vouchers: a vendor client sells its own; a marketplace client must say whose.
        guard booking.client.isVendor, let vendor = booking.client.vendorIDs.first else {
            throw BookingkitError.invalidProperty("The property \"vendor_id\" is required")
        }
        return vendor
    }
}
