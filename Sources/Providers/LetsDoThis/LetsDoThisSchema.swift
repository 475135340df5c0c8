import Emulation

/// The Let's Do This tables: one per record, each declared by its record type, then the counts
/// of the list scopes (whose tables sort after the tables they count).
enum LetsDoThisSchema {
    static let sql = [
        Organiser.table, Revocation.table, ReadyMadeToken.table, Event.table, Occurrence.table, Race.table, RaceStart.table,
        Ticket.table, Partner.table, ReservedEntryGroup.table, Entry.table, LineItem.table, ClaimLink.table,
    ].map(\.schema).joined(separator: "\n") + "\n" + LetsDoThisCounts.schema
}
