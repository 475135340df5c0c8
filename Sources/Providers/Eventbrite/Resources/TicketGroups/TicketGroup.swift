import Emulation

/// A ticket group (spec §9.27): ticket classes of several events an organization gathers, most
/// often for a cross-event discount. Deleting one sets its status to `deleted`; it stays
/// readable (§6.4). Which ticket classes it holds is kept one row each (`TicketGroupClass`).
struct TicketGroup: StoredRecord {
    var id: Int64 = 0
    var organizationID: Int64 = 0
    var name = ""
    /// `transfer`, `live`, `deleted` or `archived`.
    var status = "live"

    static let table = RecordTable(
        "eventbrite_ticket_groups", of: TicketGroup.self, constraints: [.references("organization_id", "eventbrite_organizations")],
        indexes: ["organization_id, status, id"])

    static let statuses: Set<String> = ["transfer", "live", "deleted", "archived"]
    /// The most live ticket groups an organization may have (`EXCEEDS_LIMIT`).
    static let liveLimit = 300
    /// Longer names are cut to this length (§8.25).
    static let nameLength = 20

    static let presenter: Presenter = Presenter(
        type: "ticket_group",
        view: RecordView(table, [
            .id("id"),
            .column("name"),
            .column("status"),
            .derived("event_ticket_ids") { row, context, json in
                try writeEventTicketIDs(row.integer("id"), in: context.database, to: &json)
            },
            // Empty unless the ticket class expansion asks for them (§8.25); `ticket_classes` is
            // read as another name for `tickets`.
            .derived("tickets") { row, context, json in
                let expanded = context.expansions.contains("tickets") || context.expansions.contains("ticket_classes")
                try json.array { json in
                    if expanded { try writeTickets(row.integer("id"), in: context.database, to: &json) }
                }
            },
        ]),
        alias: "g")

    /// `{"<event_id>": ["<ticket_class_id>", …]}`, in event and ticket class order.
    static func writeEventTicketIDs(_ groupID: Int64, in database: Database, to json: inout JSONBuilder) throws {
        var members: [(event: Int64, ticketClasses: [Int64])] = []
        try database.forEachRow(
            "SELECT event_id, ticket_class_id FROM eventbrite_ticket_group_classes WHERE ticket_group_id = ? ORDER BY event_id, ticket_class_id",
            arguments: [groupID]
        ) { row in
            let event = row.int64(at: 0), ticketClass = row.int64(at: 1)
            if members.last?.event == event { members[members.count - 1].ticketClasses.append(ticketClass) } else { members.append((event, [ticketClass])) }
        }
        json.object { json in
            for member in members {
                json.key(escaping: String(member.event))
                json.array { json in for id in member.ticketClasses { json.string(String(id)) } }
            }
        }
    }

    /// The simplified ticket classes of the `tickets` expansion.
    private static func writeTickets(_ groupID: Int64, in database: Database, to json: inout JSONBuilder) throws {
        try database.forEachRow(
            """
            SELECT t.id, t.event_id, t.sales_channels, t.name FROM eventbrite_ticket_group_classes m
            JOIN eventbrite_ticket_classes t ON t.event_id = m.event_id AND t.id = m.ticket_class_id
            WHERE m.ticket_group_id = ? AND NOT t.is_deleted ORDER BY m.event_id, m.ticket_class_id
            """, arguments: [groupID]
        ) { row in
            json.object { json in
                json.field("id", String(row.int64(at: 0)))
                json.field("event_id", String(row.int64(at: 1)))
                json.key("sales_channels")
                row.withUTF8(at: 2) { json.rawJSON(utf8: $0) }
                json.field("variants", .array([]))
                json.field("name", row.string(at: 3))
            }
        }
    }
}

/// One ticket class in one ticket group.
struct TicketGroupClass: StoredRecord {
    var ticketGroupID: Int64 = 0
    var eventID: Int64 = 0
    var ticketClassID: Int64 = 0

    static let table = RecordTable(
        "eventbrite_ticket_group_classes", of: TicketGroupClass.self, primaryKey: ["ticket_group_id", "event_id", "ticket_class_id"],
        constraints: [.references("ticket_group_id", "eventbrite_ticket_groups")], indexes: ["event_id, ticket_class_id"],
        withoutRowID: true)
}
