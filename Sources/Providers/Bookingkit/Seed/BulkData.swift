import Crypto
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

        var dates: [DateRecord] = (0..<dateCount).map { index in
            var date = DateRecord()
            date.id = Self.id("date", index)
            date.eventID = events[index % events.count].event.id
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
            order.id = Self.id("order", index)
            order.code = Self.code(index, groups: [3, 6], lettersFirst: true)
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
            ticket.id = Self.id("ticket", index)
            ticket.orderID = order.id
            ticket.dateID = dates[dateIndex].id
            ticket.eventID = event.id
            ticket.code = Self.code(index, groups: [6], lettersFirst: false)
            ticket.status = TicketRecord.Status(rawValue: order.status.rawValue) ?? .accepted
            ticket.cancellationDate = order.cancellationDate
            ticket.vat = price.vat
            let people = index % 4 == 0 ? 2 : 1
            let participants = (0..<people).map { person -> ParticipantRecord in
                var participant = ParticipantRecord()
                participant.id = Self.id("participant", index * 2 + person)
                participant.ticketID = ticket.id
                participant.orderID = order.id
                participant.status = order.status == .canceled ? .canceled : .accepted
                participant.name = person == 0 ? order.name : "\(names[(index + 7) % names.count]) \(last)"
                participant.email = person == 0 ? order.email : ""
                participant.priceID = price.id
                participant.priceValue = price.value
                participant.priceTitle = price.title
                participant.vat = price.vat
                participant.entryUnits = price.entryUnits
                participant.seats = price.seats
                participant.cancellationDate = order.cancellationDate
                participant.code = Self.code(index * 2 + person, groups: [3, 6, 3], lettersFirst: false)
                return participant
            }
            order.totalInvoice = order.status == .canceled ? .zero : price.value * Int64(people)
            if order.status.holdsSeats { dates[dateIndex].availableSlots -= participants.reduce(0) { $0 + $1.seats } }
            orders.append((order, ticket, participants))
        }
        for date in dates { try database.insert(date) }
        for (order, ticket, participants) in orders {
            try database.insert(order)
            try database.insert(ticket)
            for participant in participants { try database.insert(participant) }
        }
    }

    /// A 32-hex id unique to the kind and index.
    static func id(_ kind: String, _ index: Int) -> String {
        Insecure.MD5.hash(data: Array("bookingkit-mock-bulk-\(kind)-\(index)".utf8)).map { byte in
            (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }

    /// A code in the shape of bookingkit's (groups of upper-case letters and digits). Its group
    /// of six is unique per index: the index times an odd number modulo 32⁶ is one-to-one.
    static func code(_ index: Int, groups: [Int], lettersFirst: Bool) -> String {
        let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        let alphanumerics = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var unique = UInt64(index) &* 0x5_DEEC_E66D & (1 << 30 - 1)
        var other = UInt64(index) &* 0x9E37_79B9_7F4A_7C15
        return groups.enumerated().map { group, length in
            let alphabet = lettersFirst && group == 0 ? letters : alphanumerics
            return String((0..<length).map { _ -> Character in
                if length == 6 {
                    defer { unique /= 32 }
                    return alphabet[Int(unique % 32)]
                }
                defer { other /= UInt64(alphabet.count) }
                return alphabet[Int(other % UInt64(alphabet.count))]
            })
        }.joined(separator: "-")
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
