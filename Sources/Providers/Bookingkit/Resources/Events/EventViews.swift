import Emulation

/// What an event's rendering depends on beyond its row: the calling client's commission, whether
/// private prices are shown, and whether `first_date` is (only with `available_from`, §5.2).
struct EventRenderContext {
    let database: Database
    let commission: Int64
    let withPrivatePrices: Bool
    let showsFirstDate: Bool
}

/// The Event and MergedEvent objects (spec §6.3, §6.4), in the seed's order. The SELECT adds
/// `vendor_name` and `first_date` to the event's columns (`EventQuery.select`).
enum EventViews {
    static let event = RecordView<EventRenderContext>(EventRecord.table, leading + [.column("root_event_id")] + middle + [prices] + trailing)

    static let merged = RecordView<EventRenderContext>(EventRecord.table, leading + middle + [priceGroups] + trailing)

    private static let leading: [RecordView<EventRenderContext>.Member] = [
        .column("id"), .column("active", format: .string),
    ]

    private static let middle: [RecordView<EventRenderContext>.Member] = [
        .column("title"), .column("description"), .column("type"), .column("duration"), .column("pre_time"),
        .column("max_participants"), .column("timezone"), .column("location"), .column("location_place_id"),
        .column("location_lng"), .column("location_lat"), .column("meeting_location"), .column("meeting_location_lng"),
        .column("meeting_location_lat"), .column("meeting_location_place_id"), .column("vendor_id"), .column("bring"),
        .column("advice"), .column("hint"), .column("participant_hint"),
        .derived("vendor_name") { row, _, json in row.write("vendor_name", format: .string, to: &json) },
        .column("youtube_video_id", as: "youtubeVideoId"), .column("voucher_checkout_url"), .column("images"),
        .column("highlights"), .column("categories"),
    ]

    private static let trailing: [RecordView<EventRenderContext>.Member] = [
        .column("tags"),
        .derived("first_date") { row, _, json in row.write("first_date", format: .dateTime, to: &json) }
            .when { _, context in context.showsFirstDate },
        .column("min_participants"), .column("latest_booking_time"),
        .derived("commission") { _, context, json in json.int(context.commission) },
    ]

    private static let prices = RecordView<EventRenderContext>.Member.derived("prices") { row, context, json in
        try writePrices(of: row.string("id"), context, to: &json)
    }

    /// The event's own price group, then one per active pricelist child (§7.2).
    private static let priceGroups = RecordView<EventRenderContext>.Member.derived("price_groups") { row, context, json in
        try json.array { json in
            try writeGroup(id: row.string("price_group_id"), name: row.string("price_group_name"), event: row.string("id"), context, to: &json)
            try context.database.forEachRow(
                "SELECT id, price_group_id, price_group_name FROM bookingkit_events WHERE root_event_id = ? AND active = 1 ORDER BY rowid",
                arguments: [row.string("id")]
            ) { child in
                try writeGroup(id: child.string(at: 1), name: child.string(at: 2), event: child.string(at: 0), context, to: &json)
            }
        }
    }

    private static func writeGroup(id: String, name: String, event: String, _ context: EventRenderContext, to json: inout JSONBuilder) throws {
        try json.object { json in
            json.field("id", id)
            json.field("name", name)
            json.key("prices")
            try writePrices(of: event, context, to: &json)
        }
    }

    private static func writePrices(of event: String, _ context: EventRenderContext, to json: inout JSONBuilder) throws {
        try json.array { json in
            try context.database.write(
                PriceRecord.eventView,
                "SELECT \(PriceRecord.table.selectList()) FROM bookingkit_prices WHERE event_id = ? AND (public = 1 OR ?) ORDER BY rowid",
                arguments: [event, context.withPrivatePrices], context: (), to: &json)
        }
    }
}
