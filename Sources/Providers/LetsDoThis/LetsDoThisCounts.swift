import Emulation

/// How many records each unfiltered list scope holds, so the `totalResults` of an unfiltered
/// page is one lookup rather than a count of the whole scope; the kit's `RowCounts` triggers keep
/// the figures as records are written (POST /partners is the only call that adds to a paginated
/// list).
enum LetsDoThisCounts {
    private static let applications = RowCounts.Count("applications") { "\($0).kind = 'application'" }
    private static let participants = RowCounts.Count("participants") { "\($0).kind = 'participant'" }
    private static let all = RowCounts.Count("records") { _ in "1" }
    /// A ticket's `soldCount`: its participants whose newest status is not CANCELLED (spec §8.2).
    private static let sold = RowCounts.Count("sold") { "\($0).kind = 'participant' AND \($0).cancelled = 0" }

    static let entriesByOrganiser = RowCounts(
        Entry.table.name, suffix: "counts_by_organiser", groupedBy: ["organiser_id"], counts: [applications, participants])
    static let applicationsByEvent = RowCounts(Entry.table.name, suffix: "counts_by_event", groupedBy: ["event_id"], counts: [applications])
    static let participantsByRace = RowCounts(Entry.table.name, suffix: "counts_by_race", groupedBy: ["race_id"], counts: [participants])
    static let soldByTicket = RowCounts(Entry.table.name, suffix: "counts_by_ticket", groupedBy: ["ticket_id"], counts: [sold])
    static let lineItemsByOrganiser = RowCounts(LineItem.table.name, suffix: "counts", groupedBy: ["organiser_id"], counts: [all])
    static let partnersByOrganiser = RowCounts(Partner.table.name, suffix: "counts", groupedBy: ["organiser_id"], counts: [all])

    static let schema = [
        entriesByOrganiser, applicationsByEvent, participantsByRace, soldByTicket, lineItemsByOrganiser, partnersByOrganiser,
    ]
        .map(\.schema).joined()
}

/// The kept count of an unfiltered list: the count `name` of `counts` for the group `value`.
struct KeptCount {
    let counts: RowCounts
    let name: String
    let value: String

    func read(in database: Database) throws -> Int {
        try counts.sum(name, forGroup: value, in: database)
    }
}
