import Emulation

/// A ticket class of an event (spec §9.9), keyed by event and id: the docs reuse ticket class
/// `12345` under several events (ambiguity A5).
///
/// The record holds what the event rules read so far: whether an event has tickets to publish,
/// whether it is free, its capacity when not custom, and what a copy duplicates. The ticket class
/// endpoints (§8.12) add their columns here.
struct TicketClass: StoredRecord {
    var eventID: Int64 = 0
    var id: Int64 = 0
    var name = ""
    var currency = "USD"
    /// The price in minor units; 0 for free and donation tickets.
    var costValue: Int64 = 0
    var free = false
    var donation = false
    var capacity: Int64?
    var hidden = false
    var salesStart: EpochSeconds?
    var salesEnd: EpochSeconds?
    var sorting: Int64 = 0
    var isDeleted = false

    static let table = RecordTable(
        "eventbrite_ticket_classes", of: TicketClass.self, primaryKey: ["event_id", "id"],
        constraints: [.references("event_id", "eventbrite_events")], withoutRowID: true)

    /// Whether the ticket class charges money (donations count as free, §10.2).
    static let isPaid = "cost_value > 0 AND NOT donation"
}

/// Ticket classes (spec §8.12): the seeded ticket classes and their part in event copies. The
/// endpoints are not served yet.
enum TicketClasses: EventbriteResourceGroup {
    static let tables = [TicketClass.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for ticketClass in try seed.records(TicketClass.self, "ticket_classes.json", key: "ticket_classes") {
            try database.insert(ticketClass)
        }
    }

    /// A copy gets every ticket class with the same ids and sales dates and nothing sold (the
    /// sold counts are derived from attendees, which are not copied).
    static func eventCopied(from source: Int64, to copy: Int64, in database: Database, now: Int64) throws {
        for var ticketClass in try database.fetchAll(TicketClass.self, where: "event_id = ? AND NOT is_deleted", source) {
            ticketClass.eventID = copy
            try database.insert(ticketClass)
        }
    }
}
