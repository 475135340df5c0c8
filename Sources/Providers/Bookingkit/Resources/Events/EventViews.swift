import Emulation

/// What an event's rendering depends on beyond its row: the calling client's commission, whether
/// private prices are shown, whether `first_date` is (only with `available_from`, §5.2), and the
/// prices and price groups of the events being written, rendered for all of them at once
/// (`EventEmbeds`), each filed under its event's `rowid`.
struct EventRenderContext {
    let commission: Int64
    let withPrivatePrices: Bool
    let showsFirstDate: Bool
    var prices: RenderedRecords?
    var priceGroups: RenderedRecords?

    init(commission: Int64, withPrivatePrices: Bool, showsFirstDate: Bool) {
        self.commission = commission
        self.withPrivatePrices = withPrivatePrices
        self.showsFirstDate = showsFirstDate
    }
}

/// The Event and MergedEvent objects (spec §6.3, §6.4), in the seed's order. The SELECT adds
/// `vendor_name`, `first_date` and the event's `rowid` (`row_key`) to the event's columns
/// (`EventQuery.collection`).
enum EventViews {
    static let computed = ["vendor_name", "first_date", "row_key"]

    static let event = RecordView<EventRenderContext>(
        EventRecord.table, computed: computed, leading + [.column("root_event_id")] + middle + [prices] + trailing)

    static let merged = RecordView<EventRenderContext>(EventRecord.table, computed: computed, leading + middle + [priceGroups] + trailing)

    private static let leading: [RecordView<EventRenderContext>.Member] = [
        .column("id"), .column("active", format: .string),
    ]

    private static let middle: [RecordView<EventRenderContext>.Member] = [
        .column("title"), .column("description"), .column("type"), .column("duration"), .column("pre_time"),
        .column("max_participants"), .column("timezone"), .column("location"), .column("location_place_id"),
        .column("location_lng"), .column("location_lat"), .column("meeting_location"), .column("meeting_location_lng"),
        .column("meeting_location_lat"), .column("meeting_location_place_id"), .column("vendor_id"), .column("bring"),
        .column("advice"), .column("hint"), .column("participant_hint"),
        .column("vendor_name", format: .string),
        .column("youtube_video_id", as: "youtubeVideoId"), .column("voucher_checkout_url"), .column("images"),
        .column("highlights"), .column("categories"),
    ]

    private static let trailing: [RecordView<EventRenderContext>.Member] = [
        .column("tags"),
        .column("first_date", format: .dateTime).when { _, context in context.showsFirstDate },
        .column("min_participants"), .column("latest_booking_time"),
        .derived("commission") { _, context, json in json.int(context.commission) },
    ]

    private static let prices = RecordView<EventRenderContext>.Member.embeddedArray("prices", by: "row_key", in: { $0.prices })

    /// The event's own price group, then one per active pricelist child (§7.2).
    private static let priceGroups = RecordView<EventRenderContext>.Member.derived("price_groups") { row, context, json in
        try json.array { json in
            try priceGroup.write(row.cursor, context, to: &json)
            if let children = context.priceGroups?.objects(for: row.integer("row_key")) { json.encodedValue(children) }
        }
    }

    /// A price group (§6.4): an event's own, or a pricelist child's. Its rows are the events'
    /// (with the same computed columns), so a merged event writes its own group from its row.
    static let priceGroup = RecordView<EventRenderContext>(EventRecord.table, computed: computed, [
        .column("price_group_id", as: "id"), .column("price_group_name", as: "name"),
        .embeddedArray("prices", by: "row_key", in: { $0.prices }),
    ])
}
