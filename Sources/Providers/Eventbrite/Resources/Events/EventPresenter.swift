import Emulation

extension Event {
    /// Fields only members of the event's organization see (§9.5.1).
    private static let membersOnly: RecordView<RenderContext>.Condition = { row, context in
        context.caller.isMember(of: row.integer("organization_id"))
    }

    /// `start` or `end` (`{timezone, local, utc}`) from the `<key>_utc` and `<key>_timezone` columns.
    static func dateTimeZone(_ key: String) -> RecordView<RenderContext>.Member {
        let utc = key + "_utc"
        let timezone = key + "_timezone"
        return .derived(key) { row, _, json in
            EventbriteFormats.writeDateTimeZone(utc: row.integer(utc), timezone: row.string(timezone), to: &json)
        }
    }

    /// The event as every endpoint writes it (§9.5.2, in the captured key order), expansions last.
    static let presenter = Presenter(
        type: "event",
        view: RecordView(table, [
            .derived("name") { row, _, json in
                EventbriteFormats.writeMultipartText(html: row.string("name_html"), text: row.string("name_text"), to: &json)
            },
            .derived("description") { row, context, json in
                guard !context.switches.isEnabled(APISwitches.omitDescription) else { return json.null() }
                let html = row.optionalString("description_html") ?? row.optionalString("summary").map(MultipartText.html(fromPlain:))
                guard let html else { return json.null() }
                EventbriteFormats.writeMultipartText(html: html, text: MultipartText.text(fromHTML: html), to: &json)
            },
            .id("id"),
            .column("url"),
            .column("vanity_url").when { row, _ in !row.isNull("vanity_url") },
            dateTimeZone("start"),
            dateTimeZone("end"),
            .id("organization_id"),
            .column("created", format: EventbriteFormats.utc),
            .column("changed", format: EventbriteFormats.utc),
            .column("published", format: EventbriteFormats.utc),
            .derived("capacity") { row, _, json in
                if let custom = row.optionalInteger("custom_capacity") {
                    json.int(custom)
                } else if let sum = row.optionalInteger("ticket_capacity") {
                    json.int(sum)
                } else {
                    json.null()
                }
            }.when(membersOnly),
            .derived("capacity_is_custom") { row, _, json in json.bool(!row.isNull("custom_capacity")) }.when(membersOnly),
            .derived("status") { row, context, json in json.string(Event.displayedStatus(row, now: context.now)) },
            .column("currency"),
            .column("listed").when(membersOnly),
            .column("shareable").when(membersOnly),
            .column("invite_only").when(membersOnly),
            .column("online_event"),
            .column("show_remaining").when(membersOnly),
            .column("tx_time_limit"),
            .column("hide_start_date"),
            .column("hide_end_date"),
            .column("locale"),
            .column("is_locked"),
            .column("privacy_setting"),
            .column("is_series"),
            .column("is_series_parent"),
            .id("series_id").when { row, _ in !row.isNull("series_id") },
            .column("inventory_type"),
            .column("is_reserved_seating"),
            .column("show_pick_seat", as: "show_pick_a_seat"),
            .column("show_seatmap_thumbnail"),
            .column("show_colors_in_seatmap_thumbnail"),
            .column("source"),
            .derived("is_free") { row, _, json in json.bool(row.bool("derived_is_free")) },
            .constant("version", .null),
            .column("summary"),
            .constant("facebook_event_id", .null),
            .id("logo_id"),
            .id("organizer_id"),
            .id("venue_id"),
            .id("category_id"),
            .id("subcategory_id"),
            .id("format_id"),
            .derived("resource_uri") { row, context, json in context.writeResourceURI("events/", id: row.integer("id"), to: &json) },
            .column("is_externally_ticketed"),
            .column("password").when { row, context in
                membersOnly(row, context) && !(row.optionalString("password") ?? "").isEmpty
            },
        ] + EventExpansions.members),
        alias: "e",
        extraColumns: [
            // The capacity of a non-custom event: its tickets' and tiers' (§10.2), NULL when it has none.
            "\(EventInventory.computedCapacity) AS ticket_capacity",
            """
            NOT EXISTS (SELECT 1 FROM eventbrite_ticket_classes t
                        WHERE t.event_id = e.id AND NOT t.is_deleted AND t.\(TicketClass.isPaid)) AS derived_is_free
            """,
        ],
        references: EventExpansions.references, prefetches: EventExpansions.prefetches)

    /// `started` and `ended` are what a `live` event is once its start or end has passed (§10.3).
    static func displayedStatus(_ row: ViewRow, now: Int64) -> String {
        let stored = row.string("status")
        guard stored == EventStatus.live.rawValue else { return stored }
        if now >= row.integer("end_utc") { return "ended" }
        if now >= row.integer("start_utc") { return "started" }
        return stored
    }
}

/// The expansions of an event (§5.4): those its own record and the reference data answer, the
/// occurrences of a series parent (`series_dates`, `SeriesDates`), then the ticket-based ones
/// (`EventTicketExpansions`).
enum EventExpansions {
    static let logo = ExpansionReference("logo", from: "logo_id") { Image.presenter }
    static let venue = ExpansionReference("venue", from: "venue_id") { Venue.presenter }
    static let organizer = ExpansionReference("organizer", from: "organizer_id") { Organizer.presenter }
    static let format = ExpansionReference("format", from: "format_id") { Format.presenter }
    static let category = ExpansionReference("category", from: "category_id") { Category.presenter }
    static let subcategory = ExpansionReference("subcategory", from: "subcategory_id") { Subcategory.presenter }

