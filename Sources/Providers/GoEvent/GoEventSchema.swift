/// The GoEvent tables, from its records. Every list the API serves is read through an index in
/// the order it is returned, so a page costs an index range, never a scan of the whole table.
/// Child columns of foreign keys are indexed too: a reset deletes parent rows, and SQLite then
/// looks up children.
enum GoEventSchema {
    static let sql = [
        UserAccount.table, Event.table, EventAdmin.table, TicketType.table, Participant.table, ParticipantEvent.table,
        IssuedTicket.table,
    ].map(\.schema).joined(separator: "\n")
}
