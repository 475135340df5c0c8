import Emulation

/// How many records each unfiltered list scope holds, so the `totalResults` of an unfiltered
/// page is one lookup rather than a count of the whole scope; triggers keep the figures as
/// records are written (POST /partners is the only call that adds to a paginated list).
enum LetsDoThisCounts {
    static let applicationsByOrganiser = "applications by organiser"
    static let applicationsByEvent = "applications by event"
    static let participantsByOrganiser = "participants by organiser"
    static let participantsByRace = "participants by race"
    static let lineItemsByOrganiser = "line items by organiser"
    static let partnersByOrganiser = "partners by organiser"

    static let counts = ScopeCounts("letsdothis_scope_counts", [
        .init(applicationsByOrganiser, table: Entry.table.name, key: "organiser_id", where: "kind = 'application'"),
        .init(applicationsByEvent, table: Entry.table.name, key: "event_id", where: "kind = 'application'"),
        .init(participantsByOrganiser, table: Entry.table.name, key: "organiser_id", where: "kind = 'participant'"),
        .init(participantsByRace, table: Entry.table.name, key: "race_id", where: "kind = 'participant'"),
        .init(lineItemsByOrganiser, table: LineItem.table.name, key: "organiser_id"),
        .init(partnersByOrganiser, table: Partner.table.name, key: "organiser_id"),
    ])
}
