import Emulation

/// A reserved entry group (spec §7.4): places of an event's tickets held back for a partner (or
/// for the organiser when `partnerId` is null). Columns are its keys in the spec's order,
/// spelled snake_case, after the creation order the event's groups are listed in.
struct ReservedEntryGroup: StoredRecord {
    var seq: Int64?
    var id = ""
    var name = ""
    var description = ""
    var eventID = ""
    var partnerID: String?
    /// The JSON number as sent: it may have a fraction.
    var maxCapacity: JSONValue = 0
    var usedCapacity: Int64 = 0
    var tickets: JSONValue = []
    var type = "UNKNOWN"
    var settings: JSONValue = [:]
    var organiserID = ""

    static let types = ["MULTI_USE", "SINGLE_USE", "UNKNOWN"]
    static let notFound = LetsDoThisError.notFound("Reserved entry group")

    static let keyStyle = JSONKeyStyle.camelCase
    static let table = RecordTable(
        "letsdothis_reserved_entry_groups", of: ReservedEntryGroup.self, primaryKey: ["seq"],
        constraints: [.unique(["id"]), .references("event_id", "letsdothis_events")], indexes: ["event_id, seq", "partner_id"])
    static let view = RecordView<Void>(table, RecordView.columns(of: table, keys: .camelCase, except: ["seq", "organiser_id"]))

    /// A group from `reserved-entries.json`; it belongs to its event's organiser.
    static func seeded(_ seed: SeedRecord, in database: Database) throws -> ReservedEntryGroup {
        var group = try seed.record(ReservedEntryGroup.self)
        guard group.maxCapacity.doubleValue != nil else { throw seed.invalid("maxCapacity", "a number") }
        guard let organiserID = try Events.organiser(ofEvent: group.eventID, in: database) else {
            throw SeedError(file: seed.file, reason: "event \(group.eventID) is not in events.json")
        }
        group.organiserID = organiserID
        return group
    }

    /// The organiser's group `id`, or nil.
    static func find(_ id: String, organiserID: String, in database: Database) throws -> ReservedEntryGroup? {
        try database.fetchOne(ReservedEntryGroup.self, where: "id = ? AND organiser_id = ?", id, organiserID)
    }

    /// Group `id` written by `view`, or nil.
    static func render(_ id: String, in database: Database) throws -> [UInt8]? {
        try database.render(view, where: "id = ?", id)
    }

    /// Every `tickets[i].ticketId` given must be a ticket of the group's event (spec §6.13).
    static func checkTickets(_ tickets: JSONValue?, event eventID: String, in database: Database) throws {
        for ticket in tickets?.arrayValue ?? [] {
            guard let value = ticket["ticketId"], value != .null else { continue }
            let ticketID = value.stringValue ?? JSONWriter.string(value)
            guard try Ticket.belongs(ticketID, toEvent: eventID, in: database) else {
                throw LetsDoThisError.badRequest("Ticket \(ticketID) does not belong to event \(eventID)")
            }
        }
    }
}
