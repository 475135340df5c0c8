import Emulation

/// An event (spec §9.5). `status` keeps the stored states of §10.3 (`draft`, `live`,
/// `canceled`, `completed`); `started` and `ended` are derived from the clock when written and
/// filtered on. Deleted events stay in the table, flagged, so a second DELETE can say
/// `ALREADY_DELETED`; every read treats them as absent.
struct Event: StoredRecord {
    var id: Int64 = 0
    var organizationID: Int64 = 0
    var organizerID: Int64 = 0
    var nameHTML = ""
    var nameText = ""
    var summary: String?
    /// The deprecated description; new events mirror their summary here (§9.5.2).
    var descriptionHTML: String?
    var url = ""
    var vanityURL: String?
    var startUTC = EpochSeconds(0)
    var startTimezone = "America/Los_Angeles"
    /// The start as wall-clock time in its zone (`2031-05-01T19:00:00`), kept for the filters on
    /// local datetimes (`start_date.range_start`).
    var startLocal = ""
    var endUTC = EpochSeconds(0)
    var endTimezone = "America/Los_Angeles"
    var created = EpochSeconds(0)
    var changed = EpochSeconds(0)
    var published: EpochSeconds?
    /// Set only when `capacity_is_custom`; otherwise the capacity is the ticket classes' sum.
    var customCapacity: Int64?
    var status = EventStatus.draft
    var isDeleted = false
    var currency = "USD"
    var listed = true
    var shareable = false
    var inviteOnly = false
    var onlineEvent = false
    var showRemaining = false
    var txTimeLimit: Int64 = 480
    var hideStartDate = false
    var hideEndDate = false
    var locale = "en_US"
    var isLocked = false
    var privacySetting = "unlocked"
    var isSeries = false
    var isSeriesParent = false
    var seriesID: Int64?
    var inventoryType = "limited"
    var isReservedSeating = false
    /// `show_pick_a_seat` in JSON; the column name follows the property-name rule.
    var showPickSeat = false
    var showSeatmapThumbnail = false
    var showColorsInSeatmapThumbnail = false
    var source = "api"
    var isExternallyTicketed = false
    var logoID: Int64?
    var venueID: Int64?
    var categoryID: Int64?
    var subcategoryID: Int64?
    var formatID: Int64?
    var password: String?

    static let table = RecordTable(
        "eventbrite_events", of: Event.self,
        constraints: [
            .references("organization_id", "eventbrite_organizations"), .references("organizer_id", "eventbrite_organizers"),
            .references("venue_id", "eventbrite_venues"),
        ],
        indexes: [
            "organization_id, start_utc, id", "venue_id, start_utc, id", "organizer_id, start_utc, id", "series_id, start_utc, id",
        ])

    /// Sets start and end, and the local start the filters compare.
    mutating func setTimes(start: Int64, startTimezone: String, end: Int64, endTimezone: String) {
        startUTC = EpochSeconds(start)
        self.startTimezone = startTimezone
        endUTC = EpochSeconds(end)
        self.endTimezone = endTimezone
        startLocal = EventbriteFormats.localText(start, timezone: startTimezone)
    }

    /// The text of the name, derived from its html (§10.4).
    mutating func setName(html: String) {
        nameHTML = html
        nameText = MultipartText.text(fromHTML: html)
    }

    /// `https://www.eventbrite.com/e/<slug>-tickets-<id>`, the slug from the name (as captured).
    static func url(name: String, id: Int64) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return "https://www.eventbrite.com/e/" + (slug.isEmpty ? "" : slug + "-") + "tickets-\(id)"
    }
}

/// The stored status of an event (§10.3).
enum EventStatus: String, ColumnCodable, Sendable {
    case draft, live, canceled, completed
}
