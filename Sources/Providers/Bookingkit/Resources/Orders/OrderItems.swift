import Emulation

/// The product lines, voucher purchases and flex tickets of an order (spec §7.3 step 7), added
/// on create and by updates. Stock is settled by `SeatLedger` (products) or here (flex offers,
/// which only ever give one away).
enum OrderItems {
    /// A product the client sees and the order's vendor sells (`Product "…" not found`, §4.2).
    static func product(_ id: String, booking: inout TicketBooking, database: Database) throws -> ProductRecord {
        guard let product = try database.fetchOne(ProductRecord.self, where: "id = ? AND deleted = 0", id),
            booking.client.sees(vendor: product.vendorID)
        else { throw BookingkitError.businessRule("Product \"\(id)\" not found") }
        try booking.claimVendor(product.vendorID)
        return product
    }

    /// A flex offer the client sees and the order's vendor offers.
    static func flexOffer(_ id: String, booking: inout TicketBooking, database: Database) throws -> FlexOfferRecord {
        guard let offer = try database.fetchOne(FlexOfferRecord.self, where: "id = ?", id), booking.client.sees(vendor: offer.vendorID)
        else { throw BookingkitError.businessRule("Flex offer \"\(id)\" not found") }
        try booking.claimVendor(offer.vendorID)
        return offer
    }

    /// New product lines; the same product twice adds up its amounts. The line copies the
    /// product's name, price and VAT unless the body names its own title or price.
    static func addProducts(
        _ lines: [ProductLineInput], to order: OrderRecord, booking: inout TicketBooking, database: Database, now: DateTime
    ) throws {
        for input in lines {
            let product = try product(input.productID, booking: &booking, database: database)
            if var existing = try database.fetchOne(
                ProductLineRecord.self, where: "order_id = ? AND product_id = ?", order.id, product.id)
            {
                existing.amount = existing.amount.saturatingAdd(input.amount ?? 1)
                try database.update(existing)
                continue
            }
            var line = ProductLineRecord()
            line.orderID = order.id
            line.productID = product.id
            line.status = input.status ?? (order.status.isFinal ? "CANCELED" : "ACCEPTED")
            line.title = input.title ?? product.name
            line.price = input.price ?? product.price
            line.amount = input.amount ?? 1
            line.currency = product.currency
            line.vat = product.vat
            try database.insert(line)
        }
    }

    /// New voucher purchases, each also a voucher of the order's vendor (`ident` = the voucher id).
    static func addVoucherOrders(_ purchases: [VoucherOrderInput], to order: OrderRecord, database: Database) throws {
        for input in purchases {
            guard let value = input.value else { continue }
            var purchase = VoucherOrderRecord()
            purchase.id = try database.ids.digestHex("bookingkit.voucher_orders", count: 32)
            purchase.orderID = order.id
            purchase.status = input.status ?? (order.status.isFinal ? "CANCELED" : "ACCEPTED")
            purchase.voucherID = try database.ids.digestHex("bookingkit.vouchers", count: 32)
            purchase.voucherCode = try input.code ?? HumanCodes.next(.voucher, in: database)
            purchase.value = value
            purchase.currency = input.currency ?? order.currency
            try database.insert(purchase)
            var voucher = RedeemableCodeRecord()
            voucher.kind = .voucher
            voucher.ident = purchase.voucherID
            voucher.vendorID = order.vendorID
            voucher.title = "Voucher \(value.text) \(purchase.currency)"
            voucher.code = purchase.voucherCode
            voucher.updatedAt = order.updatedAt
            try database.insert(voucher)
        }
    }

    /// New flex tickets: each takes one of its offer's stock and copies the chosen price.
    static func addFlexTickets(
        _ purchases: [FlexTicketInput], to order: OrderRecord, booking: inout TicketBooking, database: Database, now: DateTime
    ) throws {
        for input in purchases {
            var offer = try flexOffer(input.offerID, booking: &booking, database: database)
            guard let price = offer.price(id: input.priceCategoryID), let value = price["value"].flatMap(Amount.init) else {
                throw BookingkitError.businessRule("Price \"\(input.priceCategoryID)\" is not valid for flex offer \"\(offer.id)\"")
            }
            guard offer.stock > 0 else { throw BookingkitError.businessRule("Not enough stock for flex offer \"\(offer.id)\"") }
            offer.stock -= 1
            offer.updatedAt = now
            try database.update(offer)
            var ticket = FlexTicketRecord()
            ticket.id = try database.ids.digestHex("bookingkit.flex_tickets", count: 32)
            ticket.orderID = order.id
            ticket.code = try HumanCodes.next(.voucher, in: database)
            ticket.status = input.status ?? (order.status.isFinal ? "CANCELED" : order.status.rawValue)
            ticket.title = offer.title
            ticket.redemptionTotal = offer.redemptions
            ticket.redemptionAvailable = offer.redemptions
            ticket.unlimitedRedemptions = offer.unlimitedRedemptions
            ticket.price = value
            ticket.priceTitle = price["title"]?.stringValue ?? ""
            ticket.currency = price["currency"]?.stringValue ?? order.currency
            ticket.vat = price["vat"].flatMap(Amount.init) ?? .zero
            ticket.flexOfferID = offer.id
            ticket.priceCategoryID = input.priceCategoryID
            ticket.eventID = offer.eventID
            try database.insert(ticket)
        }
    }
}
