import Emulation

/// A reserved-seating seat map (spec §9.22) of an organization, drawn for one event at one
/// venue. Ids are `E<event_id>-m<n>`, as the docs' `E12345-m1`.
struct SeatMap: StoredRecord {
    var id = ""
    var organizationID: Int64 = 0
    var name: String?
    var eventID: Int64 = 0
    var venueID: Int64?
    /// 0 when it cannot be worked out (a draft map).
    var capacity: Int64 = 0
    var thumbnailURL: String?

    static let table = RecordTable(
        "eventbrite_seatmaps", of: SeatMap.self,
        constraints: [.references("organization_id", "eventbrite_organizations"), .references("event_id", "eventbrite_events")],
        indexes: ["organization_id, id", "event_id"])

    static let eventExpansion = ExpansionReference("event", from: "event_id") { Event.presenter }
    static let venueExpansion = ExpansionReference("venue", from: "venue_id") { Venue.presenter }

    static let presenter = Presenter(
        type: "seatmap",
        view: RecordView(table, [
            .column("id"),
            .column("name"),
            .id("event_id"),
            .id("venue_id"),
            .column("capacity"),
            .column("thumbnail_url"),
            .expansion(eventExpansion),
            .expansion(venueExpansion),
            .expansion("basic_inventory_info") { row, context, json in
                try EventTicketExpansions.writeBasicInventoryInfo(eventID: row.integer("event_id"), context, to: &json)
            },
        ]),
        alias: "s", references: [eventExpansion, venueExpansion])
}