    /// The expansions that embed other records, rendered for all the events being written at once.
    static let references = [
        logo, venue, organizer, format, category, subcategory, SeriesDates.reference, EventTicketExpansions.ticketClasses,
    ]

    /// What the expansions read per event, fetched for all the events being written at once.
    static let prefetches = [
        PagePrefetch(expansions: ["listing_properties"]) { ids, context in
            var thumbnails = [Int64: String?](minimumCapacity: ids.count)
            let condition = SQLFilter("event_id", inList: ids)
            // Each event's first seat map, the one a single event reads.
            try context.database.forEachRow(
                "SELECT event_id, thumbnail_url FROM eventbrite_seatmaps WHERE \(condition.clause) ORDER BY event_id, id",
                arguments: condition.arguments
            ) { row in
                let event = row.integer(at: 0)
                if thumbnails[event] == nil { thumbnails[event] = .some(row.optionalString(at: 1)) }
            }
            for id in ids { context.memo.set(thumbnailKey(id), (thumbnails[id] ?? nil) as Any) }
        },
        PagePrefetch(expansions: ["has_digital_content"]) { ids, context in
            var latest = [Int64: Bool](minimumCapacity: ids.count)
            let condition = SQLFilter("event_id", inList: ids)
            for page in try context.database.fetchAll(
                StructuredContentPage.self, where: condition.clause + " AND purpose = 'digital_content' AND published",
                orderBy: "event_id, version DESC", arguments: condition.arguments
            ) where latest[page.eventID] == nil {
                latest[page.eventID] = !page.modules.isEmpty
            }
            for id in ids { context.memo.set(digitalContentKey(id), latest[id] ?? false) }
        },
    ] + EventTicketExpansions.prefetches

    private static func thumbnailKey(_ id: Int64) -> String { "seatmap-thumbnail:\(id)" }
    private static func digitalContentKey(_ id: Int64) -> String { "digital-content:\(id)" }

    /// The thumbnail of the event's first seat map, if it has one.
    private static func seatMapThumbnail(event id: Int64, _ context: RenderContext) throws -> String? {
        try context.memo.value(thumbnailKey(id)) {
            try context.database.queryOne("SELECT thumbnail_url FROM eventbrite_seatmaps WHERE event_id = ? ORDER BY id LIMIT 1", id)?
                .string("thumbnail_url")
        }
    }

    /// Whether the event has digital content: its latest published `digital_content` structured
    /// content has modules (§8.23).
    private static func hasDigitalContent(event id: Int64, _ context: RenderContext) throws -> Bool {
        try context.memo.value(digitalContentKey(id)) {
            let page = try StructuredContentPage.latest(eventID: id, purpose: "digital_content", publishedOnly: true, in: context.database)
            return !(page?.modules.isEmpty ?? true)
        }
    }

    static let members: [RecordView<RenderContext>.Member] = [
        .expansion(logo), .expansion(venue), .expansion(organizer), .expansion(format), .expansion(category), .expansion(subcategory),
        .expansion("bookmark_info") { _, _, json in json.value(["bookmarked": false]) },
        // The seed types it a string and gives no value; the organizer default is no refunds.
        .expansion("refund_policy") { _, _, json in json.string("No Refunds") },
        .expansion("external_ticketing") { row, _, json in
            guard row.bool("is_externally_ticketed") else { return json.null() }
            json.object { json in
                json.field("external_url", "")
                json.field("ticketing_provider_name", "")
                json.field("is_free", row.bool("derived_is_free"))
                json.field("minimum_ticket_price", .null)
                json.field("maximum_ticket_price", .null)
                json.field("sales_start", .null)
                json.field("sales_end", .null)
            }
        },
        .expansion("music_properties") { _, _, json in
            json.value(["age_restriction": nil, "presented_by": nil, "door_time": nil])
        },
        // Undocumented shape (A24).
        .expansion("publish_settings") { _, _, json in json.value([:]) },
        .expansion("checkout_settings") { row, _, json in
            let changed = EventbriteFormats.utcText(row.integer("created"))
            let currency = row.string("currency")
            json.object { json in
                json.field("created", changed)
                json.field("changed", changed)
                json.field("country_code", Currency.country[currency] ?? "US")
                json.field("currency_code", currency)
                json.field("checkout_method", "eventbrite")
                json.field("offline_settings", .array([]))
                json.field("user_instrument_vault_id", "")
            }
        },
        .expansion("listing_properties") { row, context, json in
            // The seat map's overview image, for reserved-seating events only (the seed's note).
            let thumbnail = row.bool("is_reserved_seating") ? try seatMapThumbnail(event: row.integer("id"), context) : nil
            json.object { json in
                json.field("seatmap_thumbnail_url", thumbnail)
                json.field("is_paid", !row.bool("derived_is_free"))
            }
        },
        .expansion("has_digital_content") { row, context, json in
            let has = try hasDigitalContent(event: row.integer("id"), context)
            json.object { json in
                json.field("has_digital_content", has)
                // The online event page; the seed names no form, so this emulation puts it
                // beside the listing, under `/x/` instead of `/e/`.
                json.field("digital_content_url", has ? row.string("url").replacingOccurrences(of: "/e/", with: "/x/") : "")
            }
        },
        .expansion(SeriesDates.reference),
    ] + EventTicketExpansions.members
}
