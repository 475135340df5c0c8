import Emulation

/// Deterministic paging data (`seed/bookingkit/bulk.json`): a vendor of its own with a few
/// events, `dates` appointments of them (default 2,000, every three hours from `first_date`) and
/// `orders` orders (default 5,000, one an hour from `first_order_date`), so `limit`/`offset`,
/// `with_count` and `delta_since` work on real volumes without touching the docs' fixture.
/// Only the bulk vendor's own client (`mock-vendor-bulk`) sees it. `BOOKINGKIT_BULK_DATES` and
/// `BOOKINGKIT_BULK_ORDERS` override the sizes.
///
/// Each order books one participant (every fourth one two) on one date; `date × 7 mod dates`
/// spreads them so no date holds more than a few. Every twentieth order is CANCELED, a few are
/// PENDING or OPEN; a date's `available_slots` is what its holding orders leave.
struct BulkData {
    struct Sizes: Sendable {
        var dates: Int?
        var orders: Int?
    }

    let seed: SeedRecord
    let dateCount: Int
    let orderCount: Int

    init(seed document: JSONValue, sizes: Sizes) throws {
        seed = try SeedRecord(value: document, file: "bulk.json")
        dateCount = try sizes.dates ?? Int(seed.integer("dates"))
        orderCount = try sizes.orders ?? Int(seed.integer("orders"))
        guard dateCount > 0 || orderCount == 0 else { throw seed.invalid("orders", "0 when there are no dates") }
    }

    func generate(into database: Database) throws {
        guard let vendorSeed = seed["vendor"]?.objectValue else { throw seed.invalid("vendor", "an object") }
        let vendor = try VendorRecord(seed: vendorSeed)
        try database.insert(vendor)
        var events: [(event: EventRecord, price: PriceRecord)] = []
        for eventSeed in try seed.records("events") {
            try BookingkitSeed.insertEvent(eventSeed, into: database)
            guard let id = eventSeed["id"]?.stringValue, let event = try database.fetchOne(EventRecord.self, where: "id = ?", id),
                let price = try database.fetchOne(PriceRecord.self, where: "event_id = ? ORDER BY rowid", id)
            else { throw seed.invalid("events", "events with prices") }
            events.append((event, price))
        }
        guard !events.isEmpty else { throw seed.invalid("events", "at least one event") }
        let firstDate = try time("first_date")
        let firstOrder = try time("first_order_date")
        let names = try strings("names")
        let surnames = try strings("surnames")

        // Every id and code comes from a block of its sequence reserved up front, in the order
        // single draws would have taken them, so the data is what one draw per id gave.
        let ids = database.ids
        let participantCount = (0..<orderCount).reduce(0) { $0 + Self.people(inOrder: $1) }
        var dateIDs = try ids.reserve("bookingkit.bulk.dates", count: dateCount)
        var orderIDs = try ids.reserve("bookingkit.bulk.orders", count: orderCount)
        var ticketIDs = try ids.reserve("bookingkit.bulk.tickets", count: orderCount)
        var participantIDs = try ids.reserve("bookingkit.bulk.participants", count: participantCount)
        var codes = try ids.reserve(HumanCodes.sequence, count: orderCount * 3 + participantCount * 3)
        func hexID(_ block: inout SequenceBlock) -> String {
            IDGenerator.digestHex(of: block.take(), in: block.sequence, count: 32)
        }
        var dates: [DateRecord] = (0..<dateCount).map { index in
            var date = DateRecord()
            date.id = hexID(&dateIDs)
            date.eventID = events[index % events.count].event.id
            date.vendorID = vendor.id
            date.date = firstDate.adding(seconds: Int64(index) * 3 * 3600)
            date.totalSlots = 20
            date.availableSlots = 20
            date.updatedAt = firstOrder
            return date
        }
        var orders: [(OrderRecord, TicketRecord, [ParticipantRecord])] = []
        for index in 0..<orderCount {
            let dateIndex = index * 7 % dateCount
            let (event, price) = events[dateIndex % events.count]
            var order = OrderRecord()
            order.id = hexID(&orderIDs)
            order.code = HumanCodes.next(.order, from: &codes)
            order.vendorID = vendor.id
            order.date = firstOrder.adding(seconds: Int64(index) * 3600)
            order.status = index % 20 == 19 ? .canceled : index % 50 == 11 ? .pending : index % 50 == 23 ? .open : .accepted
            let first = names[index % names.count]
            let last = surnames[index / names.count % surnames.count]
            order.name = "\(first) \(last)"
            order.email = "\(first.lowercased()).\(last.lowercased())\(index)@example.com"
            order.createdByClient = "mock-vendor-bulk"
            order.updatedAt = order.status == .canceled ? order.date.adding(seconds: 86_400) : order.date
            if order.status == .canceled { order.cancellationDate = order.updatedAt }
            var ticket = TicketRecord()
            ticket.id = hexID(&ticketIDs)
            ticket.orderID = order.id
            ticket.dateID = dates[dateIndex].id
            ticket.eventID = event.id
            ticket.code = HumanCodes.next(.ticket, from: &codes)
            ticket.status = TicketRecord.Status(rawValue: order.status.rawValue) ?? .accepted
            ticket.cancellationDate = order.cancellationDate
            ticket.vat = price.vat
            let people = Self.people(inOrder: index)
            let participants = (0..<people).map { person -> ParticipantRecord in
                var participant = ParticipantRecord()
                participant.id = hexID(&participantIDs)
                participant.ticketID = ticket.id
                participant.orderID = order.id
                participant.status = order.status == .canceled ? .canceled : .accepted
                participant.name = person == 0 ? order.name : "\(names[(index + 7) % names.count]) \(last)"
                participant.email = person == 0 ? order.email : ""
                participant.book(at: BookedPrice(price))
                participant.cancellationDate = order.cancellationDate
                participant.code = HumanCodes.next(.participant, from: &codes)
                return participant
            }
            order.totalInvoice = order.status == .canceled ? .zero : price.value * Int64(people)
            if order.status.holdsSeats { dates[dateIndex].availableSlots -= participants.reduce(0) { $0 + $1.seats } }
            orders.append((order, ticket, participants))
        }
        precondition([dateIDs, orderIDs, ticketIDs, participantIDs, codes].allSatisfy(\.isUsedUp), "bulk data: ids reserved but not used")
        for date in dates { try database.insert(date) }
        for (order, ticket, participants) in orders {
            try database.insert(order)
            try database.insert(ticket)
            for participant in participants { try database.insert(participant) }
        }
    }

    /// How many people order `index` books: every fourth order two.
    private static func people(inOrder index: Int) -> Int {
        index % 4 == 0 ? 2 : 1
    }

    private func time(_ key: String) throws -> DateTime {
        guard let text = seed[key]?.stringValue, let time = DateTime(lenient: text) else { throw seed.invalid(key, "a date-time") }
        return time
    }

    private func strings(_ key: String) throws -> [String] {
        guard let values = seed[key]?.arrayValue?.compactMap(\.stringValue), !values.isEmpty else {
            throw seed.invalid(key, "a non-empty array of strings")
        }
        return values
    }
}
