import Emulation

/// Fills the tables from `seed/bookingkit/` (spec §8): every id the docs print, with the
/// relationships their samples imply, plus the bulk vendor's generated paging data. Rows are
/// inserted in file order, which is the creation order lists default to (their rowid).
enum BookingkitSeed {
    static func load(from seed: SeedDirectory, into database: Database, oauth: OAuthServer, bulk: BulkData.Sizes) throws {
        try oauth.clients.insert(try seed.oauthClients("clients.json"), into: database)
        for vendor in try seed.records(VendorRecord.self, "vendors.json", key: "vendors") { try database.insert(vendor) }
        for category in try seed.records(CategoryRecord.self, "categories.json", key: "categories") { try database.insert(category) }
        for object in try seed.seedRecords("events.json", key: "events") { try insertEvent(object, into: database) }
        for var date in try seed.records(DateRecord.self, "dates.json", key: "dates") {
            guard let event = try database.fetchOne(EventRecord.self, where: "id = ?", date.eventID) else {
                throw SeedError(file: "dates.json", reason: "date \(date.id) names no event")
            }
            date.vendorID = event.vendorID
            try database.insert(date)
        }
        for product in try seed.records(ProductRecord.self, "products.json", key: "products") { try database.insert(product) }
        for object in try seed.seedRecords("orders.json", key: "orders") { try insertOrder(object, into: database) }
        for offer in try seed.records(FlexOfferRecord.self, "flex_offers.json", key: "flex_offers") { try database.insert(offer) }
        for ticket in try seed.records(OpenDateTicketRecord.self, "open_date_tickets.json", key: "open_date_tickets") {
            try database.insert(ticket)
        }
        for (file, kind) in [("coupons.json", RedeemableCodeRecord.Kind.coupon), ("vouchers.json", .voucher)] {
            for var code in try seed.records(RedeemableCodeRecord.self, file, key: kind.rawValue + "s") {
                code.kind = kind
                try database.insert(code)
            }
        }
        for user in try seed.records(UserRecord.self, "users.json", key: "users") { try database.insert(user) }
        try BulkData(seed: try seed.json("bulk.json"), sizes: bulk).generate(into: database)
        try PriceIDs.start(in: database)
    }

    /// An event with its prices and category paths (`category_ids` names the assigned ones).
    static func insertEvent(_ seed: SeedRecord, into database: Database) throws {
        var event = try seed.record(EventRecord.self)
        guard let ids = seed["category_ids"]?.arrayValue?.compactMap(\.intValue) else { throw seed.invalid("category_ids", "an array of ids") }
        let paths = try EventCategories.paths(ids, in: database) { _ in seed.invalid("category_ids", "known category ids") }
        EventCategories.assign(paths, to: &event)
        try database.insert(event)
        try EventCategories.reindex(event, in: database)
        for price in try seed.records("prices") {
            var record = try price.record(PriceRecord.self)
            record.eventID = event.id
            try database.insert(record)
        }
    }

    /// An order with its tickets and participants, payments and lines, nested as the order shows them.
    static func insertOrder(_ seed: SeedRecord, into database: Database) throws {
        let order = try seed.record(OrderRecord.self)
        try database.insert(order)
        for ticketSeed in try nested(seed, "tickets") {
            var ticket = try ticketSeed.record(TicketRecord.self)
            ticket.orderID = order.id
            try database.insert(ticket)
            for participantSeed in try nested(ticketSeed, "participants") {
                var participant = try participantSeed.record(ParticipantRecord.self)
                participant.ticketID = ticket.id
                participant.orderID = order.id
                participant.seats = max(1, Int64(participant.entryUnits.arrayValue?.count ?? 1))
                try database.insert(participant)
            }
        }
        try insertLines(PaymentRecord.self, "payments", of: seed, order: order.id, \.orderID, into: database)
        try insertLines(ProductLineRecord.self, "products", of: seed, order: order.id, \.orderID, into: database)
        try insertLines(VoucherOrderRecord.self, "voucher_orders", of: seed, order: order.id, \.orderID, into: database)
        try insertLines(FlexTicketRecord.self, "flex_tickets", of: seed, order: order.id, \.orderID, into: database)
    }

    /// The records of an order's nested array `key`, each given the order's id.
    private static func insertLines<Line: StoredRecord>(
        _: Line.Type, _ key: String, of seed: SeedRecord, order: String, _ orderID: WritableKeyPath<Line, String>,
        into database: Database
    ) throws {
        for object in try nested(seed, key) {
            var line = try object.record(Line.self)
            line[keyPath: orderID] = order
            try database.insert(line)
        }
    }

    private static func nested(_ seed: SeedRecord, _ key: String) throws -> [SeedRecord] {
        seed[key] == nil ? [] : try seed.records(key)
    }
}
